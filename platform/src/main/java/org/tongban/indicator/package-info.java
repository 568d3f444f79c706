/**
 * Facts and indicators of the plans: modules record changes of facts (places, beds, facilities of a kind …) per
 * region and month; the facts are kept at all five levels, live, and can be recomputed from their sources.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region"})
package org.tongban.indicator;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
