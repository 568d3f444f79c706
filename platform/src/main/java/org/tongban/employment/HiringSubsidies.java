package org.tongban.employment;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
import org.tongban.shared.Refusal;
import tools.jackson.databind.json.JsonMapper;

/**
 * 一次性吸纳就业补贴 with computed eligibility: for a hire recorded on the platform, the rules are checked from what the
 * platform holds, each with the article it comes from — the person is a recognised 就业困难人员 (an approved case), the
 * employment is recorded with this unit and began less than a year ago, and no claim for the same employment is open or
 * granted. Only then is the case filed, in the unit's name; a refusal says which rule failed.
 */
@Service
@Transactional(readOnly = true)
public class HiringSubsidies {

  public static final String ITEM = "hrss.hiring-subsidy";

  /** One rule, whether it is met, the article it comes from, and what the platform found. */
  public record Rule(String code, boolean met, String basis, String found) {}

  private final JdbcClient jdbc;
  private final Vacancies vacancies;
  private final CaseQueries cases;
  private final Applications filing;
  private final Callers callers;
  private final AuditTrail audit;
  private final JsonMapper json;

  HiringSubsidies(JdbcClient jdbc, Vacancies vacancies, CaseQueries cases, Applications filing,
                  Callers callers, AuditTrail audit, JsonMapper json) {
    this.jdbc = jdbc;
    this.vacancies = vacancies;
    this.cases = cases;
    this.filing = filing;
    this.callers = callers;
    this.audit = audit;
    this.json = json;
  }

  private record Hire(UUID employment, UUID person, String name, LocalDate startedOn, UUID unit) {}

  /** The hire behind a job application of a vacancy of the caller's unit (its recruiters); "not found" otherwise. */
  private Hire hire(UUID applicationId) {
    var vacancyId = jdbc.sql("select vacancy_id from employment.application where id = ? and status = 'HIRED'")
        .param(applicationId).query(UUID.class).optional()
        .orElseThrow(() -> new JobApplications.ApplicationNotFound(applicationId));
    var vacancy = vacancies.recruitingFor(vacancyId);
    return jdbc.sql("select e.id, e.person_id, a.person_name, e.started_on, e.unit_id from employment.employment e"
            + " join employment.application a on a.id = e.application_id where e.application_id = ? and e.unit_id = ?")
        .params(applicationId, vacancy.unitId())
        .query((rs, i) -> new Hire(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
            rs.getObject(4, LocalDate.class), rs.getObject(5, UUID.class)))
        .optional().orElseThrow(() -> new JobApplications.ApplicationNotFound(applicationId));
  }

  /** The rules for the hire behind {@code applicationId}, each met or not, as the platform finds them now. */
  public List<Rule> check(UUID applicationId) {
    var hire = hire(applicationId);
    var rules = new ArrayList<Rule>();
    boolean difficulty = cases.approvedFor(new PersonId(hire.person()), Seekers.DIFFICULTY_ITEM);
    rules.add(new Rule("difficulty", difficulty, "《就业促进法》第五十二条",
        difficulty ? "就业困难人员认定已批准" : "未找到批准的就业困难人员认定"));
    var today = Vacancies.today();
    boolean recent = !hire.startedOn().isAfter(today) && hire.startedOn().isAfter(today.minusYears(1));
    rules.add(new Rule("employment", recent, "《社会救助暂行办法》第四十六条",
        "就业登记：" + hire.startedOn() + " 起在本单位就业"));
    var earlier = jdbc.sql("select case_id from employment.subsidy_claim where employment_id = ? and item = ?")
        .params(hire.employment(), ITEM).query(UUID.class).list();
    boolean once = earlier.stream().allMatch(c -> "DENIED".equals(cases.outcome(new CaseId(c)).orElse(null)));
    rules.add(new Rule("once", once, "同一人员同一事由只能享受一次", once ? "未申领过" : "已有申领在办或已批准"));
    return rules;
  }

  /**
   * Files the claim in the unit's name when every rule is met, with the hire's facts filled in; otherwise refuses,
   * naming the rules that failed. Idempotent per {@code submission} like every filing.
   */
  @Transactional
  public CaseFile claim(UUID applicationId, @Nullable String bankAccount, @Nullable String phone,
                        @Nullable String submission) {
    var hire = hire(applicationId);
    var unmet = check(applicationId).stream().filter(r -> !r.met()).toList();
    if (!unmet.isEmpty()) throw new NotEligible(unmet);
    // Filed in the name of the unit that hired, by someone acting for it now (not for another unit of theirs).
    var acting = callers.current().actingUnit();
    if (acting == null || !acting.id().equals(hire.unit())) throw new org.tongban.unit.UnitRefusals.NotAuthorised();
    // Two claims for one employment at once: the second waits here, then finds the first.
    jdbc.sql("select id from employment.employment where id = ? for update").param(hire.employment()).query(UUID.class)
        .single();
    var failed = check(applicationId).stream().filter(r -> !r.met()).toList();
    if (!failed.isEmpty()) throw new NotEligible(failed);
    var caller = callers.current();
    var form = json.createObjectNode();
    form.put("employee", hire.name());
    form.put("hiredOn", hire.startedOn().toString());
    if (bankAccount != null && !bankAccount.isBlank()) form.put("bankAccount", bankAccount.strip());
    if (phone != null && !phone.isBlank()) form.put("contactPhone", phone.strip());
    var filed = filing.apply(new NewApplication(ITEM, new PersonId(caller.person()),
        caller.kiosk() != null ? Channel.KIOSK : Channel.WEB, RegionBasis.RESIDENCE, null, form, submission, null));
    jdbc.sql("insert into employment.subsidy_claim (id, employment_id, item, case_id, claimed_by) values (?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), hire.employment(), ITEM, filed.id().value(), caller.name()).update();
    audit.record("employment.subsidy-claimed", "case", filed.id().toString(), filed.competentRegion(),
        Map.of("item", ITEM, "employment", hire.employment().toString()));
    return filed;
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
