/**
 * The append-only, hash-chained audit trail: who did what to which record, when and from where, including
 * sign-ins and failed sign-ins. Other modules write through {@link org.tongban.audit.AuditTrail}.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package org.tongban.audit;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
