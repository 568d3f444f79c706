package org.tongban.insurance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseQueries;
import org.springframework.context.event.EventListener;
import org.tongban.person.PersonId;
import org.tongban.person.Resident;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;

/**
 * 遗属待遇 computed from the record, each figure with its rule.
 * <ul>
 *   <li>A death from a recognised work injury (工伤保险条例 art. 39): 丧葬补助金 six months of the average wage of the year
 *       before; 供养亲属抚恤金 each month, 40 % of the worker's own wage for the spouse and 30 % for each other dependant,
 *       10 % more for a lone elder or an orphan, all together never above the worker's wage; 一次性工亡补助金 twenty times
 *       the national urban disposable income per head of the year before (the NBS bulletin, shipped as data).</li>
 *   <li>A death from illness or not from work (社会保险法 art. 17): 丧葬补助金 and 抚恤金 from the pension fund, each a number
 *       of months of the provincial average wage as the province's rule sets it (entered by the agency with the notice).</li>
 * </ul>
 * The worker's own wage is the base of the last month paid; the average wage is the province's (the band's), the
 * 统筹地区 being the province here.
 */
@Service
@Transactional(readOnly = true)
public class SurvivorBenefits {

  /** Whether the death came from a work injury recognised by 工伤认定. */
  public enum Cause { WORK_INJURY, OTHER }

  /** A dependant the deceased supported: the spouse or another relative; an orphan or a lone elder gets 10 % more. */
  public record Dependant(boolean spouse, boolean orphanOrLoneElder) {}

  /** One amount and how it came about. {@code monthly} for the survivors' pension. */
  public record Amount(String code, long cents, boolean monthly, String how, String basis) {}

  public record Assessment(UUID deceased, Cause cause, LocalDate diedOn, List<Finding> findings, List<Amount> amounts) {
    public boolean computable() {
      return findings.stream().allMatch(Finding::met);
    }
  }

  static final String RECOGNITION_ITEM = "hrss.work-injury-recognition";
  static final String CLAIM_ITEM = "hrss.survivor-benefit";

  private final JdbcClient jdbc;
  private final InsuranceParameters parameters;
  private final Enrolments enrolments;
  private final CaseQueries cases;
  private final Residents residents;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;
  private final ClaimFiling filing;

  SurvivorBenefits(JdbcClient jdbc, InsuranceParameters parameters, Enrolments enrolments, CaseQueries cases,
                   Residents residents, Jurisdiction jurisdiction, Callers callers, AuditTrail audit,
                   ClaimFiling filing) {
    this.filing = filing;
    this.jdbc = jdbc;
    this.parameters = parameters;
    this.enrolments = enrolments;
    this.cases = cases;
    this.residents = residents;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /** The assessment for staff whose jurisdiction covers where the deceased lived ("not found" elsewhere). */
  public Assessment assess(UUID deceased, @Nullable Cause cause, List<Dependant> dependants) {
    var person = residents.find(new PersonId(deceased)).orElseThrow(InsuranceRefusals.PersonNotFound::new);
    if (!jurisdiction.allows(person.residenceRegion(), InsuranceParameters.DEPARTMENT, Purpose.VIEW)) {
      throw new InsuranceRefusals.PersonNotFound();
    }
    if (cause == null || dependants.size() > 20) throw new InsuranceRefusals.InvalidParameter("cause");
    return compute(person, cause, dependants);
  }

  private Assessment compute(Resident person, Cause cause, List<Dependant> dependants) {
    var deceased = person.id().value();
    var died = residents.diedOn(person.id()).orElse(null);
    var findings = new ArrayList<Finding>();
    findings.add(new Finding("death-registered", died != null, "《中华人民共和国社会保险法》第十七条",
        died == null ? "人口信息中没有死亡登记" : "人口信息登记死亡日期 " + died));
    var day = died == null ? Enrolments.today() : died;
    var region = person.residenceRegion();
    var band = parameters.band(region, day.getYear() - 1);
    findings.add(new Finding("average-wage", band.isPresent(), "统筹地区上年度职工月平均工资",
        band.map(b -> (day.getYear() - 1) + " 年 " + org.tongban.shared.Yuan.format(b.averageCents()) + " 元/月（" + b.source() + "）")
            .orElse("尚未录入 " + (day.getYear() - 1) + " 年平均工资")));
    var amounts = new ArrayList<Amount>();
    if (cause == Cause.WORK_INJURY) {
      boolean recognised = cases.approvedFor(person.id(), RECOGNITION_ITEM);
      findings.add(new Finding("recognised", recognised, "《工伤保险条例》第十七条、第二十条",
          recognised ? "已认定工伤" : "没有已认定的工伤（认定工伤决定书）"));
      var insured = enrolments.of(deceased).stream().anyMatch(e -> e.insurance() == Insurance.INJURY
          && e.covers(YearMonth.from(day)));
      findings.add(new Finding("insured", insured, "《工伤保险条例》第二条、第六十二条",
          insured ? "死亡时参加工伤保险" : "死亡时未参加工伤保险：待遇由用人单位支付（第六十二条）"));
      long wage = lastBase(deceased);
      findings.add(new Finding("wage", wage > 0, "《工伤保险条例》第六十四条：本人工资为因工死亡前12个月平均月缴费工资",
          wage > 0 ? "最近缴费基数 " + org.tongban.shared.Yuan.format(wage) + " 元" : "没有缴费记录"));
      var income = jdbc.sql("select yuan, source from insurance.national_urban_income where year = ?")
          .param(day.getYear() - 1).query((rs, i) -> Map.entry(rs.getLong(1), rs.getString(2))).optional();
      findings.add(new Finding("national-income", income.isPresent(), "《工伤保险条例》第三十九条第一款第三项",
          income.map(Map.Entry::getValue).orElse("尚无 " + (day.getYear() - 1) + " 年全国城镇居民人均可支配收入")));
      band.ifPresent(b -> amounts.add(new Amount("funeral", b.averageCents() * 6, false,
          "6 × " + org.tongban.shared.Yuan.format(b.averageCents()), "《工伤保险条例》第三十九条第一款第一项")));
      if (wage > 0) {
        long total = 0;
        var parts = new ArrayList<String>();
        for (var d : dependants) {
          int percent = (d.spouse() ? 40 : 30) + (d.orphanOrLoneElder() ? 10 : 0);
          total += share(wage, percent);
          parts.add(percent + "%");
        }
        long capped = Math.min(total, wage);
        if (!dependants.isEmpty()) {
          amounts.add(new Amount("dependants-pension", capped, true, org.tongban.shared.Yuan.format(wage) + " × ("
              + String.join(" + ", parts) + ")" + (capped < total ? "，以本人工资为限" : ""),
              "《工伤保险条例》第三十九条第一款第二项"));
        }
      }
      income.ifPresent(in -> amounts.add(new Amount("lump-sum", in.getKey() * 100 * 20, false,
          "20 × " + in.getKey() + " 元", "《工伤保险条例》第三十九条第一款第三项")));
    } else {
      var standard = jdbc.sql("select funeral_months, pension_months, notice from insurance.survivor_standard"
              + " where province_code = ? and effective_from <= ? order by effective_from desc limit 1")
          .params(region.value().substring(0, 2), day)
          .query((rs, i) -> new Object[] {rs.getInt(1), rs.getInt(2), rs.getString(3)}).optional();
      findings.add(new Finding("province-rule", standard.isPresent(), "《中华人民共和国社会保险法》第十七条（标准由省规定）",
          standard.map(s -> (String) s[2]).orElse("本省尚未录入丧葬补助金、抚恤金标准")));
      boolean insured = record(deceased);
      findings.add(new Finding("insured", insured, "《中华人民共和国社会保险法》第十七条",
          insured ? "生前参加职工基本养老保险" : "没有职工基本养老保险缴费记录"));
      if (standard.isPresent() && band.isPresent()) {
        int funeral = (Integer) standard.get()[0];
        int pension = (Integer) standard.get()[1];
        amounts.add(new Amount("funeral", band.get().averageCents() * funeral, false,
            funeral + " × " + org.tongban.shared.Yuan.format(band.get().averageCents()), (String) standard.get()[2]));
        amounts.add(new Amount("survivors-lump-sum", band.get().averageCents() * pension, false,
            pension + " × " + org.tongban.shared.Yuan.format(band.get().averageCents()), (String) standard.get()[2]));
      }
    }
    return new Assessment(deceased, cause, day, List.copyOf(findings), List.copyOf(amounts));
  }

  /**
   * A survivor claims 丧葬补助金 and 抚恤金 for a deceased insured person named by ID number (社会保险法 art. 17, a death
   * not from work): the 丧葬补助金和抚恤金申领 case is filed only when every rule is met, bound to the amount the record
   * computes; the officer's approval must grant exactly that amount. The kinship proof is the applicant's material.
   */
  @Transactional
  public Claim claim(@Nullable String deceasedIdNumber, @Nullable String relation, @Nullable String bankAccount,
                     @Nullable String submission) {
    var me = enrolments.me();
    Resident person;
    try {
      person = deceasedIdNumber == null ? null
          : residents.lookup(new org.tongban.shared.IdNumber(deceasedIdNumber.strip().toUpperCase())).orElse(null);
    } catch (RuntimeException e) {
      person = null;
    }
    if (person == null || person.id().equals(me.id())) throw new InsuranceRefusals.PersonNotFound();
    var a = compute(person, Cause.OTHER, List.of());
    if (!a.computable() || a.amounts().isEmpty()) {
      throw new InsuranceRefusals.NotEligible(a.findings().stream().filter(f -> !f.met()).toList());
    }
    long total = a.amounts().stream().mapToLong(Amount::cents).sum();
    var form = filing.form(me);
    form.put("deceasedName", person.name());
    form.put("deathDate", a.diedOn().toString());
    if (relation != null && !relation.isBlank()) form.put("relationToDeceased", relation.strip());
    var filed = filing.file(CLAIM_ITEM, me, form, bankAccount, null, submission);
    jdbc.sql("insert into insurance.survivor_claim (case_id, deceased_id, applicant_id, amount_cents) values (?, ?, ?, ?)"
            + " on conflict (case_id) do nothing")
        .params(filed.id().value(), person.id().value(), me.id().value(), total).update();
    audit.record("insurance.survivor-claimed", "case", filed.id().toString(), filed.competentRegion(),
        Map.of("deceased", person.id().toString(), "amountCents", String.valueOf(total)));
    return new Claim(filed.id().value(), filed.number(), total, a);
  }

  /** A claim filed: the case, its number, the amount it is bound to, and the assessment shown to the survivor. */
  public record Claim(UUID caseId, String number, long totalCents, Assessment assessment) {}

  /** An approved claim must grant what the record computes now, once per deceased. */
  @EventListener
  @Transactional
  public void on(CaseDecided decided) {
    if (!decided.approved() || !CLAIM_ITEM.equals(decided.item())) return;
    var deceased = jdbc.sql("select deceased_id from insurance.survivor_claim where case_id = ?")
        .param(decided.id().value()).query(UUID.class).optional().orElse(null);
    if (deceased == null) return; // filed by hand without the platform's assessment: nothing to bind
    var person = residents.find(new PersonId(deceased)).orElseThrow();
    var a = compute(person, Cause.OTHER, List.of());
    if (!a.computable()) throw new InsuranceRefusals.NotEligible(a.findings().stream().filter(f -> !f.met()).toList());
    long total = a.amounts().stream().mapToLong(Amount::cents).sum();
    var terms = cases.terms(decided.id()).orElse(null);
    if (terms == null || !java.util.Objects.equals(terms.amountCents(), total)) {
      throw new InsuranceRefusals.AmountDiffers(org.tongban.shared.Yuan.format(total));
    }
    try {
      int n = jdbc.sql("update insurance.survivor_claim set granted_at = now(), amount_cents = ? where case_id = ?"
          + " and granted_at is null").params(total, decided.id().value()).update();
      if (n != 1) throw new InsuranceRefusals.AlreadyGranted();
    } catch (DuplicateKeyException e) {
      throw new InsuranceRefusals.AlreadyGranted();
    }
    audit.record("insurance.survivor-granted", "case", decided.id().toString(), decided.competentRegion(),
        Map.of("deceased", deceased.toString(), "amountCents", String.valueOf(total)));
  }

  /** A province's rule for deaths not from work, entered by its agency with the notice. */
  @Transactional
  public void recordStandard(String province, int funeralMonths, int pensionMonths, @Nullable LocalDate from,
                             @Nullable String notice) {
    if (!province.matches("\\d{2}")) throw new InsuranceRefusals.InvalidParameter("province");
    if (funeralMonths < 0 || funeralMonths > 60 || pensionMonths < 0 || pensionMonths > 120) {
      throw new InsuranceRefusals.InvalidParameter("months");
    }
    if (from == null || notice == null || notice.isBlank() || notice.length() > 300) {
      throw new InsuranceRefusals.InvalidParameter("notice");
    }
    jurisdiction.require(RegionCode.of(province), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE, "survivor-standard");
    try {
      jdbc.sql("insert into insurance.survivor_standard (province_code, effective_from, funeral_months, pension_months,"
              + " notice, entered_by) values (?, ?, ?, ?, ?, ?)")
          .params(province, from, funeralMonths, pensionMonths, notice.strip(), callers.current().name()).update();
    } catch (DuplicateKeyException e) {
      throw new InsuranceRefusals.InvalidParameter("from");
    }
    audit.record("insurance.survivor-standard-entered", "survivor-standard", province + ":" + from,
        RegionCode.of(province), Map.of("funeralMonths", String.valueOf(funeralMonths),
            "pensionMonths", String.valueOf(pensionMonths)));
  }

  private long lastBase(UUID person) {
    return jdbc.sql("select base_cents from insurance.ledger where person_id = ? and kind = 'PAID' and base_cents"
            + " is not null order by month desc limit 1").param(person).query(Long.class).optional().orElse(0L);
  }

  private boolean record(UUID person) {
    return jdbc.sql("select exists(select 1 from insurance.ledger where person_id = ? and insurance = 'PENSION'"
        + " and kind in ('PAID', 'TRANSFER_IN'))").param(person).query(Boolean.class).single();
  }

  private static long share(long cents, int percent) {
    return BigDecimal.valueOf(cents).multiply(BigDecimal.valueOf(percent))
        .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP).longValueExact();
  }
}
