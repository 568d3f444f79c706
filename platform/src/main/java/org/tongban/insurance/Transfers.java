package org.tongban.insurance;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseQueries;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * 关系转移接续 within the province: an approved 养老保险关系转移接续 case (多地联办: the city of origin and the one the
 * person moves to both work it) moves every paid month of the employees' pension held in other cities to the
 * destination — TRANSFER_OUT at the origin with the personal account's share taken out, TRANSFER_IN at the destination
 * with the base and the share — so that the months count once, the account stays whole, and each city's staff see
 * what left and what arrived. A person with arrears in the months to move is refused at approval (they are paid first,
 * 社会保险法 art. 19 moves paid periods); a person with nothing held in another city here is approved and nothing moves.
 * Once per case.
 */
@Service
public class Transfers {

  static final String ITEM = "hrss.pension-transfer";

  private final JdbcClient jdbc;
  private final CaseQueries cases;
  private final ContributionRecord record;
  private final Enrolments enrolments;
  private final AuditTrail audit;

  Transfers(JdbcClient jdbc, CaseQueries cases, ContributionRecord record, Enrolments enrolments, AuditTrail audit) {
    this.jdbc = jdbc;
    this.cases = cases;
    this.record = record;
    this.enrolments = enrolments;
    this.audit = audit;
  }

  @EventListener
  @Transactional
  public void on(CaseDecided decided) {
    if (!decided.approved() || !ITEM.equals(decided.item())) return;
    var file = cases.find(decided.id()).orElseThrow();
    if (file.subject() != null || file.unit() != null) return;
    UUID person = file.applicant().value();
    String typed = file.form().path("destinationRegion").asString("");
    RegionCode destination;
    try {
      destination = RegionCode.of(typed);
    } catch (RegionCode.InvalidRegionCode e) {
      throw new InsuranceRefusals.TransferBlocked("destination");
    }
    var city = destination.atLevel(RegionLevel.CITY);
    if (city == null) throw new InsuranceRefusals.TransferBlocked("destination");
    enrolments.lockPerson(person);
    String source = "transfer:" + decided.id();
    if (jdbc.sql("select exists(select 1 from insurance.ledger where person_id = ? and source = ?)")
        .params(person, source).query(Boolean.class).single()) {
      return;
    }
    var pension = record.accounts(person).get(Insurance.PENSION);
    if (pension != null && pension.arrearsMonths() > 0) throw new InsuranceRefusals.TransferBlocked("arrears");
    // Paid months held outside the destination city, by region, with the base and the account's share.
    record Held(String region, java.time.LocalDate month, long base, long account) {}
    List<Held> held = jdbc.sql("""
            select region_code, month, max(base_cents), sum(account_cents) from insurance.ledger
            where person_id = ? and insurance = 'PENSION' and kind in ('PAID', 'TRANSFER_IN', 'TRANSFER_OUT')
              and region_code not like ?
            group by region_code, month having sum(account_cents) > 0 or bool_or(kind = 'PAID')""")
        .params(person, city.prefix() + "%")
        .query((rs, i) -> new Held(rs.getString(1), rs.getObject(2, java.time.LocalDate.class), rs.getLong(3),
            rs.getLong(4)))
        .list().stream()
        // A month already moved out (its account share is zero there now) stays where it went.
        .filter(h -> h.account() > 0 || !movedOut(person, h.region(), h.month()))
        .toList();
    if (held.isEmpty()) {
      // Nothing of this person's is held in another city here (periods kept elsewhere move outside the platform).
      audit.record("insurance.transfer-nothing-held", "case", decided.id().toString(), destination, Map.of());
      return;
    }
    String by = "case:" + file.number();
    for (var h : held) {
      jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, base_cents, account_cents, region_code,"
              + " source, entered_by) values (?, 'PENSION', ?, 'TRANSFER_OUT', ?, ?, ?, ?, ?)")
          .params(person, h.month(), h.base(), -h.account(), h.region(), source, by).update();
      jdbc.sql("insert into insurance.ledger (person_id, insurance, month, kind, base_cents, account_cents, region_code,"
              + " source, entered_by) values (?, 'PENSION', ?, 'TRANSFER_IN', ?, ?, ?, ?, ?)")
          .params(person, h.month(), h.base(), h.account(), destination.value(), source, by).update();
    }
    audit.record("insurance.transferred", "case", decided.id().toString(), destination,
        Map.of("months", String.valueOf(held.size()), "to", destination.value()));
  }

  private boolean movedOut(UUID person, String region, java.time.LocalDate month) {
    return jdbc.sql("select exists(select 1 from insurance.ledger where person_id = ? and region_code = ? and month = ?"
        + " and kind = 'TRANSFER_OUT')").params(person, region, month).query(Boolean.class).single();
  }
}
