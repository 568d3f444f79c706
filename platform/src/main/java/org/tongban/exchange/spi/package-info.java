/** Where modules declare the data resources they share through the exchange, and what each change shares. */
@NullMarked
@NamedInterface("spi")
package org.tongban.exchange.spi;

import org.jspecify.annotations.NullMarked;
import org.springframework.modulith.NamedInterface;
