/**
 * The registry of natural persons: names, 公民身份号码 (encrypted, blind-indexed, masked everywhere),
 * phone, household and residence regions.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "exchange::spi"})
package org.tongban.person;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
