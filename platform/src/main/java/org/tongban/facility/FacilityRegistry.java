package org.tongban.facility;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.access.ScopeCondition;
import org.tongban.audit.AuditTrail;
import org.tongban.facility.internal.FacilityFacts;
import org.tongban.facility.internal.FacilityRules;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.facility.internal.FacilityTypes;
import org.tongban.facility.spi.FacilityType;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The facility registry's front door. Anyone may find open facilities and their free places; staff register and
 * change facilities of their jurisdiction (region prefix and the type's department). Places are taken with one
 * conditional update ({@code occupied < capacity}), inside the caller's transaction.
 */
@Service
@Transactional(readOnly = true)
public class FacilityRegistry {

  static final String COLUMNS = "id, type, name, region_code, lon, lat, hours, fee_rule, fee_cents, status, status_since,"
      + " opened_on, closed_on, capacity, occupied, attributes::text, catchment, generated, version";
  private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {};

  private final JdbcClient jdbc;
  private final FacilityTypes types;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final AuditTrail audit;
  private final JsonMapper json;
  private final javax.sql.DataSource dataSource;
  private final FacilityFacts facts;
  private final IndicatorManagement indicators;
  private final ApplicationEventPublisher events;

  FacilityRegistry(JdbcClient jdbc, FacilityTypes types, RegionDirectory regions, Jurisdiction jurisdiction,
                   AuditTrail audit, JsonMapper json, javax.sql.DataSource dataSource, FacilityFacts facts,
                   IndicatorManagement indicators, ApplicationEventPublisher events) {
    this.events = events;
    this.dataSource = dataSource;
    this.facts = facts;
    this.indicators = indicators;
    this.jdbc = jdbc;
    this.types = types;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    this.audit = audit;
    this.json = json;
  }

  /** Every type the domain modules contribute, in their order. */
  public List<FacilityType> types() {
    return types.all();
  }

  public FacilityType type(String code) {
    return types.find(code).orElseThrow(() -> new UnknownType(code));
  }

  /** Registers a facility; every problem of the draft is reported at once. */
  @Transactional
  public Facility register(FacilityDraft draft) {
    var checked = check(draft);
    jurisdiction.require(checked.region(), checked.type().department(), Purpose.CAPTURE, "facility");
    var id = new FacilityId(UUID.randomUUID());
    insert(id, draft, checked, false);
    indicators.record(facts.of(state(draft, checked), +1));
    events.publishEvent(new FacilityChanged(id));
    audit.record("facility.registered", "facility", id.toString(), checked.region(),
        Map.of("type", draft.type(), "name", draft.name().strip()));
    return view(id);
  }

  /**
   * Changes a facility as a whole (the form's "save"); {@code version} is the one the editor saw, so that two
   * editors cannot overwrite each other unknowingly. Occupancy is kept unless the type records it as an attribute.
   */
  @Transactional
  public Facility change(FacilityId id, FacilityDraft draft, int version) {
    managed(id);
    var before = locked(id);
    if (before.version() != version) throw new StaleFacility();
    var checked = check(draft);
    if (!checked.type().code().equals(before.type())) {
      throw new InvalidFacility(List.of(FieldProblem.of("type", "type-fixed")));
    }
    jurisdiction.require(checked.region(), checked.type().department(), Purpose.CAPTURE, "facility");
    var p = checked.location();
    int changed = jdbc.sql("""
            update facility.facility set name = ?, region_code = ?, lon = ?, lat = ?, hours = ?, fee_rule = ?,
              fee_cents = ?, status = ?, status_since = ?, opened_on = ?, closed_on = ?, capacity = ?,
              occupied = coalesce(?, occupied), attributes = cast(? as jsonb), catchment = ?,
              version = version + 1, updated_at = now()
            where id = ? and version = ?""")
        .params(draft.name().strip(), checked.region().value(), p == null ? null : p.lon(), p == null ? null : p.lat(),
            checked.hours(), draft.fee().name(), checked.feeCents(), draft.status().name(), Date.valueOf(draft.since()),
            opened(draft, before.openedOn()), closed(draft), checked.capacity(),
            checked.type().occupiedKey() == null ? null : checked.occupied(), json.writeValueAsString(checked.attributes()),
            catchment(checked), id.value(), version)
        .update();
    if (changed == 0) throw new StaleFacility();
    indicators.record(facts.change(state(before), state(view(id))));
    events.publishEvent(new FacilityChanged(id));
    audit.record("facility.changed", "facility", id.toString(), checked.region(),
        Map.of("status", draft.status().name(), "name", draft.name().strip()));
    return view(id);
  }

  /** A facility as the public sees it (also planned or closed ones, when asked by id). */
  public Facility view(FacilityId id) {
    return jdbc.sql("select " + COLUMNS + " from facility.facility where id = ?").param(id.value())
        .query(this::map).optional().orElseThrow(() -> new FacilityNotFound(id.toString()));
  }

  /** The facility, its row locked for the rest of the transaction. */
  private Facility locked(FacilityId id) {
    return jdbc.sql("select " + COLUMNS + " from facility.facility where id = ? for update").param(id.value())
        .query(this::map).optional().orElseThrow(() -> new FacilityNotFound(id.toString()));
  }

  /** A facility the current staff member may see; others get "not found". */
  public Facility managed(FacilityId id) {
    var f = view(id);
    jurisdiction.require(f.region(), type(f.type()).department(), Purpose.VIEW, "facility");
    return f;
  }

  /** The public finder: open facilities (unless another status is asked for), nearest first when a point is given. */
  public ResultPage<Facility> search(FacilityQuery q, int page, int size) {
    var status = q.status() == null ? FacilityStatus.OPEN : q.status();
    return find(q, status, null, page, size);
  }

  /** Facilities of the current staff member's jurisdiction, any status unless asked. */
  public ResultPage<Facility> manage(FacilityQuery q, int page, int size) {
    var scope = jurisdiction.condition(Purpose.VIEW, "region_code", "department");
    if (scope.isEmpty()) return new ResultPage<>(List.of(), page, size, 0);
    return find(q, q.status(), scope, page, size);
  }

  private ResultPage<Facility> find(FacilityQuery q, @Nullable FacilityStatus status, @Nullable ScopeCondition scope,
                                    int page, int size) {
    if (page < 0 || size < 1 || size > ResultPage.MAX_SIZE) throw new InvalidQuery();
    var w = where(q, status, scope);
    String order = " order by region_code, name, id";
    var orderArgs = new ArrayList<Object>();
    if (q.near() != null) {
      double radius = q.radiusKm() <= 0 ? 10 : Math.min(q.radiusKm(), 100);
      double dLat = radius / 111.32;
      double dLon = radius / (111.32 * Math.cos(Math.toRadians(q.near().lat())));
      w.sql().append(" and lat between ? and ? and lon between ? and ?");
      w.args().addAll(List.of(q.near().lat() - dLat, q.near().lat() + dLat, q.near().lon() - dLon, q.near().lon() + dLon));
      // Equirectangular distance: exact enough within 100 km for ordering.
      order = " order by (lon - ?) * (lon - ?) * ? + (lat - ?) * (lat - ?), id";
      orderArgs.addAll(List.of(q.near().lon(), q.near().lon(), Math.pow(Math.cos(Math.toRadians(q.near().lat())), 2),
          q.near().lat(), q.near().lat()));
    }
    long total = jdbc.sql("select count(*) from facility.facility" + w.sql()).params(w.args()).query(Long.class).single();
    var items = jdbc.sql("select " + COLUMNS + " from facility.facility" + w.sql() + order + " limit ? offset ?")
        .params(w.args()).params(orderArgs).param(size).param((long) page * size).query(this::map).list();
    return new ResultPage<>(items, page, size, total);
  }

  private record Where(StringBuilder sql, List<Object> args) {}

  private Where where(FacilityQuery q, @Nullable FacilityStatus status, @Nullable ScopeCondition scope) {
    if (q.type() != null) type(q.type());
    var where = new StringBuilder(" where true");
    var args = new ArrayList<Object>();
    if (q.within() != null) {
      where.append(" and region_code like ?");
      args.add(q.within().prefix() + "%");
    }
    if (scope != null) {
      where.append(" and ").append(scope.sql());
      args.addAll(scope.parameters());
    }
    if (q.type() != null) {
      where.append(" and type = ?");
      args.add(q.type());
    }
    if (status != null) {
      where.append(" and status = ?");
      args.add(status.name());
    }
    if (q.text() != null && !q.text().isBlank()) {
      if (q.text().length() > 50) throw new InvalidQuery();
      where.append(" and strpos(name, ?) > 0");
      args.add(q.text().strip());
    }
    if (q.freeOnly()) where.append(" and capacity > occupied");
    return new Where(where, args);
  }

  /**
   * Every facility of the current staff member's jurisdiction matching {@code q}, in region order, read with a
   * cursor (1,000 rows at a time) so that an export of 200,000 never holds them all. Call inside a transaction.
   */
  public void forEachManaged(FacilityQuery q, java.util.function.Consumer<Facility> each) {
    var scope = jurisdiction.condition(Purpose.VIEW, "region_code", "department");
    if (scope.isEmpty()) return;
    var w = where(q, q.status(), scope);
    var cursor = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    cursor.setFetchSize(1_000);
    cursor.query("select " + COLUMNS + " from facility.facility" + w.sql() + " order by region_code, name, id",
        (org.springframework.jdbc.core.RowCallbackHandler) rs -> each.accept(map(rs, 0)), w.args().toArray());
  }

  /**
   * Takes one place (an admission); refuses with {@link NoFreePlace} when the facility is full or not open.
   * Runs in the caller's transaction, so an admission and the decision that made it commit together.
   */
  @Transactional
  public void admit(FacilityId id) {
    // Locked before it is read: the facts are the difference between this state and the next, so two admissions at
    // once must not both start from the same "before" (they were counted twice).
    var before = locked(id);
    int taken = jdbc.sql("update facility.facility set occupied = occupied + 1, version = version + 1, updated_at = now()"
            + " where id = ? and status = 'OPEN' and capacity is not null and occupied < capacity")
        .param(id.value()).update();
    if (taken == 0) throw new NoFreePlace(before.name());
    indicators.record(facts.change(state(before), state(view(id))));
    events.publishEvent(new FacilityChanged(id));
  }

  /** Frees one place (someone left); staff of the facility's jurisdiction only. */
  @Transactional
  public Facility release(FacilityId id) {
    managed(id);
    var f = locked(id);
    jurisdiction.require(f.region(), type(f.type()).department(), Purpose.CAPTURE, "facility");
    int freed = jdbc.sql("update facility.facility set occupied = occupied - 1, version = version + 1, updated_at = now()"
        + " where id = ? and occupied > 0").param(id.value()).update();
    var after = view(id);
    indicators.record(facts.change(state(f), state(after)));
    if (freed == 1) events.publishEvent(new FacilityChanged(id));
    audit.record("facility.place-released", "facility", id.toString(), f.region(), Map.of());
    return after;
  }

  /** Checks a draft without saving it (imports and forms); problems empty when it is valid. */
  public FacilityRules.Checked check(FacilityDraft draft, boolean refuse) {
    var checked = FacilityRules.check(draft, types, regions::exists);
    if (refuse && !checked.valid()) throw new InvalidFacility(checked.problems());
    return checked;
  }

  private FacilityRules.Checked check(FacilityDraft draft) {
    return check(draft, true);
  }

  /** Inserts a checked facility (also used by imports and the generator, which check jurisdiction themselves). */
  public void insert(FacilityId id, FacilityDraft d, FacilityRules.Checked c, boolean generated) {
    var p = c.location();
    jdbc.sql("insert into facility.facility (" + INSERT_COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " cast(? as jsonb), ?, ?)")
        .params(insertRow(id, d, c, generated)).update();
  }

  /** Column list and row of {@link #insert}, for batch inserts. */
  public static final String INSERT_COLUMNS = "id, type, name, region_code, lon, lat, hours, fee_rule, fee_cents, status,"
      + " status_since, opened_on, closed_on, capacity, occupied, attributes, catchment, generated";

  public List<Object> insertRow(FacilityId id, FacilityDraft d, FacilityRules.Checked c, boolean generated) {
    var p = c.location();
    return Arrays.asList(id.value(), d.type(), d.name().strip(), c.region().value(), p == null ? null : p.lon(),
        p == null ? null : p.lat(), c.hours(), d.fee().name(), c.feeCents(), d.status().name(), Date.valueOf(d.since()),
        opened(d, null), closed(d), c.capacity(), c.occupied(), json.writeValueAsString(c.attributes()), catchment(c),
        generated);
  }

  /** The facts a new facility brings (for imports and the generator, which insert in batches). */
  public List<FactChange> factsOf(FacilityDraft d, FacilityRules.Checked c) {
    return facts.of(state(d, c), +1);
  }

  /** Records facts of facilities inserted in a batch, in the caller's transaction. */
  public void recordFacts(List<FactChange> changes) {
    indicators.record(changes);
  }

  /** Announces facilities inserted in a batch (an import) as changed, in the caller's transaction. */
  public void announce(List<FacilityId> inserted) {
    inserted.forEach(id -> events.publishEvent(new FacilityChanged(id)));
  }

  private static FacilityFacts.State state(Facility f) {
    return new FacilityFacts.State(f.type(), f.region(), f.capacity(), f.occupied(), f.attributes(), f.openedOn(),
        f.closedOn());
  }

  private static FacilityFacts.State state(FacilityDraft d, FacilityRules.Checked c) {
    var opened = opened(d, null);
    var closed = closed(d);
    return new FacilityFacts.State(d.type(), c.region(), c.capacity(), c.occupied(), c.attributes(),
        opened == null ? null : opened.toLocalDate(), closed == null ? null : closed.toLocalDate());
  }

  private static @Nullable Date opened(FacilityDraft d, @Nullable LocalDate before) {
    if (d.status() == FacilityStatus.OPEN) return Date.valueOf(before != null && before.isBefore(d.since()) ? before : d.since());
    if (d.status() == FacilityStatus.CLOSED && before != null) return Date.valueOf(before);
    return null;
  }

  private static @Nullable Date closed(FacilityDraft d) {
    return d.status() == FacilityStatus.CLOSED ? Date.valueOf(d.since()) : null;
  }

  private static String[] catchment(FacilityRules.Checked c) {
    return c.catchment().stream().map(RegionCode::value).toArray(String[]::new);
  }

  Facility map(ResultSet rs, int row) throws SQLException {
    String type = rs.getString(2);
    double lon = rs.getDouble(5);
    GeoPoint point = rs.wasNull() ? null : new GeoPoint(lon, rs.getDouble(6));
    Integer capacity = rs.getObject(14, Integer.class);
    var catchment = new ArrayList<RegionCode>();
    for (String c : (String[]) rs.getArray(17).getArray()) catchment.add(RegionCode.of(c));
    return new Facility(new FacilityId(rs.getObject(1, UUID.class)), type,
        types.find(type).map(FacilityType::nameZh).orElse(type), rs.getString(3), RegionCode.of(rs.getString(4)), point,
        rs.getString(7), FeeRule.valueOf(rs.getString(8)), rs.getInt(9), FacilityStatus.valueOf(rs.getString(10)),
        rs.getObject(11, LocalDate.class), rs.getObject(12, LocalDate.class), rs.getObject(13, LocalDate.class),
        capacity, rs.getInt(15), json.readValue(rs.getString(16), MAP), catchment, rs.getBoolean(18), rs.getInt(19));
  }

  public static final class FacilityNotFound extends Refusal {
    public FacilityNotFound(String id) {
      super("facility.not-found", 404, id);
    }
  }

  public static final class UnknownType extends Refusal {
    public UnknownType(String code) {
      super("facility.unknown-type", 400, code);
    }
  }

  public static final class InvalidFacility extends Refusal {
    public InvalidFacility(List<FieldProblem> problems) {
      super("facility.invalid", 400, problems);
    }
  }

  public static final class StaleFacility extends Refusal {
    public StaleFacility() {
      super("facility.stale", 409);
    }
  }

  public static final class NoFreePlace extends Refusal {
    public NoFreePlace(String name) {
      super("facility.full", 409, name);
    }
  }

  public static final class InvalidQuery extends Refusal {
    public InvalidQuery() {
      super("facility.invalid-query", 400);
    }
  }
}
