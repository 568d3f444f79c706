/**
 * Jurisdiction: which regions, departments and purposes (capture / view / search) a signed-in staff member
 * may act on. {@link org.tongban.access.Jurisdiction} is the single enforcement point every query of scoped
 * data goes through.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package org.tongban.access;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
