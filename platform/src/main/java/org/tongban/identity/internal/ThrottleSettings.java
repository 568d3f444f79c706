package org.tongban.identity.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the sign-in endpoints ({@code tongban.identity.throttle.*}). A request over a limit is answered 429 with
 * {@code Retry-After} at once instead of waiting in line. The limits hold across nodes; the hashing cap is a node's.
 *
 * @param perAddress sign-in, second-factor, registration and reset attempts a client address may make per minute
 *     (a service hall's residents may share one address, so this is wider than the per-account limit)
 * @param perAccount attempts per minute for one username or phone number, whatever the address
 * @param codesPerAddress SMS codes a client address may ask for per hour
 * @param concurrentPasswordChecks password hashes (Argon2id, ~50 ms of a core each) computed at once; more
 *     requests than this wait at most {@code waitForPasswordCheck}, then get 429
 * @param waitForPasswordCheck how long a sign-in may wait for a free hashing slot
 */
@ConfigurationProperties("tongban.identity.throttle")
record ThrottleSettings(@DefaultValue("60") int perAddress, @DefaultValue("10") int perAccount,
                        @DefaultValue("20") int codesPerAddress, @DefaultValue("4") int concurrentPasswordChecks,
                        @DefaultValue("PT0.5S") Duration waitForPasswordCheck) {

  ThrottleSettings {
    if (perAddress < 1 || perAccount < 1 || codesPerAddress < 1 || concurrentPasswordChecks < 1) {
      throw new IllegalArgumentException("tongban.identity.throttle limits must be at least 1");
    }
  }
}
