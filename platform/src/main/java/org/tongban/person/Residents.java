package org.tongban.person;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.person.PersonRefusals.DuplicateIdNumber;
import org.tongban.person.PersonRefusals.EmptyQuery;
import org.tongban.person.PersonRefusals.ReasonRequired;
import org.tongban.person.PersonRefusals.RegionNotVillage;
import org.tongban.person.PersonRefusals.ResidentNotFound;
import org.tongban.person.PersonRefusals.StaleResident;
import org.tongban.person.internal.PersonCrypto;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.IdNumber;
import org.tongban.shared.PhoneNumber;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;

/**
 * The person module's front door. Every staff-facing method goes through the jurisdiction: a resident is
 * visible to staff whose scope covers the household or the residence region. ID numbers leave this class
 * masked, except through {@link #revealIdNumber}, which needs a permission and a reason and is audited.
 */
@Service
@Transactional(readOnly = true)
public class Residents {

  static final String COLUMNS = "id, name, id_number_masked, birth_date, sex, phone_masked, household_region,"
      + " residence_region, generated, version";

  private final JdbcClient jdbc;
  private final PersonCrypto crypto;
  private final Jurisdiction jurisdiction;
  private final RegionDirectory regions;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  Residents(JdbcClient jdbc, PersonCrypto crypto, Jurisdiction jurisdiction, RegionDirectory regions,
            AuditTrail audit, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.crypto = crypto;
    this.jurisdiction = jurisdiction;
    this.regions = regions;
    this.audit = audit;
  }

  /** Registers a resident; refuses invalid numbers, unknown or non-village regions, and duplicates. */
  @Transactional
  public Resident register(NewResident input) {
    var idNumber = new IdNumber(input.idNumber());
    var phone = input.phone() == null || input.phone().isBlank() ? null : new PhoneNumber(input.phone());
    var household = village(input.householdRegion());
    var residence = village(input.residenceRegion());
    jurisdiction.require(residence, null, Purpose.CAPTURE, "resident");
    var id = PersonId.random();
    try {
      jdbc.sql("""
              insert into person.person (id, name, id_number_cipher, id_number_index, id_number_masked, birth_date,
                sex, phone_cipher, phone_masked, household_region, residence_region)
              values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
          .params(id.value(), input.name().strip(), crypto.encrypt("id_number", idNumber.value()),
              crypto.index(idNumber.value()), idNumber.masked(), idNumber.birthDate(),
              idNumber.sex() == IdNumber.Sex.MALE ? "M" : "F",
              phone == null ? null : crypto.encrypt("phone", phone.value()), phone == null ? null : phone.masked(),
              household.value(), residence.value())
          .update();
    } catch (DuplicateKeyException e) {
      throw new DuplicateIdNumber();
    }
    audit.record("person.registered", "person", id.toString(), residence, Map.of("idNumber", idNumber.masked()));
    events.publishEvent(new ResidentRegistered(id, idNumber.masked(), Instant.now()));
    return find(id).orElseThrow();
  }

  /** One resident, if the caller's jurisdiction covers them; otherwise "not found". */
  public Resident view(PersonId id) {
    var resident = find(id).orElseThrow(() -> new ResidentNotFound(id.toString()));
    requireCovered(resident, Purpose.VIEW);
    return resident;
  }

  /** Search within the caller's jurisdiction: name prefix, exact ID number, region. */
  public ResultPage<Resident> search(ResidentQuery query, int page, int size) {
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    boolean hasName = query.name() != null && !query.name().isBlank();
    boolean hasId = query.idNumber() != null && !query.idNumber().isBlank();
    boolean hasRegion = query.region() != null && !query.region().isBlank();
    if (!hasName && !hasId && !hasRegion) throw new EmptyQuery();
    var filter = jurisdiction.filter(Purpose.SEARCH, null);
    if (filter.isEmpty()) return new ResultPage<>(java.util.List.of(), p, s, 0);
    var where = new StringBuilder(" where (residence_region like any(?) or household_region like any(?))");
    var args = new ArrayList<Object>();
    args.add(filter.patterns());
    args.add(filter.patterns());
    if (hasName) {
      where.append(" and name like ?");
      args.add(query.name().strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
    }
    if (hasId) {
      where.append(" and id_number_index = ?");
      args.add(crypto.index(new IdNumber(query.idNumber()).value()));
    }
    if (hasRegion) {
      var region = RegionCode.of(query.region());
      where.append(" and (residence_region like ? or household_region like ?)");
      args.add(region.prefix() + "%");
      args.add(region.prefix() + "%");
    }
    long total = jdbc.sql("select count(*) from person.person" + where).params(args).query(Long.class).single();
    args.add(p * s);
    args.add(s);
    var items = jdbc.sql("select " + COLUMNS + " from person.person" + where + " order by name, id offset ? limit ?")
        .params(args).query(Residents::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /** Changes phone or residence; the version must match what the clerk saw. */
  @Transactional
  public Resident change(PersonId id, ResidentChange change) {
    var resident = view(id);
    requireCovered(resident, Purpose.CAPTURE);
    var phone = change.phone() == null ? null : change.phone().isBlank() ? null : new PhoneNumber(change.phone());
    var residence = change.residenceRegion() == null ? resident.residenceRegion() : village(change.residenceRegion());
    jurisdiction.require(residence, null, Purpose.CAPTURE, "resident");
    int updated = jdbc.sql("""
            update person.person set residence_region = ?,
              phone_cipher = case when ? then ? else phone_cipher end,
              phone_masked = case when ? then ? else phone_masked end,
              version = version + 1, updated_at = now()
            where id = ? and version = ?""")
        .params(residence.value(), change.phone() != null, phone == null ? null : crypto.encrypt("phone", phone.value()),
            change.phone() != null, phone == null ? null : phone.masked(), id.value(), change.version())
        .update();
    if (updated == 0) throw new StaleResident();
    var detail = new java.util.HashMap<String, String>();
    if (change.phone() != null) detail.put("phone", phone == null ? "" : phone.masked());
    if (!residence.equals(resident.residenceRegion())) detail.put("residence", residence.value());
    audit.record("person.changed", "person", id.toString(), residence, detail);
    return find(id).orElseThrow();
  }

  /**
   * Registers a death (staff whose jurisdiction covers the resident, from the death certificate or the police's
   * cancellation of the household registration): once; the day cannot be in the future. Published as {@link ResidentDied}.
   */
  @Transactional
  public void registerDeath(PersonId id, @org.jspecify.annotations.Nullable LocalDate diedOn,
                            @org.jspecify.annotations.Nullable String source) {
    var resident = view(id);
    requireCovered(resident, Purpose.CAPTURE);
    if (diedOn == null || diedOn.isAfter(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")))
        || diedOn.isBefore(resident.birthDate()) || source == null || source.strip().length() < 4 || source.length() > 200) {
      throw new ReasonRequired();
    }
    if (jdbc.sql("update person.person set died_on = ?, version = version + 1, updated_at = now() where id = ?"
        + " and died_on is null").params(diedOn, id.value()).update() != 1) {
      throw new StaleResident();
    }
    audit.record("person.died", "person", id.toString(), resident.residenceRegion(),
        Map.of("diedOn", diedOn.toString(), "source", source.strip()));
    events.publishEvent(new ResidentDied(id, diedOn, Instant.now()));
  }

  /** The day a death was registered for the person, if one was. */
  public Optional<LocalDate> diedOn(PersonId id) {
    return jdbc.sql("select died_on from person.person where id = ? and died_on is not null").param(id.value())
        .query(LocalDate.class).optional();
  }

  /**
   * The full ID number, for a staff member holding {@code person:unmask} whose jurisdiction covers the
   * resident, with a reason of 4–200 characters. Every call is written to the audit trail.
   */
  @Transactional
  @PreAuthorize("hasAuthority('person:unmask')")
  public String revealIdNumber(PersonId id, String reason) {
    if (reason == null || reason.strip().length() < 4 || reason.length() > 200) throw new ReasonRequired();
    var resident = view(id);
    byte[] cipher = jdbc.sql("select id_number_cipher from person.person where id = ?").param(id.value())
        .query(byte[].class).single();
    audit.record("person.id-number-revealed", "person", id.toString(), resident.residenceRegion(),
        Map.of("reason", reason.strip()));
    return crypto.decrypt("id_number", cipher);
  }

  /**
   * Unscoped exact lookup by ID number for the platform itself (linking a signed-in resident to their
   * record); staff searches go through {@link #search}.
   */
  public Optional<Resident> lookup(IdNumber idNumber) {
    return jdbc.sql("select " + COLUMNS + " from person.person where id_number_index = ?")
        .param(crypto.index(idNumber.value())).query(Residents::map).optional();
  }

  /** A generated (demo) resident and their ID number: generated data, never a real person's. */
  public record GeneratedIdentity(Resident resident, IdNumber idNumber) {}

  /**
   * Up to {@code n} generated residents living in {@code within}, with their ID numbers, for demo sign-ins; parents of
   * the youngest children first. Only rows marked generated are ever returned.
   */
  public java.util.List<GeneratedIdentity> generatedIdentities(RegionCode within, int n) {
    return jdbc.sql("select " + COLUMNS + ", id_number_cipher from person.person where generated"
            + " and residence_region like ? and birth_date < current_date - interval '25 years'"
            // Parents of young children first, so that the demo can apply for a child (托位, 入园).
            + " order by (select max(c.birth_date) from person.relative r join person.person c on c.id = r.relative_id"
            + " where r.person_id = person.id and r.relation = 'CHILD') desc nulls last, id limit ?")
        .params(within.prefix() + "%", n)
        .query((rs, i) -> new GeneratedIdentity(map(rs, i),
            new IdNumber(crypto.decrypt("id_number", rs.getBytes("id_number_cipher")))))
        .list();
  }

  /** Up to {@code n} generated adults (18–59) living in {@code within}, for generated demo data; never real people. */
  public java.util.List<Resident> generatedAdults(RegionCode within, int n) {
    return jdbc.sql("select " + COLUMNS + " from person.person where generated and residence_region like ?"
            + " and birth_date between current_date - interval '60 years' and current_date - interval '18 years'"
            + " order by id limit ?")
        .params(within.prefix() + "%", n).query(Residents::map).list();
  }

  public long count() {
    return jdbc.sql("select count(*) from person.person").query(Long.class).single();
  }

  /** Where each of {@code persons} has their household registered (户籍地), read for a whole list at once. */
  public java.util.Map<java.util.UUID, RegionCode> householdRegions(java.util.Collection<java.util.UUID> persons) {
    var result = new java.util.HashMap<java.util.UUID, RegionCode>();
    if (persons.isEmpty()) return result;
    jdbc.sql("select id, household_region from person.person where id = any(?)")
        .param(persons.toArray(java.util.UUID[]::new))
        .query((java.sql.ResultSet rs) -> {
          result.put(rs.getObject(1, java.util.UUID.class), new RegionCode(rs.getString(2)));
        });
    return result;
  }

  /** Unscoped read for the platform itself (a resident's own record, routing a case); never for staff lookups. */
  public Optional<Resident> find(PersonId id) {
    return jdbc.sql("select " + COLUMNS + " from person.person where id = ?").param(id.value())
        .query(Residents::map).optional();
  }

  void requireCovered(Resident r, Purpose purpose) {
    if (!jurisdiction.allows(r.residenceRegion(), null, purpose)
        && !jurisdiction.allows(r.householdRegion(), null, purpose)) {
      jurisdiction.require(r.residenceRegion(), null, purpose, "resident");
    }
  }

  private RegionCode village(@Nullable String code) {
    var region = regions.get(code == null ? "" : code);
    if (region.level() != RegionLevel.VILLAGE) throw new RegionNotVillage(region.code().value());
    return region.code();
  }

  static Resident map(ResultSet rs, int i) throws SQLException {
    return new Resident(new PersonId(rs.getObject(1, UUID.class)), rs.getString(2), rs.getString(3),
        rs.getObject(4, LocalDate.class), "M".equals(rs.getString(5)) ? IdNumber.Sex.MALE : IdNumber.Sex.FEMALE,
        rs.getString(6), new RegionCode(rs.getString(7)), new RegionCode(rs.getString(8)), rs.getBoolean(9),
        rs.getInt(10));
  }
}
