/**
 * The web shell: layout, navigation, language (zh-CN first, English second), 长辈版 (elderly-friendly
 * mode), and the one place refusals become RFC 9457 problem details. No business rules.
 */
@NullMarked
@ApplicationModule(allowedDependencies = {"shared"})
package org.tongban.web;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.ApplicationModule;
