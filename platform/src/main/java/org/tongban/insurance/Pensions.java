package org.tongban.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.insurance.InsuranceRefusals.NotEligible;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Yuan;
import tools.jackson.databind.json.JsonMapper;

/**
 * 基本养老金 decided from the record: the statutory retirement age by birth month (and the flexible window), the
 * contribution months against the minimum of the retirement year, and the monthly amount by 国发〔2005〕38号 — the
 * provincial average wage of the year before, the person's average contribution index over every month counted (each
 * base ÷ that year's average wage), the months, the personal account with its interest, the divisor for the age.
 * Every figure is kept on the award. The claim files the 退休养老金申领 case; its approval grants the pension and ends
 * a running 失业保险金 (社会保险法 art. 51 (4)).
 */
@Service
@Transactional(readOnly = true)
public class Pensions {

  static final String ITEM = "hrss.retirement-pension";
  static final String BENEFIT = "PENSION";

  /** The assessment: rules, the retirement figures and the estimate ({@code null} while an input is missing). */
  public record Assessment(UUID person, List<Finding> findings, RetirementAge.Result statutory, YearMonth retireMonth,
                           int contributionMonths, MinimumContribution.Result minimum,
                           PensionFormula.@Nullable Estimate estimate) {
    public boolean eligible() {
      return findings.stream().allMatch(Finding::met) && estimate != null;
    }
  }

  private final JdbcClient jdbc;
  private final Enrolments enrolments;
  private final ContributionRecord record;
  private final InsuranceParameters parameters;
  private final Awards awards;
  private final Residents residents;
  private final ClaimFiling filing;
  private final CaseQueries cases;
  private final JsonMapper json;
  private final Qualifications qualifications;
  private final AuditTrail audit;

  Pensions(JdbcClient jdbc, Enrolments enrolments, ContributionRecord record, InsuranceParameters parameters,
           Awards awards, Residents residents, ClaimFiling filing, CaseQueries cases, JsonMapper json, Qualifications qualifications, AuditTrail audit) {
    this.qualifications = qualifications;
    this.jdbc = jdbc;
    this.enrolments = enrolments;
    this.record = record;
    this.parameters = parameters;
    this.awards = awards;
    this.residents = residents;
    this.filing = filing;
    this.cases = cases;
    this.json = json;
    this.audit = audit;
  }

  /** The signed-in resident's assessment; {@code originalAge} 50 or 55 for women (by their post), 60 for men. */
  public Assessment mine(int originalAge, @Nullable YearMonth retireMonth) {
    return assess(enrolments.me(), originalAge, retireMonth);
  }

  public Assessment assess(Resident person, int originalAge, @Nullable YearMonth wanted) {
    var original = RetirementAge.Original.of(originalAge);
    if ((person.sex() == IdNumber.Sex.MALE) != (original == RetirementAge.Original.MEN_60)) {
      throw new InsuranceRefusals.InvalidCalculation("originalAge");
    }
    var birth = YearMonth.from(person.birthDate());
    // Before 1990 there is no minimum-contribution rule we hold (国发〔1997〕26号 came later): a window case.
    if (birth.getYear() + original.years() < 1990) throw new InsuranceRefusals.InvalidCalculation("retiredBefore1990");
    var statutory = RetirementAge.of(original, birth);
    var month = wanted == null ? statutory.month() : wanted;
    if (month.getYear() < 1990) throw new InsuranceRefusals.InvalidCalculation("retiredBefore1990");
    var id = person.id().value();
    var findings = new ArrayList<Finding>();
    boolean inWindow = !month.isBefore(statutory.earliestMonth()) && !month.isAfter(statutory.latestMonth());
    findings.add(new Finding("age", inWindow, "《国务院关于渐进式延迟法定退休年龄的办法》第二条、第三条",
        "法定退休年龄 " + statutory.age() + "（" + statutory.month() + "），可选 " + statutory.earliestMonth() + "—"
            + statutory.latestMonth() + "；申请 " + month));
    boolean soon = !month.isAfter(Enrolments.thisMonth().plusMonths(3));
    findings.add(new Finding("timing", soon, "退休前三个月内申请", "申请退休月份 " + month));
    int months = record.monthsCounted(id, Insurance.PENSION);
    var minimum = MinimumContribution.forYear(month.getYear());
    findings.add(new Finding("minimum", months >= minimum.months(), minimum.basis(),
        "累计缴费 " + months + " 个月，" + month.getYear() + " 年退休最低 " + minimum.months() + " 个月"));
    var running = awards.active(id, BENEFIT);
    findings.add(new Finding("once", running.isEmpty(), "基本养老金只核定一次",
        running.isPresent() ? "已在领取基本养老金" : "未领取基本养老金"));

    var band = parameters.band(person.residenceRegion(), month.getYear() - 1);
    var index = averageIndex(person);
    findings.add(new Finding("average-wage", band.isPresent() && index.missingYears().isEmpty(), "国发〔2005〕38号第六条",
        band.map(b -> "全省 " + (month.getYear() - 1) + " 年月平均工资 " + Yuan.format(b.averageCents()) + " 元（" + b.source()
            + "）").orElse("尚未录入全省 " + (month.getYear() - 1) + " 年平均工资")
            + (index.missingYears().isEmpty() ? "" : "；缺少 " + index.missingYears() + " 年平均工资，无法计算缴费指数")));
    PensionFormula.Estimate estimate = null;
    if (band.isPresent() && index.missingYears().isEmpty()) {
      var account = record.pensionAccount(id);
      long balance = account.isEmpty() ? 0 : account.getLast().closingCents();
      int ageYears = (int) ChronoUnit.YEARS.between(birth, month);
      estimate = PensionFormula.estimate(band.get().averageCents(), index.average(), Math.min(months, 720), balance,
          Math.max(40, Math.min(70, ageYears)));
    }
    return new Assessment(id, List.copyOf(findings), statutory, month, months, minimum, estimate);
  }

  record Index(BigDecimal average, List<Integer> missingYears) {}

  /** 本人平均缴费指数: each month counted, its base ÷ that year's provincial average wage, averaged. */
  Index averageIndex(Resident person) {
    var bases = jdbc.sql("select extract(year from month)::int, max(base_cents) from insurance.ledger where person_id = ?"
            + " and insurance = 'PENSION' and kind in ('PAID', 'TRANSFER_IN') and base_cents is not null group by month")
        .param(person.id().value()).query((rs, i) -> new long[] {rs.getInt(1), rs.getLong(2)}).list();
    var averages = new HashMap<Integer, Long>();
    var missing = new java.util.TreeSet<Integer>();
    var sum = BigDecimal.ZERO;
    for (var b : bases) {
      int year = (int) b[0];
      var avg = averages.computeIfAbsent(year, y -> parameters.band(person.residenceRegion(), y)
          .map(InsuranceParameters.Band::averageCents).orElse(0L));
      if (avg == 0) {
        missing.add(year);
        continue;
      }
      sum = sum.add(BigDecimal.valueOf(b[1]).divide(BigDecimal.valueOf(avg), 6, RoundingMode.HALF_UP));
    }
    var average = bases.isEmpty() ? BigDecimal.ZERO
        : sum.divide(BigDecimal.valueOf(bases.size()), 4, RoundingMode.HALF_UP).min(BigDecimal.valueOf(3));
    return new Index(average, List.copyOf(missing));
  }

  /** Files the 退休养老金申领 case when every rule is met; otherwise refuses naming the failed rules. */
  @Transactional
  public CaseFile claim(int originalAge, @Nullable YearMonth retireMonth, @Nullable String bankAccount,
                        @Nullable String phone, @Nullable String submission) {
    var me = enrolments.me();
    enrolments.lockPerson(me.id().value());
    var a = assess(me, originalAge, retireMonth);
    if (!a.eligible()) throw new NotEligible(a.findings().stream().filter(f -> !f.met()).toList());
    var form = filing.form(me);
    form.put("birthDate", me.birthDate().toString());
    var filed = filing.file(ITEM, me, form, bankAccount, phone, submission);
    jdbc.sql("insert into insurance.pension_claim (case_id, person_id, original_age, retire_month) values (?, ?, ?, ?)"
            + " on conflict (case_id) do nothing")
        .params(filed.id().value(), me.id().value(), originalAge, a.retireMonth().atDay(1)).update();
    audit.record("insurance.pension-claimed", "case", filed.id().toString(), filed.competentRegion(),
        Map.of("retireMonth", a.retireMonth().toString(), "estimateCents", String.valueOf(a.estimate().totalCents())));
    return filed;
  }

  /** An approved claim grants the pension as the record computes it then, and ends a running unemployment benefit. */
  @EventListener
  @Transactional
  public void on(CaseDecided decided) {
    if (!decided.approved() || !ITEM.equals(decided.item())) return;
    var claim = jdbc.sql("select person_id, original_age, retire_month from insurance.pension_claim where case_id = ?")
        .param(decided.id().value())
        .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), Map.entry(rs.getInt(2),
            YearMonth.from(rs.getDate(3).toLocalDate()))))
        .optional().orElse(null);
    if (claim == null) return; // filed by hand without the platform's assessment: the officer grants it elsewhere
    var person = residents.find(new org.tongban.person.PersonId(claim.getKey())).orElse(null);
    if (person == null) return;
    enrolments.lockPerson(person.id().value());
    var a = assess(person, claim.getValue().getKey(), claim.getValue().getValue());
    if (!a.eligible()) {
      audit.record("insurance.pension-not-granted", "case", decided.id().toString(), decided.competentRegion(),
          Map.of("failed", a.findings().stream().filter(f -> !f.met()).map(Finding::code).toList().toString()));
      return;
    }
    var inputs = new LinkedHashMap<String, Object>();
    inputs.put("statutoryAge", a.statutory().age().toString());
    inputs.put("retireMonth", a.retireMonth().toString());
    inputs.put("contributionMonths", a.contributionMonths());
    inputs.put("minimumMonths", a.minimum().months());
    inputs.put("estimate", a.estimate());
    inputs.put("findings", a.findings());
    var terms = cases.terms(decided.id()).orElse(null);
    if (terms == null || !java.util.Objects.equals(terms.amountCents(), a.estimate().totalCents()) || terms.to() != null) {
      throw new InsuranceRefusals.TermsDiffer(Yuan.format(a.estimate().totalCents()), 0);
    }
    var decidedMonth = YearMonth.from(LocalDate.ofInstant(decided.at(), Enrolments.CHINA));
    var start = terms.from() != null ? terms.from() : a.retireMonth().isAfter(decidedMonth) ? a.retireMonth() : decidedMonth;
    awards.stop(person.id().value(), UnemploymentBenefits.BENEFIT, Awards.StopReason.PENSION, start.minusMonths(1));
    awards.stop(person.id().value(), DisabilityAllowances.BENEFIT, Awards.StopReason.PENSION, start.minusMonths(1));
    awards.grant(person.id().value(), BENEFIT, person.residenceRegion(), decided.id().value(), start, null,
        a.estimate().totalCents(), json.writeValueAsString(inputs), false);
    qualifications.granted(person.id().value(), cases.find(decided.id()).map(c -> c.number()).orElse("—"));
  }
}
