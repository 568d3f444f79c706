package org.tongban.insurance;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseQueries;
import org.tongban.employment.KeyGroup;
import org.tongban.employment.KeyGroups;
import org.tongban.employment.WorkPlaces;
import org.tongban.insurance.InsuranceRefusals.NotEligible;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.Yuan;
import tools.jackson.databind.json.JsonMapper;

/**
 * 失业保险金 decided from the record, each input shown: at least a year of unemployment insurance paid in this period
 * (or months left from the last one), the employment ended against the person's will, 失业登记 and a 求职登记 on record
 * (社会保险法 art. 45; 失业保险条例 art. 14), not working, not drawing a pension, no benefit running (art. 51); the months
 * by art. 46 with the previous period's unexhausted months; the monthly amount by the city's standard (art. 47). A
 * claim files the 失业保险金申领 case only when every rule is met; its approval grants the award, computed again then.
 */
@Service
@Transactional(readOnly = true)
public class UnemploymentBenefits {

  static final String ITEM = "hrss.unemployment-benefit";
  static final String BENEFIT = "UNEMPLOYMENT";

  /** The decision's rules and figures; {@code monthlyCents} null while the city has no standard. */
  public record Assessment(UUID person, List<Finding> findings, int paidMonths, int unexhaustedMonths, int months,
                           @Nullable Long monthlyCents, @Nullable String standardNotice,
                           @Nullable YearMonth employmentEnded) {
    public boolean eligible() {
      return findings.stream().allMatch(Finding::met);
    }

    public long totalCents() {
      return monthlyCents == null ? 0 : monthlyCents * months;
    }
  }

  private final Enrolments enrolments;
  private final ContributionRecord record;
  private final Awards awards;
  private final BenefitStandards standards;
  private final KeyGroups keyGroups;
  private final WorkPlaces workPlaces;
  private final Residents residents;
  private final ClaimFiling filing;
  private final CaseQueries cases;
  private final JsonMapper json;
  private final AuditTrail audit;

  UnemploymentBenefits(Enrolments enrolments, ContributionRecord record, Awards awards,
                       BenefitStandards standards, KeyGroups keyGroups, WorkPlaces workPlaces, Residents residents,
                       ClaimFiling filing, CaseQueries cases, JsonMapper json,
                       AuditTrail audit) {
    this.enrolments = enrolments;
    this.record = record;
    this.awards = awards;
    this.standards = standards;
    this.keyGroups = keyGroups;
    this.workPlaces = workPlaces;
    this.residents = residents;
    this.filing = filing;
    this.cases = cases;
    this.json = json;
    this.audit = audit;
  }

  /** The signed-in resident's assessment. */
  public Assessment mine() {
    return assess(enrolments.me());
  }

  public Assessment assess(Resident person) {
    var id = person.id().value();
    var findings = new ArrayList<Finding>();
    var history = awards.of(id).stream().filter(a -> a.benefit().equals(BENEFIT)).toList();
    var last = history.isEmpty() ? null : history.getFirst();
    // 缴费时间重新计算: only months after the previous period count; its unexhausted months carry over if it stopped
    // on re-employment (art. 46).
    YearMonth after = last == null ? null : last.stoppedMonth() != null ? last.stoppedMonth() : last.lastMonth();
    int unexhausted = last != null && "STOPPED".equals(last.status()) && "REEMPLOYED".equals(last.stopReason())
        ? Math.max(last.months() - last.monthsPaid(), 0) : 0;
    var account = record.accounts(id).get(Insurance.UNEMPLOYMENT);
    int paid = account == null ? 0 : (int) account.months().stream()
        .filter(m -> m.counted() && (after == null || m.month().isAfter(after))).count();
    var term = UnemploymentBenefitTerm.of(Math.min(paid, 720), Math.min(unexhausted, 24));
    findings.add(new Finding("paid-year", term.eligible(), "《社会保险法》第四十五条第一项；《失业保险条例》第十四条",
        "本期累计缴纳失业保险费 " + paid + " 个月" + (after == null ? "" : "（" + after + " 以后）")
            + (unexhausted > 0 ? "；前次未领完 " + unexhausted + " 个月" : "")));

    var ended = enrolments.of(id).stream()
        .filter(e -> e.insurance() == Insurance.UNEMPLOYMENT && e.scheme().equals("EMPLOYEE") && e.to() != null)
        .max(java.util.Comparator.comparing(Enrolment::to)).orElse(null);
    boolean involuntary = ended != null && "INVOLUNTARY".equals(ended.endReason());
    findings.add(new Finding("involuntary", involuntary, "《社会保险法》第四十五条第二项；《失业保险条例》第十四条第二项",
        ended == null ? "没有单位停保（减员）记录" : "单位停保于 " + ended.to() + "，原因：" + reasonZh(ended.endReason())));

    boolean registered = keyGroups.is(id, KeyGroup.UNEMPLOYED);
    boolean seeking = workPlaces.seeking(id);
    findings.add(new Finding("registered", registered && seeking, "《社会保险法》第四十五条第三项",
        (registered ? "已办理失业登记" : "没有有效的失业登记") + "；" + (seeking ? "有求职登记" : "没有求职登记")));

    var working = enrolments.open(id).stream().filter(e -> e.scheme().equals("EMPLOYEE") || e.scheme().equals("FLEXIBLE"))
        .findFirst();
    findings.add(new Finding("not-working", working.isEmpty(), "《社会保险法》第五十一条第一项",
        working.map(e -> "正在参加" + e.insurance().zh() + "（" + (e.scheme().equals("EMPLOYEE") ? "单位参保" : "灵活就业")
            + "，" + e.from() + " 起）").orElse("当前没有就业参保")));

    var pension = awards.active(id, Pensions.BENEFIT);
    findings.add(new Finding("no-pension", pension.isEmpty(), "《社会保险法》第五十一条第四项",
        pension.isPresent() ? "正在领取基本养老金" : "未领取基本养老金"));
    var running = awards.active(id, BENEFIT);
    findings.add(new Finding("once", running.isEmpty(), "同一失业期间不重复核定",
        running.map(a -> "正在领取（" + a.start() + " 起 " + a.months() + " 个月）").orElse("没有正在领取的失业保险金")));

    var standard = standards.at(person.residenceRegion(), Enrolments.today());
    findings.add(new Finding("standard", standard.isPresent(), "《社会保险法》第四十七条；《失业保险条例》第十八条",
        standard.map(s -> "所在市标准 " + Yuan.format(s.monthlyCents()) + " 元/月（" + s.notice() + "）")
            .orElse("所在市尚未录入失业保险金标准")));
    return new Assessment(id, List.copyOf(findings), paid, unexhausted, term.months(),
        standard.map(BenefitStandards.Standard::monthlyCents).orElse(null),
        standard.map(BenefitStandards.Standard::notice).orElse(null), ended == null ? null : ended.to());
  }

  /**
   * Files the 失业保险金申领 case for the signed-in resident when every rule is met; otherwise refuses naming the failed
   * rules and files nothing. Idempotent per {@code submission}.
   */
  @Transactional
  public CaseFile claim(@Nullable String bankAccount, @Nullable String phone, @Nullable String submission) {
    var me = enrolments.me();
    enrolments.lockPerson(me.id().value());
    var a = assess(me);
    if (!a.eligible()) throw new NotEligible(a.findings().stream().filter(f -> !f.met()).toList());
    var form = filing.form(me);
    form.put("endDate", a.employmentEnded() == null ? "" : a.employmentEnded().atEndOfMonth().toString());
    form.put("endReason", "其他非本人意愿");
    var filed = filing.file(ITEM, me, form, bankAccount, phone, submission);
    audit.record("insurance.unemployment-benefit-claimed", "case", filed.id().toString(), filed.competentRegion(),
        Map.of("months", String.valueOf(a.months()), "monthlyCents", String.valueOf(a.monthlyCents())));
    return filed;
  }

  /**
   * An approved claim grants the benefit computed from the record as it is at the decision, with every input kept on
   * the award. Nothing is granted (and the audit says why) if the record no longer supports it.
   */
  @EventListener
  @Transactional
  public void on(CaseDecided decided) {
    if (!decided.approved() || !ITEM.equals(decided.item())) return;
    var file = cases.find(decided.id()).orElseThrow();
    if (file.subject() != null || file.unit() != null) return;
    var person = residents.find(file.applicant()).orElse(null);
    if (person == null) return;
    enrolments.lockPerson(person.id().value());
    var a = assess(person);
    if (!a.eligible()) {
      audit.record("insurance.unemployment-benefit-not-granted", "case", decided.id().toString(),
          decided.competentRegion(), Map.of("failed", a.findings().stream().filter(f -> !f.met()).map(Finding::code)
              .toList().toString()));
      return;
    }
    // The officer's terms must be what the record gives: a typing slip is refused, not paid.
    var terms = cases.terms(decided.id()).orElse(null);
    var start = terms != null && terms.from() != null ? terms.from()
        : YearMonth.from(LocalDate.ofInstant(decided.at(), Enrolments.CHINA));
    int termMonths = terms == null || terms.to() == null ? -1
        : (int) java.time.temporal.ChronoUnit.MONTHS.between(start, terms.to()) + 1;
    if (terms == null || !java.util.Objects.equals(terms.amountCents(), a.monthlyCents()) || termMonths != a.months()) {
      throw new InsuranceRefusals.TermsDiffer(Yuan.format(a.monthlyCents()), a.months());
    }
    var inputs = new LinkedHashMap<String, Object>();
    inputs.put("paidMonths", a.paidMonths());
    inputs.put("unexhaustedMonths", a.unexhaustedMonths());
    inputs.put("months", a.months());
    inputs.put("monthlyCents", a.monthlyCents());
    inputs.put("standard", a.standardNotice());
    inputs.put("findings", a.findings());
    awards.grant(person.id().value(), BENEFIT, person.residenceRegion(), decided.id().value(), start, a.months(),
        a.monthlyCents(),
        json.writeValueAsString(inputs), false);
  }

  static String reasonZh(@Nullable String reason) {
    if (reason == null) return "—";
    return switch (reason) {
      case "INVOLUNTARY" -> "非本人意愿中断就业";
      case "VOLUNTARY" -> "本人意愿（辞职）";
      case "RETIRED" -> "退休";
      case "DIED" -> "死亡";
      case "TRANSFERRED" -> "转移";
      default -> "其他";
    };
  }
}
