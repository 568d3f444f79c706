package org.tongban.health;

import java.util.Arrays;
import java.util.List;

/**
 * The detectors of early warning (早期监测预警), as pure functions over daily counts ({@code counts[i]}: cases reported
 * on day i, the last element being the day examined). Each answer names its method, its threshold, the statistic and
 * the baseline it compared with — what an alert must show.
 *
 * <ul>
 *   <li><b>EARS C1, C2, C3</b> (CDC's Early Aberration Reporting System; Hutwagner L. et al., "The bioterrorism
 *       preparedness and response Early Aberration Reporting System (EARS)", J Urban Health 2003;80(2 Suppl 1):i89–96).
 *       C1: the day against the mean and standard deviation of the 7 days before it; C2: the same with a two-day guard
 *       band (days −9 … −3); both alert when the statistic exceeds 3. C3: the sum over the day and the two before it of
 *       max(0, C2 − 1), alerting above 2. A standard deviation below {@link #MIN_SIGMA} counts as that much, so a flat
 *       baseline does not divide by zero (and a single case on a long run of zeros is, as in EARS, an alert).</li>
 *   <li><b>Moving percentile</b> (移动百分位数法) of China's infectious disease automated-alert and response system
 *       (CIDARS; 杨维中等，《中国传染病自动预警与响应系统的建立及运行》，中华流行病学杂志 2010 年第 31 卷第 11 期): the cases
 *       of the last 7 days against a percentile (P80 here; the system uses P50 for some diseases) of the same 7-day
 *       windows in the 3 previous years, each year's window and the two windows on either side of it (15 baseline
 *       values); an alert when the count exceeds the percentile and is at least {@code minimum} cases.</li>
 * </ul>
 */
public final class Detectors {

  /** The least standard deviation EARS divides by. */
  public static final double MIN_SIGMA = 0.2;

  private Detectors() {}

  /** One detector's answer for the day: alert or not, and why. */
  public record Signal(String method, boolean alert, double statistic, double threshold, double observed,
                       double baselineMean, double baselineSd, List<Double> baseline) {}

  /** EARS C1: the day against the 7 days before it. Needs 8 days. */
  public static Signal c1(long[] counts) {
    int t = counts.length - 1;
    return ears("EARS-C1", counts, t, t - 7, t - 1);
  }

  /** EARS C2: the day against days −9 … −3. Needs 10 days. */
  public static Signal c2(long[] counts) {
    int t = counts.length - 1;
    return ears("EARS-C2", counts, t, t - 9, t - 3);
  }

  /** EARS C3: the sum of max(0, C2 − 1) over the day and the two before it. Needs 12 days. */
  public static Signal c3(long[] counts) {
    if (counts.length < 12) throw new IllegalArgumentException("C3 needs 12 days of counts");
    double sum = 0;
    Signal last = null;
    for (int back = 2; back >= 0; back--) {
      last = c2(Arrays.copyOf(counts, counts.length - back));
      sum += Math.max(0, last.statistic() - 1);
    }
    return new Signal("EARS-C3", sum > 2, sum, 2, counts[counts.length - 1], last.baselineMean(), last.baselineSd(),
        last.baseline());
  }

  private static Signal ears(String method, long[] counts, int t, int from, int to) {
    if (from < 0) throw new IllegalArgumentException(method + " needs " + (t - from + 1) + " days of counts");
    var baseline = new java.util.ArrayList<Double>();
    for (int i = from; i <= to; i++) baseline.add((double) counts[i]);
    double mean = baseline.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    double variance = baseline.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (baseline.size() - 1);
    double sd = Math.max(Math.sqrt(variance), MIN_SIGMA);
    double statistic = (counts[t] - mean) / sd;
    return new Signal(method, statistic > 3, statistic, 3, counts[t], mean, Math.sqrt(variance), List.copyOf(baseline));
  }

  /**
   * The moving percentile: {@code counts} end on the day examined and reach back at least 3 years and 3 weeks
   * (3 × 364 + 7 × 3 + 7 days); weeks of the earlier years are taken 364 days apart, so they fall on the same weekdays.
   */
  public static Signal movingPercentile(long[] counts, double percentile, long minimum) {
    int t = counts.length - 1;
    int need = 3 * 364 + 2 * 7 + 7;
    if (counts.length < need) throw new IllegalArgumentException("the moving percentile needs " + need + " days");
    long current = window(counts, t);
    var baseline = new java.util.ArrayList<Double>();
    for (int year = 1; year <= 3; year++) {
      for (int shift = -2; shift <= 2; shift++) {
        int end = t - year * 364 + shift * 7;
        if (end > t) continue;
        baseline.add((double) window(counts, end));
      }
    }
    double threshold = percentile(baseline, percentile);
    boolean alert = current > threshold && current >= minimum;
    double mean = baseline.stream().mapToDouble(Double::doubleValue).average().orElse(0);
    return new Signal("MOVING-PERCENTILE-P" + Math.round(percentile), alert, current, threshold,
        current, mean, Double.NaN, List.copyOf(baseline));
  }

  /** Days of history {@link #movingPercentile} needs. */
  public static int movingPercentileDays() {
    return 3 * 364 + 2 * 7 + 7;
  }

  private static long window(long[] counts, int end) {
    long sum = 0;
    for (int i = end - 6; i <= end; i++) sum += counts[i];
    return sum;
  }

  /** The percentile by linear interpolation between closest ranks (the R-7 definition, as Excel's PERCENTILE). */
  static double percentile(List<Double> values, double p) {
    var sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    double rank = p / 100.0 * (sorted.length - 1);
    int lower = (int) Math.floor(rank);
    int upper = (int) Math.ceil(rank);
    return sorted[lower] + (rank - lower) * (sorted[upper] - sorted[lower]);
  }
}
