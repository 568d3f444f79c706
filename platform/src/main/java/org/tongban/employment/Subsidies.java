package org.tongban.employment;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseFile;
import org.tongban.casework.CaseId;
import org.tongban.casework.CaseQueries;
import org.tongban.casework.Channel;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.RegionCode;
import org.tongban.shared.Refusal;
import org.tongban.unit.Units;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Employment subsidies with computed eligibility. For each {@link SubsidyKind} the rules are checked from what the
 * platform holds — key groups ({@link KeyGroups}), the employment a hire recorded, the post's designation, the unit's
 * establishment, the city's standard in force ({@link SubsidyStandards}) and earlier claims — each with the article it
 * comes from and what was found. Only when every rule is met is the case filed, with the amount the standard gives; a
 * refusal names the rules that failed. Nothing is paid twice for the same person and reason: a claim for the same
 * employment (units' subsidies), course (training) or person (start-up) that is open or granted blocks another, and
 * two claims at once are serialised by a lock.
 */
@Service
@Transactional(readOnly = true)
public class Subsidies {

  /** One rule, whether it is met, the article it comes from, and what the platform found. */
  public record Rule(String code, boolean met, String basis, String found) {}

  /** The rules for a claim and, when a standard is in force, what it would pay. */
  public record Check(SubsidyKind kind, List<Rule> rules, @Nullable Long amountCents, int months) {

    public boolean eligible() {
      return rules.stream().allMatch(Rule::met);
    }
  }

  static final int TRAINING_CERTIFICATE_MONTHS = 12;
  static final int STARTUP_MONTHS = 6;
  private static final Set<KeyGroup> TRAINING_GROUPS = Set.of(KeyGroup.UNEMPLOYED, KeyGroup.DIFFICULTY,
      KeyGroup.GRADUATE, KeyGroup.RURAL);
  private static final Set<KeyGroup> STARTUP_GROUPS = Set.of(KeyGroup.GRADUATE, KeyGroup.DIFFICULTY,
      KeyGroup.UNEMPLOYED, KeyGroup.VETERAN, KeyGroup.RURAL);

  private final JdbcClient jdbc;
  private final Vacancies vacancies;
  private final KeyGroups groups;
  private final SubsidyStandards standards;
  private final CaseQueries cases;
  private final Applications filing;
  private final Residents residents;
  private final Units units;
  private final org.tongban.unit.UnitAgents agents;
  private final Callers callers;
  private final AuditTrail audit;
  private final JsonMapper json;

  Subsidies(JdbcClient jdbc, Vacancies vacancies, KeyGroups groups, SubsidyStandards standards, CaseQueries cases,
            Applications filing, Residents residents, Units units, org.tongban.unit.UnitAgents agents, Callers callers,
            AuditTrail audit, JsonMapper json) {
    this.jdbc = jdbc;
    this.vacancies = vacancies;
    this.groups = groups;
    this.standards = standards;
    this.cases = cases;
    this.filing = filing;
    this.residents = residents;
    this.units = units;
    this.agents = agents;
    this.callers = callers;
    this.audit = audit;
    this.json = json;
  }

  private record Hire(UUID employment, UUID person, String name, LocalDate startedOn, UUID unit, RegionCode region,
                      boolean publicWelfare) {}

  /** The hire behind a job application of a vacancy of the caller's unit (its recruiters); "not found" otherwise. */
  private Hire hire(UUID applicationId) {
    var vacancyId = jdbc.sql("select vacancy_id from employment.application where id = ? and status = 'HIRED'")
        .param(applicationId).query(UUID.class).optional()
        .orElseThrow(() -> new JobApplications.ApplicationNotFound(applicationId));
    var vacancy = vacancies.recruitingFor(vacancyId);
    return jdbc.sql("select e.id, e.person_id, a.person_name, e.started_on, e.unit_id, e.region_code, e.public_welfare"
            + " from employment.employment e join employment.application a on a.id = e.application_id"
            + " where e.application_id = ? and e.unit_id = ?")
        .params(applicationId, vacancy.unitId())
        .query((rs, i) -> new Hire(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class), new RegionCode(rs.getString(6)),
            rs.getBoolean(7)))
        .optional().orElseThrow(() -> new JobApplications.ApplicationNotFound(applicationId));
  }

  /** The rules for a unit's subsidy for the hire behind {@code applicationId}, as the platform finds them now. */
  public Check forHire(SubsidyKind kind, UUID applicationId) {
    if (!kind.forHire()) throw new EmploymentRefusals.UnknownSubsidy(kind.slug());
    var hire = hire(applicationId);
    var today = Vacancies.today();
    var rules = new ArrayList<Rule>();
    if (kind == SubsidyKind.PUBLIC_WELFARE) {
      rules.add(new Rule("public-welfare", hire.publicWelfare(), "《就业促进法》第五十三条",
          hire.publicWelfare() ? "岗位已由人社部门认定为公益性岗位" : "岗位未认定为公益性岗位"));
    }
    var difficulty = groups.of(hire.person()).stream().filter(m -> m.group() == KeyGroup.DIFFICULTY).findFirst();
    rules.add(new Rule("difficulty", difficulty.isPresent(),
        kind == SubsidyKind.PUBLIC_WELFARE ? "《就业促进法》第五十三条" : "《就业促进法》第五十二条",
        difficulty.map(KeyGroups.Membership::found).orElse("未找到批准的就业困难人员认定")));
    boolean started = !hire.startedOn().isAfter(today);
    boolean recent = started && hire.startedOn().isAfter(today.minusYears(1));
    rules.add(new Rule("employment", kind == SubsidyKind.HIRING ? recent : started,
        kind == SubsidyKind.HIRING ? "《社会救助暂行办法》第四十六条" : "《就业促进法》第五十二条",
        "就业登记：" + hire.startedOn() + " 起在本单位就业"));
    int months = started ? (int) ChronoUnit.MONTHS.between(hire.startedOn().withDayOfMonth(1),
        today.withDayOfMonth(1)) + 1 : 0;
    var standard = standard(kind, hire.region(), rules);
    rules.add(once(jdbc.sql("select case_id from employment.subsidy_claim where employment_id = ? and item = ?")
        .params(hire.employment(), kind.item()).query(UUID.class).list()));
    return new Check(kind, rules, standard == null ? null : standard.payFor(months), months);
  }

  /**
   * The rules for a person's own subsidy: training needs the course and the day its certificate was obtained;
   * start-up looks at the units the person is legal representative of.
   */
  public Check forMe(SubsidyKind kind, @Nullable String course, @Nullable LocalDate certifiedOn) {
    if (kind.forHire()) throw new EmploymentRefusals.UnknownSubsidy(kind.slug());
    var me = me();
    var person = residents.find(new PersonId(me)).orElseThrow(JobApplications.NotASeeker::new);
    var memberships = groups.of(me);
    var today = Vacancies.today();
    var rules = new ArrayList<Rule>();
    var wanted = kind == SubsidyKind.TRAINING ? TRAINING_GROUPS : STARTUP_GROUPS;
    var in = memberships.stream().filter(m -> wanted.contains(m.group())).toList();
    rules.add(new Rule("key-group", !in.isEmpty(),
        kind == SubsidyKind.TRAINING ? "《就业促进法》第四十九条、第五十条" : "《就业促进法》第七条、第十九条",
        in.isEmpty() ? "未找到登记失业、就业困难、高校毕业生等重点群体记录"
            : String.join("；", in.stream().map(KeyGroups.Membership::found).toList())));
    RegionCode place = person.residenceRegion();
    String reason;
    if (kind == SubsidyKind.TRAINING) {
      String c = course == null ? "" : course.strip();
      boolean recent = certifiedOn != null && !certifiedOn.isAfter(today)
          && certifiedOn.isAfter(today.minusMonths(TRAINING_CERTIFICATE_MONTHS));
      rules.add(new Rule("certificate", recent && c.length() >= 2, "《就业促进法》第四十九条",
          certifiedOn == null ? "未填写证书取得日期" : "证书取得日期 " + certifiedOn + "（须在 12 个月内）"));
      reason = c;
    } else {
      var business = myBusiness(me);
      rules.add(new Rule("business", business != null, "《就业促进法》第七条",
          business == null ? "未找到本人为法定代表人的单位" : "本人为「" + business.getKey().unit().name() + "」的法定代表人"));
      if (business != null) {
        place = business.getKey().unit().region();
        var established = business.getValue();
        rules.add(new Rule("operating", !established.isAfter(today.minusMonths(STARTUP_MONTHS)), "《就业促进法》第十九条",
            "成立（登记）于 " + established + "，须正常经营 6 个月以上"));
      }
      reason = "once";
    }
    var standard = standard(kind, place, rules);
    rules.add(once(jdbc.sql("select case_id from employment.subsidy_claim where person_id = ? and item = ?"
            + " and employment_id is null and reason = ?")
        .params(me, kind.item(), reason).query(UUID.class).list()));
    return new Check(kind, rules, standard == null ? null : standard.payFor(1), 0);
  }

  /**
   * Files a unit's claim for a hire when every rule is met, with the hire's facts and the amount filled in; otherwise
   * refuses, naming the rules that failed. Idempotent per {@code submission} like every filing.
   */
  @Transactional
  public CaseFile claimForHire(SubsidyKind kind, UUID applicationId, @Nullable String bankAccount,
                               @Nullable String phone, @Nullable String submission) {
    var hire = hire(applicationId);
    eligible(forHire(kind, applicationId));
    var acting = callers.current().actingUnit();
    if (acting == null || !acting.id().equals(hire.unit())) throw new org.tongban.unit.UnitRefusals.NotAuthorised();
    // Two claims for one employment at once: the second waits here, then finds the first (the rules again).
    jdbc.sql("select id from employment.employment where id = ? for update").param(hire.employment())
        .query(UUID.class).single();
    var check = eligible(forHire(kind, applicationId));
    var form = json.createObjectNode();
    form.put("employee", hire.name());
    form.put("hiredOn", hire.startedOn().toString());
    if (kind != SubsidyKind.HIRING) form.put("months", check.months());
    var filed = file(kind, form, check, bankAccount, phone, submission);
    jdbc.sql("insert into employment.subsidy_claim (id, employment_id, person_id, item, reason, case_id, claimed_by,"
            + " amount_cents) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), hire.employment(), hire.person(), kind.item(), null, filed.id().value(),
            callers.current().name(), check.amountCents())
        .update();
    audit.record("employment.subsidy-claimed", "case", filed.id().toString(), filed.competentRegion(),
        Map.of("item", kind.item(), "employment", hire.employment().toString()));
    return filed;
  }

  /** Files the signed-in resident's own claim (training, start-up) when every rule is met. */
  @Transactional
  public CaseFile claimForMe(SubsidyKind kind, @Nullable String course, @Nullable LocalDate certifiedOn,
                             @Nullable String bankAccount, @Nullable String phone, @Nullable String submission) {
    var me = me();
    String reason = kind == SubsidyKind.TRAINING ? (course == null ? "" : course.strip()) : "once";
    jdbc.sql("select pg_advisory_xact_lock(hashtext(?))").param("subsidy:" + kind.item() + ":" + me)
        .query((rs, i) -> 1).list();
    var check = eligible(forMe(kind, course, certifiedOn));
    var form = json.createObjectNode();
    residents.find(new PersonId(me)).ifPresent(p -> form.put("applicantName", p.name()));
    if (kind == SubsidyKind.TRAINING) {
      form.put("courseName", reason);
    } else {
      var business = myBusiness(me);
      if (business != null) {
        form.put("businessName", business.getKey().unit().name());
        form.put("employerCode", business.getKey().unit().creditCode().value());
      }
    }
    var filed = file(kind, form, check, bankAccount, phone, submission);
    jdbc.sql("insert into employment.subsidy_claim (id, employment_id, person_id, item, reason, case_id, claimed_by,"
            + " amount_cents) values (?, ?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), null, me, kind.item(), reason, filed.id().value(), callers.current().name(),
            check.amountCents())
        .update();
    audit.record("employment.subsidy-claimed", "case", filed.id().toString(), filed.competentRegion(),
        Map.of("item", kind.item(), "reason", reason));
    return filed;
  }

  private CaseFile file(SubsidyKind kind, ObjectNode form, Check check, @Nullable String bankAccount,
                        @Nullable String phone, @Nullable String submission) {
    var caller = callers.current();
    // A unit's claim carries the amount on its form. A resident's items are also filed by hand (life events, the
    // window), where nobody should type an amount: theirs is kept on the claim row (not yet shown to the officer).
    if (kind.forHire() && check.amountCents() != null) {
      form.put("computedAmount", Math.round(check.amountCents() / 100.0));
    }
    if (bankAccount != null && !bankAccount.isBlank()) form.put("bankAccount", bankAccount.strip());
    if (phone != null && !phone.isBlank()) form.put("contactPhone", phone.strip());
    return filing.apply(new NewApplication(kind.item(), new PersonId(caller.person()),
        caller.kiosk() != null ? Channel.KIOSK : Channel.WEB, RegionBasis.RESIDENCE, null, form, submission, null));
  }

  private static Check eligible(Check check) {
    var unmet = check.rules().stream().filter(r -> !r.met()).toList();
    if (!unmet.isEmpty()) throw new NotEligible(unmet);
    return check;
  }

  private SubsidyStandards.@Nullable Standard standard(SubsidyKind kind, RegionCode place, List<Rule> rules) {
    var standard = standards.at(kind, place, Vacancies.today()).orElse(null);
    rules.add(new Rule("standard", standard != null, "所在市公布的补贴标准",
        standard == null ? "所在市尚未公布该项补贴标准"
            : String.format("%.2f 元%s（%s）", standard.amountCents() / 100.0,
                standard.monthly() ? "/月，最长 " + standard.maxMonths() + " 个月" : "", standard.notice())));
    return standard;
  }

  /** No claim for the same reason that is open or granted (a refused one does not count). */
  private Rule once(List<UUID> earlierCases) {
    boolean once = earlierCases.stream().allMatch(c -> "DENIED".equals(cases.outcome(new CaseId(c)).orElse(null)));
    return new Rule("once", once, "同一人员同一事由只能享受一次", once ? "未申领过" : "已有申领在办或已批准");
  }

  /** The unit the person represents that was established first, with that day. */
  private Map.@Nullable Entry<org.tongban.unit.MyUnit, LocalDate> myBusiness(UUID me) {
    return agents.mine().stream().filter(org.tongban.unit.MyUnit::legalRepresentative)
        .map(u -> Map.entry(u, units.establishedOn(u.unit().id())))
        .min(Map.Entry.comparingByValue()).orElse(null);
  }

  private UUID me() {
    var caller = callers.current();
    if (!caller.resident() || caller.person() == null || caller.actingUnit() != null) {
      throw new JobApplications.NotASeeker();
    }
    return caller.person();
  }

  /** The claim's rules that are not met; each named in the answer. */
  public static final class NotEligible extends Refusal {
    private final List<Rule> failed;

    public NotEligible(List<Rule> failed) {
      super("employment.not-eligible", 400, failed.stream().map(Rule::code).toList().toString());
      this.failed = List.copyOf(failed);
    }

    public List<Rule> failed() {
      return failed;
    }
  }
}
