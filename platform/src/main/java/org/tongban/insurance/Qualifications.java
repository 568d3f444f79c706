package org.tongban.insurance;

import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseStatus;
import org.tongban.casework.CaseStatusChanged;
import org.tongban.identity.ResidentAccounts;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;

/**
 * 待遇资格认证 of pensioners, renewed yearly: by the pensioner online, by staff at a window or a home visit (the agency
 * covering where the pensioner lives), or silently when the platform sees the pensioner act (filing a case in person
 * or online, or a community worker's recorded home visit, 居家社区探访). A pension whose qualification has lapsed is held at the bank file until it is renewed; a text reminds the
 * pensioner a month before it lapses. A pension's grant counts as the first confirmation.
 */
@Service
@Transactional(readOnly = true)
public class Qualifications {

  private static final Logger log = LoggerFactory.getLogger(Qualifications.class);
  /** Remind this many days before the confirmation lapses. */
  static final int REMIND_DAYS = 30;

  public enum Channel { ONLINE, STAFF, DATA }

  public record Qualification(LocalDate confirmedOn, LocalDate validUntil, Channel channel, String evidence) {
    public boolean validOn(LocalDate day) {
      return !day.isAfter(validUntil);
    }
  }

  private final JdbcClient jdbc;
  private final Awards awards;
  private final Enrolments enrolments;
  private final Residents residents;
  private final ResidentAccounts accounts;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;

  Qualifications(JdbcClient jdbc, Awards awards, Enrolments enrolments, Residents residents, ResidentAccounts accounts,
                 Jurisdiction jurisdiction, Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.awards = awards;
    this.enrolments = enrolments;
    this.residents = residents;
    this.accounts = accounts;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  /** The latest confirmation of the person, if any. */
  public Optional<Qualification> current(UUID person) {
    return jdbc.sql("select confirmed_on, valid_until, channel, evidence from insurance.qualification where person_id = ?"
            + " order by valid_until desc limit 1").param(person)
        .query((rs, i) -> new Qualification(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
            Channel.valueOf(rs.getString(3)), rs.getString(4)))
        .optional();
  }

  /** Whether a pension may be paid for a month starting {@code day}: a confirmation valid then. */
  public boolean valid(UUID person, LocalDate day) {
    return current(person).map(q -> q.validOn(day)).orElse(false);
  }

  /** The pensioner confirms online (signed in: the sign-in is the check). */
  @Transactional
  public Qualification confirmOnline() {
    var me = enrolments.myPersonId();
    if (awards.active(me, Pensions.BENEFIT).isEmpty()) throw new InsuranceRefusals.AwardNotActive();
    return confirm(me, Channel.ONLINE, "本人网上认证（实名登录）", callers.current().name());
  }

  /** Staff confirm at a window or a home visit, saying how they saw the pensioner; within their jurisdiction. */
  @Transactional
  public Qualification confirmByStaff(UUID person, @Nullable String evidence) {
    var resident = residents.find(new PersonId(person)).orElseThrow(InsuranceRefusals.PersonNotFound::new);
    if (!jurisdiction.allows(resident.residenceRegion(), InsuranceParameters.DEPARTMENT, Purpose.CAPTURE)) {
      throw new InsuranceRefusals.PersonNotFound();
    }
    if (evidence == null || evidence.strip().length() < 4 || evidence.length() > 300) {
      throw new InsuranceRefusals.IdentityCheckRequired();
    }
    if (awards.active(person, Pensions.BENEFIT).isEmpty()) throw new InsuranceRefusals.AwardNotActive();
    return confirm(person, Channel.STAFF, evidence.strip(), callers.current().name());
  }

  /** A pension granted: the claim itself confirms the pensioner for a year. */
  void granted(UUID person, String caseNumber) {
    confirm(person, Channel.DATA, "核定基本养老金（" + caseNumber + "）", "platform");
  }

  /** A pensioner filing a case (in person at a window or signed in online) is seen alive: renewed silently. */
  @ApplicationModuleListener
  void on(CaseStatusChanged changed) {
    if (changed.status() != CaseStatus.PRE_REVIEW && changed.status() != CaseStatus.AWAITING_ACCEPTANCE) return;
    UUID person = changed.applicant().value();
    if (awards.active(person, Pensions.BENEFIT).isEmpty()) return;
    seen(person, Enrolments.today(), "本人办理业务（" + changed.number() + "，" + changed.itemName() + "）");
  }

  /** A community worker recorded seeing the pensioner at home: renewed silently from the visit's day. */
  @ApplicationModuleListener
  void on(org.tongban.eldercare.ElderVisited visited) {
    UUID person = visited.person().value();
    if (awards.active(person, Pensions.BENEFIT).isEmpty()) return;
    seen(person, visited.visitedOn(), "居家社区探访记录（" + visited.visitedOn() + "，" + visited.visitor() + "）");
  }

  /** Renews from {@code day} only once the current confirmation has less than half its year left after it. */
  private void seen(UUID person, LocalDate day, String evidence) {
    var now = current(person);
    if (now.isPresent() && now.get().validUntil().isAfter(day.plusMonths(6))) return;
    if (now.isPresent() && !day.plusYears(1).isAfter(now.get().validUntil())) return;
    confirm(person, Channel.DATA, evidence, "platform", day);
  }

  private Qualification confirm(UUID person, Channel channel, String evidence, String by) {
    return confirm(person, channel, evidence, by, Enrolments.today());
  }

  private Qualification confirm(UUID person, Channel channel, String evidence, String by, LocalDate today) {
    var until = today.plusYears(1);
    jdbc.sql("insert into insurance.qualification (id, person_id, confirmed_on, valid_until, channel, evidence,"
            + " confirmed_by) values (?, ?, ?, ?, ?, ?, ?)")
        .params(UUID.randomUUID(), person, today, until, channel.name(), evidence, by).update();
    audit.record("insurance.qualified", "person", person.toString(), null,
        Map.of("channel", channel.name(), "validUntil", until.toString()));
    return new Qualification(today, until, channel, evidence);
  }

  /**
   * Texts every pensioner whose confirmation lapses within {@value #REMIND_DAYS} days, once per expiry; returns how
   * many were reminded. Run daily by {@code QualificationReminders}.
   */
  @Transactional
  public int remind() {
    var today = Enrolments.today();
    var due = jdbc.sql("""
            select q.person_id, max(q.valid_until) from insurance.qualification q
            join insurance.award a on a.person_id = q.person_id and a.benefit = 'PENSION' and a.status = 'ACTIVE'
            group by q.person_id having max(q.valid_until) between ? and ?""")
        .params(today, today.plusDays(REMIND_DAYS))
        .query((rs, i) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, LocalDate.class))).list();
    int sent = 0;
    for (var d : due) {
      if (jdbc.sql("insert into insurance.qualification_reminder (person_id, valid_until) values (?, ?)"
          + " on conflict do nothing").params(d.getKey(), d.getValue()).update() == 0) {
        continue;
      }
      sent++;
      try {
        accounts.text(new PersonId(d.getKey()), "【通办】您的养老保险待遇资格认证将于 " + d.getValue()
            + " 到期，请登录通办「我的社保」完成认证，或到社区、社保窗口办理。逾期未认证将暂停发放。");
      } catch (RuntimeException e) {
        log.warn("Reminder text not sent: {}", e.getMessage());
      }
    }
    return sent;
  }
}
