/** Where modules offer the current values of their facts, for the full recompute. */
@NullMarked
@NamedInterface("spi")
package org.tongban.indicator.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
