package org.tongban.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The limit a full login runs into (#18.4): Argon2id alone, as Tongban checks passwords (salt 16, hash 32, p=1,
 * 19 MiB, t=2 — {@code PasswordConfiguration.ARGON2}), in checks per second on 1, 2 and 4 threads, each after a 5 s
 * warm-up, 20 s measured. bench/one-login.sh runs it after the flows, with both servers frozen.
 */
public final class PasswordHashAlone {
  private PasswordHashAlone() {}

  public static void main(String[] args) throws Exception {
    var encoder = new Argon2PasswordEncoder(16, 32, 1, 19_456, 2);
    String stored = encoder.encode("Bench-password-2026");
    for (int threads : new int[] {1, 2, 4}) {
      var done = new AtomicLong();
      long until = System.nanoTime() + 5_000_000_000L; // warm-up
      Runnable work = () -> { while (System.nanoTime() < until) encoder.matches("Bench-password-2026", stored); };
      Thread[] ts = new Thread[threads];
      for (int i = 0; i < threads; i++) (ts[i] = new Thread(work)).start();
      for (Thread t : ts) t.join();
      long start = System.nanoTime(), end = start + 20_000_000_000L;
      Runnable measured = () -> { while (System.nanoTime() < end) { encoder.matches("Bench-password-2026", stored); done.incrementAndGet(); } };
      for (int i = 0; i < threads; i++) (ts[i] = new Thread(measured)).start();
      for (Thread t : ts) t.join();
      System.out.printf("RESULT %d threads: %.1f checks/s%n", threads, done.get() / ((System.nanoTime() - start) / 1e9));
    }
  }
}
