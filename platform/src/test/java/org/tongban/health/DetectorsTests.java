package org.tongban.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The detectors (#17.5) on series whose answer is known: flat counts give no alert by any method; Poisson noise
 * alerts no more often than the method's false-alarm rate; an injected outbreak is found on its day by each method.
 */
class DetectorsTests {

  @Test
  void eachStatisticIsTheOneTheMethodDefines() {
    // Baseline 1,2,3,4,5,6,7 (mean 4, sd 2.16); the day: 10 → C1 = 2.78, no alert at 3.
    var c1 = Detectors.c1(new long[] {1, 2, 3, 4, 5, 6, 7, 10});
    assertThat(c1.baselineMean()).isEqualTo(4.0);
    assertThat(c1.statistic()).isCloseTo(2.777, org.assertj.core.data.Offset.offset(0.001));
    assertThat(c1.alert()).isFalse();
    // C2 skips the two days before: baseline days −9 … −3.
    var c2 = Detectors.c2(new long[] {2, 2, 2, 2, 2, 2, 3, 50, 50, 9});
    assertThat(c2.baseline()).containsExactly(2.0, 2.0, 2.0, 2.0, 2.0, 2.0, 3.0);
    assertThat(c2.alert()).isTrue();
    // The 80th percentile of 1..15 by linear interpolation: 12.2.
    assertThat(Detectors.percentile(java.util.stream.LongStream.rangeClosed(1, 15).mapToObj(x -> (double) x).toList(), 80))
        .isCloseTo(12.2, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void flatCountsNeverAlert() {
    long[] flat = new long[5 * 365];
    Arrays.fill(flat, 5);
    assertThat(alerts(flat, Detectors::c1)).isZero();
    assertThat(alerts(flat, Detectors::c2)).isZero();
    assertThat(alerts(flat, Detectors::c3)).isZero();
    assertThat(alerts(flat, c -> Detectors.movingPercentile(c, 80, 3))).isZero();
  }

  @Test
  void noiseAlertsNoMoreThanTheMethodsFalseAlarmRate() {
    long[] noise = poisson(4 * 365, 6.0, 20261202L);
    int days = 365;
    // EARS at 3 standard deviations on 7 days' noisy estimates: a few per cent of days for C1 and C2; C3 sums three
    // days' excesses and is the most sensitive of the three, alarming most often (Fricker R.D. et al., "Comparing
    // syndromic surveillance detection methods: EARS' versus a CUSUM-based methodology", Stat Med 2008;27:3407–29).
    double c1 = alerts(noise, Detectors::c1) / (double) days;
    double c2 = alerts(noise, Detectors::c2) / (double) days;
    double c3 = alerts(noise, Detectors::c3) / (double) days;
    System.out.printf("false alarms on Poisson(6) noise over a year: C1 %.1f %%, C2 %.1f %%, C3 %.1f %%%n",
        100 * c1, 100 * c2, 100 * c3);
    assertThat(c1).isLessThanOrEqualTo(0.05);
    assertThat(c2).isLessThanOrEqualTo(0.05);
    assertThat(c3).isLessThanOrEqualTo(0.12);
  }

  @Test
  void anInjectedOutbreakIsFoundOnItsDayByEachMethod() {
    long[] counts = poisson(4 * 365, 2.0, 7L);
    int day = counts.length - 30;
    counts[day] += 14;
    counts[day + 1] += 9;
    counts[day + 2] += 6;
    var upTo = Arrays.copyOf(counts, day + 1);
    assertThat(Detectors.c1(upTo).alert()).isTrue();
    assertThat(Detectors.c2(upTo).alert()).isTrue();
    assertThat(Detectors.c3(Arrays.copyOf(counts, day + 3)).alert()).isTrue();
    assertThat(Detectors.movingPercentile(upTo, 80, 3).alert()).isTrue();
    // And not the day before.
    var before = Arrays.copyOf(counts, day);
    assertThat(Detectors.c1(before).alert() && Detectors.c2(before).alert()).isFalse();
  }

  private static int alerts(long[] counts, Function<long[], Detectors.Signal> detector) {
    int n = 0;
    for (int end = counts.length - 365; end < counts.length; end++) {
      if (detector.apply(Arrays.copyOf(counts, end + 1)).alert()) n++;
    }
    return n;
  }

  /** Poisson counts by Knuth's method, seeded: the same series every run. */
  static long[] poisson(int days, double lambda, long seed) {
    var random = new SplittableRandom(seed);
    long[] out = new long[days];
    double limit = Math.exp(-lambda);
    for (int i = 0; i < days; i++) {
      long k = 0;
      double p = 1;
      do {
        k++;
        p *= random.nextDouble();
      } while (p > limit);
      out[i] = k - 1;
    }
    return out;
  }
}
