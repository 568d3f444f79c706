/**
 * The plans' targets (planning): every quantitative target of the two seed plans as an indicator with its target
 * value, comparison, year, region and source sentence, and the planner's view of where each stands, live.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "access", "audit", "indicator", "indicator::spi", "facility",
    "exchange::spi"})
package org.tongban.planning;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
