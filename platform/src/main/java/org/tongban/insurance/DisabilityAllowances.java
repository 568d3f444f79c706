package org.tongban.insurance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.IdNumber;
import org.tongban.shared.Yuan;
import tools.jackson.databind.json.JsonMapper;

/**
 * 病残津贴: an insured worker found wholly unable to work by illness or an injury not from work (社会保险法 art. 17)
 * before the statutory retirement age receives a monthly allowance from the pension fund until that age, when the
 * pension takes over. The rules as 人社部 财政部《关于企业职工基本养老保险病残津贴有关政策的通知》(人社部发〔2024〕93号)
 * sets them for a worker whose contributions reach the minimum period: a 劳动能力鉴定 conclusion of complete loss of the
 * ability to work, the claim before the statutory retirement month, at least fifteen years of contributions; the amount
 * by the basic-pension method (国发〔2005〕38号: the basic part from the provincial average wage and the indexed wage
 * × years × 1 %) with the personal account divided by the months divisor of the worker's own statutory retirement age.
 * Fewer than fifteen years fall under the province's own rule, which is not entered here: the claim says so.
 */
@Service
@Transactional(readOnly = true)
public class DisabilityAllowances {

  static final String ITEM = "hrss.disability-allowance";
  static final String BENEFIT = "DISABILITY";
  static final String NOTICE = "人社部发〔2024〕93号";
  /** A conclusion older than this is appraised again before a claim. */
  static final int APPRAISAL_VALID_MONTHS = 12;

  /** The assessment: every rule, the statutory retirement month the allowance ends before, and the amount. */
  public record Assessment(UUID person, List<Finding> findings, RetirementAge.Result statutory, YearMonth lastMonth,
                           int contributionMonths, PensionFormula.@Nullable Estimate estimate) {
    public boolean eligible() {
      return findings.stream().allMatch(Finding::met) && estimate != null;
    }
  }

  private final JdbcClient jdbc;
  private final LabourAppraisals appraisals;
  private final Enrolments enrolments;
  private final ContributionRecord record;
  private final InsuranceParameters parameters;
  private final Pensions pensions;
  private final Awards awards;
  private final Residents residents;
  private final ClaimFiling filing;
  private final CaseQueries cases;
  private final Jurisdiction jurisdiction;
  private final JsonMapper json;
  private final AuditTrail audit;

  DisabilityAllowances(JdbcClient jdbc, LabourAppraisals appraisals, Enrolments enrolments, ContributionRecord record, InsuranceParameters parameters,
                       Pensions pensions, Awards awards, Residents residents, ClaimFiling filing,
                       CaseQueries cases, Jurisdiction jurisdiction, JsonMapper json,
                       AuditTrail audit) {
    this.jdbc = jdbc;
    this.appraisals = appraisals;
    this.enrolments = enrolments;
    this.record = record;
    this.parameters = parameters;
    this.pensions = pensions;
    this.awards = awards;
    this.residents = residents;
    this.filing = filing;
    this.cases = cases;
    this.jurisdiction = jurisdiction;
    this.json = json;
    this.audit = audit;
  }

  /** The signed-in worker's assessment; {@code originalAge} 50 or 55 for women (by their post), 60 for men. */
  public Assessment mine(int originalAge) {
    return assess(enrolments.me(), originalAge);
  }

  /** Staff's view of a person living in their jurisdiction ("not found" elsewhere). */
  public Assessment forStaff(UUID person, int originalAge) {
    var resident = residents.find(new PersonId(person)).orElseThrow(InsuranceRefusals.PersonNotFound::new);
    if (!jurisdiction.allows(resident.residenceRegion(), InsuranceParameters.DEPARTMENT, Purpose.VIEW)) {
      throw new InsuranceRefusals.PersonNotFound();
    }
    return assess(resident, originalAge);
  }

  Assessment assess(Resident person, int originalAge) {
    var original = RetirementAge.Original.of(originalAge);
    if ((person.sex() == IdNumber.Sex.MALE) != (original == RetirementAge.Original.MEN_60)) {
      throw new InsuranceRefusals.InvalidCalculation("originalAge");
    }
    var id = person.id().value();
    var statutory = RetirementAge.of(original, YearMonth.from(person.birthDate()));
    var now = Enrolments.thisMonth();
    var findings = new ArrayList<Finding>();
    var appraisal = appraisals.latest(id);
    boolean whollyUnable = appraisal != null && appraisal.conclusion() == LabourAppraisals.Conclusion.COMPLETE
        && !appraisal.decidedOn().isBefore(Enrolments.today().minusMonths(APPRAISAL_VALID_MONTHS));
    findings.add(new Finding("appraisal", whollyUnable, "《中华人民共和国社会保险法》第十七条；" + NOTICE + "第一条",
        appraisal == null ? "没有劳动能力鉴定结论"
            : "劳动能力鉴定结论 " + appraisal.documentNo() + "（" + appraisal.decidedOn() + "）："
                + switch (appraisal.conclusion()) {
                  case COMPLETE -> "完全丧失劳动能力";
                  case PARTIAL -> "大部分丧失劳动能力";
                  case NONE -> "未丧失劳动能力";
                } + (whollyUnable || appraisal.conclusion() != LabourAppraisals.Conclusion.COMPLETE ? "" : "；已超过 12 个月，请重新鉴定")));
    boolean before = now.isBefore(statutory.month());
    findings.add(new Finding("before-retirement", before, NOTICE + "第一条：达到法定退休年龄前",
        "法定退休年龄 " + statutory.age() + "（" + statutory.month() + "）；申请月份 " + now));
    int months = record.monthsCounted(id, Insurance.PENSION);
    findings.add(new Finding("minimum", months >= 180, NOTICE + "：累计缴费年限（含视同缴费年限）满15年按基本养老金计发办法计发",
        "累计缴费 " + months + " 个月" + (months >= 180 ? "" : "；不满 180 个月的按本省规定办理，本平台尚未录入")));
    boolean receiving = awards.active(id, BENEFIT).isPresent() || awards.active(id, Pensions.BENEFIT).isPresent();
    findings.add(new Finding("once", !receiving, "病残津贴与基本养老金不同时领取",
        receiving ? "已在领取病残津贴或基本养老金" : "未领取病残津贴或基本养老金"));
    var band = parameters.band(person.residenceRegion(), now.getYear() - 1);
    var index = pensions.averageIndex(person);
    findings.add(new Finding("average-wage", band.isPresent() && index.missingYears().isEmpty(), "国发〔2005〕38号第六条",
        band.map(b -> "全省 " + (now.getYear() - 1) + " 年月平均工资 " + Yuan.format(b.averageCents()) + " 元（" + b.source()
            + "）").orElse("尚未录入全省 " + (now.getYear() - 1) + " 年平均工资")
            + (index.missingYears().isEmpty() ? "" : "；缺少 " + index.missingYears() + " 年平均工资，无法计算缴费指数")));
    PensionFormula.Estimate estimate = null;
    if (band.isPresent() && index.missingYears().isEmpty()) {
      var account = record.pensionAccount(id);
      long balance = account.isEmpty() ? 0 : account.getLast().closingCents();
      // The divisor of the worker's own statutory retirement age, in completed years.
      estimate = PensionFormula.estimate(band.get().averageCents(), index.average(), Math.min(months, 720), balance,
          Math.max(40, Math.min(70, statutory.age().years())));
    }
    return new Assessment(id, List.copyOf(findings), statutory, statutory.month().minusMonths(1), months, estimate);
  }

  /** Files the 病残津贴申领 case when every rule is met; otherwise refuses naming the failed rules, nothing filed. */
  @Transactional
  public CaseFile claim(int originalAge, @Nullable String bankAccount, @Nullable String phone,
                        @Nullable String submission) {
    var me = enrolments.me();
    enrolments.lockPerson(me.id().value());
    var a = assess(me, originalAge);
    if (!a.eligible()) throw new InsuranceRefusals.NotEligible(a.findings().stream().filter(f -> !f.met()).toList());
    var form = filing.form(me);
    form.put("birthDate", me.birthDate().toString());
    var filed = filing.file(ITEM, me, form, bankAccount, phone, submission);
    jdbc.sql("insert into insurance.disability_claim (case_id, person_id, original_age) values (?, ?, ?)"
            + " on conflict (case_id) do nothing")
        .params(filed.id().value(), me.id().value(), originalAge).update();
    audit.record("insurance.disability-claimed", "case", filed.id().toString(), filed.competentRegion(),
        Map.of("monthlyCents", String.valueOf(a.estimate().totalCents()), "lastMonth", a.lastMonth().toString()));
    return filed;
  }

  /**
   * An approved claim grants the allowance as the record computes it then, to the month before the statutory
   * retirement month: the officer's terms must state that amount and that last month.
   */
  @EventListener
  @Transactional
  public void on(CaseDecided decided) {
    if (!decided.approved() || !ITEM.equals(decided.item())) return;
    var claim = jdbc.sql("select person_id, original_age from insurance.disability_claim where case_id = ?")
        .param(decided.id().value())
        .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getInt(2))).optional().orElse(null);
    if (claim == null) return; // filed without the platform's assessment: nothing to bind
    var person = residents.find(new PersonId(claim.getKey())).orElse(null);
    if (person == null) return;
    enrolments.lockPerson(person.id().value());
    var a = assess(person, claim.getValue());
    if (!a.eligible()) throw new InsuranceRefusals.NotEligible(a.findings().stream().filter(f -> !f.met()).toList());
    var decidedMonth = YearMonth.from(LocalDate.ofInstant(decided.at(), Enrolments.CHINA));
    var terms = cases.terms(decided.id()).orElse(null);
    var start = terms != null && terms.from() != null ? terms.from() : decidedMonth;
    int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(start, a.lastMonth()) + 1;
    if (terms == null || !Objects.equals(terms.amountCents(), a.estimate().totalCents())
        || !a.lastMonth().equals(terms.to())) {
      throw new InsuranceRefusals.TermsDiffer(Yuan.format(a.estimate().totalCents()), Math.max(months, 0));
    }
    var inputs = new LinkedHashMap<String, Object>();
    inputs.put("statutoryAge", a.statutory().age().toString());
    inputs.put("lastMonth", a.lastMonth().toString());
    inputs.put("contributionMonths", a.contributionMonths());
    inputs.put("estimate", a.estimate());
    inputs.put("findings", a.findings());
    awards.grant(person.id().value(), BENEFIT, person.residenceRegion(), decided.id().value(), start, null,
        a.lastMonth(), a.estimate().totalCents(), json.writeValueAsString(inputs), false);
  }
}
