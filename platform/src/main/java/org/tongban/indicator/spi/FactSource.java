package org.tongban.indicator.spi;

import java.util.function.Consumer;
import org.tongban.indicator.FactChange;

/**
 * A module's facts as its records say they are now: the changes that, summed from nothing, give every fact's value
 * (for a stock: +value in the month it took effect, −value in the month it ended). The recompute calls this for
 * every source and must arrive at exactly the values the recorded changes gave.
 */
public interface FactSource {

  void currentFacts(Consumer<FactChange> out);
}
