package org.tongban.insurance;

import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.tongban.audit.AuditTrail;
import org.tongban.person.ResidentDied;
import org.tongban.shared.RegionCode;

/**
 * A death registered in the person registry: every benefit ends with the month of death (paid for that month), the
 * card is cancelled, payments not yet sent for later months are voided, and any sent or paid for later months become
 * recoveries from the estate (社会保险法 art. 88).
 */
@Component
class Deaths {

  private final JdbcClient jdbc;
  private final Awards awards;
  private final InsuranceFacts facts;
  private final AuditTrail audit;

  private final org.springframework.context.ApplicationEventPublisher events;

  Deaths(JdbcClient jdbc, Awards awards, InsuranceFacts facts, AuditTrail audit,
         org.springframework.context.ApplicationEventPublisher events) {
    this.events = events;
    this.facts = facts;
    this.jdbc = jdbc;
    this.awards = awards;
    this.audit = audit;
  }

  @ApplicationModuleListener
  void on(ResidentDied died) {
    UUID person = died.person().value();
    var month = YearMonth.from(died.diedOn());
    awards.stop(person, Pensions.BENEFIT, Awards.StopReason.DIED, month);
    awards.stop(person, UnemploymentBenefits.BENEFIT, Awards.StopReason.DIED, month);
    // Enrolments end with the month of death.
    var open = jdbc.sql("update insurance.enrolment set to_month = greatest(?, from_month), end_reason = 'DIED'"
            + " where person_id = ? and to_month is null returning insurance, scheme, region_code, to_month, id")
        .params(month.atDay(1), person)
        .query((rs, i) -> new Object[] {Insurance.valueOf(rs.getString(1)), rs.getString(2), RegionCode.of(rs.getString(3)),
            YearMonth.from(rs.getDate(4).toLocalDate()), rs.getObject(5, UUID.class)})
        .list();
    for (var e : open) {
      facts.enrolment((Insurance) e[0], (String) e[1], (RegionCode) e[2], ((YearMonth) e[3]).plusMonths(1), -1);
      events.publishEvent(new EnrolmentChanged((UUID) e[4]));
    }
    jdbc.sql("update insurance.card set status = 'CANCELLED', lost_until = null, ended_at = now(), version = version + 1"
        + " where person_id = ? and status in ('ISSUED', 'ACTIVE', 'TEMP_LOST')").param(person).update();
    int voided = jdbc.sql("update insurance.payment set status = 'VOID', failure = '持卡人已死亡' where person_id = ?"
        + " and month > ? and status in ('PENDING', 'HELD', 'FAILED')").params(person, month.atDay(1)).update();
    var recovered = jdbc.sql("insert into insurance.recovery (id, payment_id, person_id, amount_cents, reason, region_code)"
            + " select gen_random_uuid(), id, person_id, amount_cents, ?, region_code from insurance.payment"
            + " where person_id = ? and month > ? and status in ('SENT', 'PAID')"
            + " on conflict (payment_id) do nothing returning amount_cents")
        .params("死亡（" + died.diedOn() + "）后的月份已发放，应予追回", person, month.atDay(1)).query(Long.class).list();
    if (voided > 0 || !recovered.isEmpty()) {
      var region = jdbc.sql("select region_code from insurance.award where person_id = ? order by created_at desc limit 1")
          .param(person).query(String.class).optional().map(RegionCode::of).orElse(null);
      audit.record("insurance.death-settled", "person", person.toString(), region,
          Map.of("voided", String.valueOf(voided), "recoveries", String.valueOf(recovered.size()),
              "recoveryCents", String.valueOf(recovered.stream().mapToLong(Long::longValue).sum())));
    }
  }
}
