package org.tongban.insurance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 工伤认定 deadlines and insurance, from the record (工伤保险条例 arts. 17, 20, 62): the unit must apply within 30 days of
 * the accident (an extension only with the agency's consent); after that the worker or the close relatives may apply
 * within one year; the agency decides within 60 days of accepting (the item's clock); the worker must have been
 * insured with the unit that day, or the unit pays what the fund would have.
 */
@Service
@Transactional(readOnly = true)
public class WorkInjuries {

  public record Assessment(LocalDate injuredOn, LocalDate unitDeadline, LocalDate personalDeadline,
                           @Nullable LocalDate decisionDue, List<Finding> findings) {}

  private final Enrolments enrolments;

  WorkInjuries(Enrolments enrolments) {
    this.enrolments = enrolments;
  }

  /**
   * For the person injured on {@code injuredOn}, applying on {@code applyingOn} ({@code byUnit}: the employer applies);
   * {@code acceptedOn}, once accepted, sets the decision's due day.
   */
  public Assessment assess(UUID person, @Nullable LocalDate injuredOn, LocalDate applyingOn, boolean byUnit,
                           @Nullable LocalDate acceptedOn) {
    if (injuredOn == null || injuredOn.isAfter(applyingOn) || injuredOn.isBefore(applyingOn.minusYears(20))) {
      throw new InsuranceRefusals.InvalidParameter("injuryDate");
    }
    var unitDeadline = injuredOn.plusDays(30);
    var personalDeadline = injuredOn.plusYears(1);
    var findings = new ArrayList<Finding>();
    if (byUnit) {
      boolean inTime = !applyingOn.isAfter(unitDeadline);
      findings.add(new Finding("unit-in-time", inTime, "《工伤保险条例》第十七条第一款",
          "事故发生于 " + injuredOn + "，单位应于 " + unitDeadline + " 前申请；今天 " + applyingOn
              + (inTime ? "" : "，已超过 30 日（经社会保险行政部门同意可延长；逾期期间的工伤待遇由单位负担，第十七条第四款）")));
    } else {
      boolean inTime = !applyingOn.isAfter(personalDeadline);
      findings.add(new Finding("person-in-time", inTime, "《工伤保险条例》第十七条第二款",
          "事故发生于 " + injuredOn + "，本人或近亲属可于 " + personalDeadline + " 前申请（已过 "
              + ChronoUnit.DAYS.between(injuredOn, applyingOn) + " 天）"));
    }
    var insured = enrolments.of(person).stream().filter(e -> e.insurance() == Insurance.INJURY
        && e.covers(YearMonth.from(injuredOn))).findFirst();
    findings.add(new Finding("insured", insured.isPresent(), "《工伤保险条例》第二条、第六十二条",
        insured.map(e -> "事故当日参加工伤保险（" + e.from() + " 起）")
            .orElse("事故当日未参加工伤保险：认定为工伤的，由用人单位按本条例的待遇项目和标准支付（第六十二条）")));
    return new Assessment(injuredOn, unitDeadline, personalDeadline, acceptedOn == null ? null : acceptedOn.plusDays(60),
        List.copyOf(findings));
  }
}
