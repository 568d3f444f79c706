/**
 * Value types every module speaks: region codes, identity numbers, refusals; and the platform-wide settings
 * ({@link org.tongban.shared.PlatformSettings}). No services, no state.
 */
@NullMarked
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.tongban.shared;

import org.jspecify.annotations.NullMarked;
