/**
 * Cases (办件): an application for one item version, received by any office and decided by the competent
 * one, run by a BPMN process in Flowable, with working-day deadlines, results, ratings (好差评) and notices.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared", "region", "organisation", "access", "audit", "person", "identity", "catalogue",
    "unit", "exchange::spi"})
package org.tongban.casework;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
