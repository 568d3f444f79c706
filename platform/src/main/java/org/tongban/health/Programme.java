package org.tongban.health;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The programmes of 国家基本公共卫生服务 the platform schedules, with the services each owes a managed resident and the
 * window each is due in — from 《国家基本公共卫生服务规范（第三版）》 (原国家卫生计生委, 2017): 0～6岁儿童健康管理 (newborn home visit
 * within a week of discharge, the full-month check at 28–30 days, 8 checks at 3, 6, 8, 12, 18, 24, 30 and 36 months,
 * one a year at 4, 5 and 6), 孕产妇健康管理 (first antenatal visit before 13 weeks, at 16–20, 21–24, 28–36 and 37–40
 * weeks, a home visit 3–7 days after delivery and the 42-day check), 老年人健康管理 (a yearly check from 65),
 * 高血压 and 2型糖尿病患者健康管理 (at least four face-to-face follow-ups a year — one a quarter — and a yearly check, from
 * 35), 肺结核患者健康管理 (a home visit within 72 hours of being notified, then monthly through the 6 months of the
 * standard regimen). Where the specification names an age, not a window (the month checks, the yearly ones), the
 * window is the month (respectively the year of age) that follows it: our reading, said here.
 */
public enum Programme {

  CHILD("0～6岁儿童健康管理", "Child health (0–6)", false),
  PREGNANCY("孕产妇健康管理", "Maternal health", false),
  ELDERLY("老年人健康管理（65岁及以上）", "Older people's health (65+)", true),
  HYPERTENSION("高血压患者健康管理", "Hypertension management", true),
  DIABETES("2型糖尿病患者健康管理", "Type 2 diabetes management", true),
  TUBERCULOSIS("肺结核患者健康管理", "Tuberculosis patient management", false);

  /** A service due: its code within the enrolment, what it is, and the days it is due between (both included). */
  public record Due(String item, String labelZh, String labelEn, LocalDate from, LocalDate to) {}

  private final String zh;
  private final String en;
  private final boolean yearly;

  Programme(String zh, String en, boolean yearly) {
    this.zh = zh;
    this.en = en;
    this.yearly = yearly;
  }

  public String label(boolean english) {
    return english ? en : zh;
  }

  /** Whether its services repeat each year (scheduled a year at a time) rather than ending. */
  public boolean yearly() {
    return yearly;
  }

  /** The youngest age (years, reached in the year) the programme manages; {@code -1} for none. */
  public int minimumAge() {
    return switch (this) {
      case ELDERLY -> 65;
      case HYPERTENSION, DIABETES -> 35;
      default -> -1;
    };
  }

  /**
   * The services due from {@code anchor} that have not already closed when the resident is enrolled on
   * {@code enrolledOn}: all of them for a programme that ends, and those of the years up to {@code throughYear} for a
   * yearly one. After a delivery the postnatal services are due instead of the antenatal visits still ahead.
   */
  public List<Due> schedule(LocalDate anchor, LocalDate enrolledOn, @Nullable LocalDate delivered, int throughYear) {
    var all = new ArrayList<Due>();
    switch (this) {
      case CHILD -> {
        all.add(new Due("NEWBORN", "新生儿家庭访视", "Newborn home visit", anchor, anchor.plusDays(10)));
        all.add(new Due("M1", "新生儿满月健康管理", "Full-month check", anchor.plusDays(28), anchor.plusDays(30)));
        for (int m : new int[] {3, 6, 8, 12, 18, 24, 30, 36}) {
          var from = anchor.plusMonths(m);
          all.add(new Due("M" + m, m + "月龄健康检查", m + "-month check", from, from.plusMonths(1).minusDays(1)));
        }
        for (int y : new int[] {4, 5, 6}) {
          var from = anchor.plusYears(y);
          all.add(new Due("Y" + y, y + "岁健康检查", "Check at " + y, from, from.plusYears(1).minusDays(1)));
        }
      }
      case PREGNANCY -> {
        all.add(new Due("ANC1", "孕早期健康管理（孕13周前建册）", "First antenatal visit (before 13 weeks)", anchor,
            anchor.plusWeeks(13).minusDays(1)));
        int[][] weeks = {{16, 20}, {21, 24}, {28, 36}, {37, 40}};
        for (int i = 0; i < weeks.length; i++) {
          var from = anchor.plusWeeks(weeks[i][0]);
          var to = anchor.plusWeeks(weeks[i][1]).plusDays(6);
          if (delivered != null && !from.isBefore(delivered)) continue;
          all.add(new Due("ANC" + (i + 2), "孕" + weeks[i][0] + "～" + weeks[i][1] + "周产前随访",
              "Antenatal visit at " + weeks[i][0] + "–" + weeks[i][1] + " weeks", from, to));
        }
        if (delivered != null) {
          all.add(new Due("PP7", "产后访视（产后3～7天）", "Postnatal home visit (3–7 days)", delivered.plusDays(3),
              delivered.plusDays(7)));
          all.add(new Due("PP42", "产后42天健康检查", "Check 42 days after delivery", delivered.plusDays(42),
              delivered.plusDays(56)));
        }
      }
      case ELDERLY, HYPERTENSION, DIABETES -> {
        for (int year = Math.max(anchor.getYear(), enrolledOn.getYear()); year <= throughYear; year++) {
          var jan = LocalDate.of(year, 1, 1);
          all.add(new Due("CHECK-" + year, year + "年健康体检", "Health check " + year, jan, jan.plusYears(1).minusDays(1)));
          if (this == ELDERLY) continue;
          for (int q = 1; q <= 4; q++) {
            var from = jan.plusMonths(3L * (q - 1));
            all.add(new Due("FU-" + year + "Q" + q, year + "年第" + q + "季度随访", "Follow-up " + year + " Q" + q,
                from, from.plusMonths(3).minusDays(1)));
          }
        }
      }
      case TUBERCULOSIS -> {
        all.add(new Due("FIRST", "第一次入户随访（72小时内）", "First home visit (within 72 hours)", anchor, anchor.plusDays(3)));
        for (int m = 1; m <= 6; m++) {
          var from = anchor.plusMonths(m - 1);
          all.add(new Due("T" + m, "治疗第" + m + "个月督导随访", "Supervision visit, month " + m, from,
              from.plusMonths(1).minusDays(1)));
        }
      }
    }
    return all.stream().filter(d -> !d.to().isBefore(enrolledOn)).toList();
  }

  /** Whole years of age on {@code day} for someone born on {@code born}. */
  public static int age(LocalDate born, LocalDate day) {
    return (int) ChronoUnit.YEARS.between(born, day);
  }
}
