package org.tongban.facility;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.casework.Applications;
import org.tongban.casework.CaseDecided;
import org.tongban.casework.CaseId;
import org.tongban.casework.NewApplication;
import org.tongban.casework.RegionBasis;
import org.tongban.facility.spi.FacilityType;
import org.tongban.identity.ResidentAccounts;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;
import tools.jackson.databind.node.ObjectNode;

/**
 * Care services as cases: an application for a place in a facility is a casework case of the type's item
 * (托位, 入园, 养老床位, 居家上门服务), decided by the facility's county office, and a row on the facility's waiting
 * list ordered by priority, then time. When the case is approved the place is taken in the same transaction as the
 * decision; a full facility refuses the decision and nothing changes.
 */
@Service
@Transactional(readOnly = true)
public class Placements {

  private static final String COLUMNS = "p.id, p.facility_id, f.name, p.case_id, p.case_number, p.item, p.priorities,"
      + " p.score, p.status, p.filed_at, p.decided_at";

  private final JdbcClient jdbc;
  private final FacilityRegistry registry;
  private final Applications applications;
  private final Residents residents;
  private final ResidentAccounts accounts;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  Placements(JdbcClient jdbc, FacilityRegistry registry, Applications applications, Residents residents,
             ResidentAccounts accounts, Jurisdiction jurisdiction, AuditTrail audit, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.registry = registry;
    this.applications = applications;
    this.residents = residents;
    this.accounts = accounts;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
  }

  /**
   * Applies for a place. The facility must be open and give places through {@code application.item()}; a type
   * with a catchment takes only residents living in it. {@code priorities} are codes of the type's priority
   * reasons, checked by staff with the case. The case is filed for the facility's region, so the facility's
   * county office decides it. A repeated submit (same idempotency key) returns the first placement.
   */
  @Transactional
  public Placement apply(FacilityId facilityId, NewApplication application, Set<String> priorities) {
    var facility = registry.view(facilityId);
    FacilityType type = registry.type(facility.type());
    var item = type.placementItemFor(facility.attributes());
    if (facility.status() != FacilityStatus.OPEN || item == null || !item.equals(application.item())) {
      throw new NoPlacesHere(facility.name());
    }
    int score = 0;
    for (String p : priorities) {
      var priority = type.priorities().stream().filter(x -> x.code().equals(p)).findFirst()
          .orElseThrow(() -> new UnknownPriority(p));
      score += priority.weight();
    }
    if (type.catchment()) {
      var applicant = residents.find(application.applicant()).orElseThrow(NotAResident::new);
      var area = facility.catchment().isEmpty() ? List.of(facility.region().atLevel(RegionLevel.TOWNSHIP))
          : facility.catchment();
      if (area.stream().noneMatch(a -> a != null && applicant.residenceRegion().isWithin(a))) {
        throw new OutsideCatchment(facility.name());
      }
    }
    var form = application.form().deepCopy();
    if (form instanceof ObjectNode o && !o.hasNonNull("school") && application.item().startsWith("education.")) {
      o.put("school", facility.name());
    }
    var file = applications.apply(new NewApplication(application.item(), application.applicant(), application.channel(),
        RegionBasis.CHOSEN, facility.region(), form, application.idempotencyKey(), application.authorisation()));
    var placement = UUID.randomUUID();
    int filed = jdbc.sql("""
            insert into facility.placement (id, facility_id, case_id, case_number, person, item, priorities, score, status)
            values (?, ?, ?, ?, ?, ?, ?, ?, 'WAITING') on conflict (case_id) do nothing""")
        .params(placement, facilityId.value(), file.id().value(), file.number(), application.applicant().value(),
            application.item(), new LinkedHashSet<>(priorities).toArray(String[]::new), score)
        .update();
    if (filed == 1) events.publishEvent(new PlacementChanged(placement));
    audit.record("facility.place-applied", "facility", facilityId.toString(), facility.region(),
        Map.of("case", file.number(), "item", application.item()));
    return byCase(file.id()).orElseThrow();
  }

  /** The signed-in resident's place applications, newest first. */
  public List<Placement> mine() {
    PersonId person = accounts.currentPerson().orElseThrow(NotAResident::new);
    return jdbc.sql("select " + COLUMNS + ", " + POSITION + " from facility.placement p join facility.facility f"
            + " on f.id = p.facility_id where p.person = ? order by p.filed_at desc limit 100")
        .param(person.value()).query(Placements::map).list();
  }

  /** A facility's waiting list in the order places are offered (priority score, then filing time). */
  public ResultPage<Placement> waitingList(FacilityId facilityId, int page, int size) {
    registry.managed(facilityId);
    if (page < 0 || size < 1 || size > ResultPage.MAX_SIZE) throw new FacilityRegistry.InvalidQuery();
    long total = jdbc.sql("select count(*) from facility.placement where facility_id = ? and status = 'WAITING'")
        .param(facilityId.value()).query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + ", row_number() over (order by p.score desc, p.filed_at)"
            + " from facility.placement p join facility.facility f on f.id = p.facility_id"
            + " where p.facility_id = ? and p.status = 'WAITING' order by p.score desc, p.filed_at limit ? offset ?")
        .params(facilityId.value(), size, (long) page * size).query(Placements::map).list();
    return new ResultPage<>(items, page, size, total);
  }

  /** The placement a case belongs to, if it is a place application. */
  public java.util.Optional<Placement> byCase(CaseId id) {
    return jdbc.sql("select " + COLUMNS + ", " + POSITION + " from facility.placement p join facility.facility f"
        + " on f.id = p.facility_id where p.case_id = ?").param(id.value()).query(Placements::map).optional();
  }

  /** Someone left their place: it becomes free for the next on the waiting list. */
  @Transactional
  public Placement leave(CaseId id) {
    var placement = byCase(id).orElseThrow(() -> new FacilityRegistry.FacilityNotFound(id.toString()));
    var facility = registry.managed(placement.facility());
    jurisdiction.require(facility.region(), registry.type(facility.type()).department(), Purpose.CAPTURE, "facility");
    int changed = jdbc.sql("update facility.placement set status = 'LEFT', decided_at = now() where id = ?"
        + " and status = 'ADMITTED'").param(placement.id()).update();
    if (changed == 1) {
      registry.release(placement.facility());
      events.publishEvent(new PlacementChanged(placement.id()));
    }
    return byCase(id).orElseThrow();
  }

  // Runs inside the decision's transaction (a plain listener, not after commit): the place is taken or the
  // decision fails with "no free place".
  @EventListener
  void on(CaseDecided decided) {
    var placement = byCase(decided.id());
    if (placement.isEmpty() || placement.get().status() != Placement.Status.WAITING) return;
    // Guarded: a decision reaches a waiting application once; the place is taken only by the one that moved it.
    int moved = jdbc.sql("update facility.placement set status = ?, decided_at = ? where id = ? and status = 'WAITING'")
        .params(decided.approved() ? "ADMITTED" : "DECLINED", Timestamp.from(decided.at()), placement.get().id())
        .update();
    if (moved == 0) return;
    if (decided.approved()) registry.admit(placement.get().facility());
    events.publishEvent(new PlacementChanged(placement.get().id()));
  }

  private static final String POSITION = "case when p.status = 'WAITING' then (select count(*) + 1 from facility.placement q"
      + " where q.facility_id = p.facility_id and q.status = 'WAITING' and (q.score > p.score or (q.score = p.score"
      + " and q.filed_at < p.filed_at))) end";

  private static Placement map(ResultSet rs, int row) throws SQLException {
    Number position = (Number) rs.getObject(12);
    return new Placement(rs.getObject(1, UUID.class), new FacilityId(rs.getObject(2, UUID.class)), rs.getString(3),
        new CaseId(rs.getObject(4, UUID.class)), rs.getString(5), rs.getString(6),
        Arrays.asList((String[]) rs.getArray(7).getArray()), rs.getInt(8), Placement.Status.valueOf(rs.getString(9)),
        rs.getTimestamp(10).toInstant(), rs.getTimestamp(11) == null ? null : rs.getTimestamp(11).toInstant(),
        position == null ? null : position.intValue());
  }

  public static final class NoPlacesHere extends Refusal {
    public NoPlacesHere(String facility) {
      super("facility.no-placement", 400, facility);
    }
  }

  public static final class UnknownPriority extends Refusal {
    public UnknownPriority(String code) {
      super("facility.unknown-priority", 400, code);
    }
  }

  public static final class NotAResident extends Refusal {
    public NotAResident() {
      super("facility.not-a-resident", 409);
    }
  }

  public static final class OutsideCatchment extends Refusal {
    public OutsideCatchment(String facility) {
      super("facility.outside-catchment", 409, facility);
    }
  }
}
