/**
 * Child care and preschool (托育 · 学前): the facility types 托育机构, 幼儿园 and 产前筛查机构, and how their places
 * are applied for (托位 with priorities, 入园 by catchment).
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"facility::spi"})
package org.tongban.childcare;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
