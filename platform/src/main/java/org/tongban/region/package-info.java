/**
 * The five-level administrative hierarchy (province … village) with 12-digit codes, versioned over time,
 * and the resident population of each region by year.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "audit"})
package org.tongban.region;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
