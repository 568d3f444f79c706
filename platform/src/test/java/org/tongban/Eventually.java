package org.tongban;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for what an event listener does after a commit: the condition, checked until a deadline, or a failure. */
public final class Eventually {

  private Eventually() {}

  public static void until(String what, Duration within, BooleanSupplier condition) {
    var deadline = Instant.now().plus(within);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) throw new AssertionError("not within " + within + ": " + what);
      LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
    }
  }
}
