/**
 * Value types every module speaks: region codes, identity numbers, refusals. No beans, no state.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tongban.shared;

import org.jspecify.annotations.NullMarked;
