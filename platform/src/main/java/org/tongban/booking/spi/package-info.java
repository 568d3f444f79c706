/** What booking asks of the modules whose places residents book. */
@NullMarked
@NamedInterface("spi")
package org.tongban.booking.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
