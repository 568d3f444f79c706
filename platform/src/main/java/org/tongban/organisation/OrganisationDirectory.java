package org.tongban.organisation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.ResultPage;

/**
 * The organisation module's front door. Methods that staff reach through pages and the API go through the
 * jurisdiction; {@link #find(OfficeId)} is for the platform itself (showing a signed-in user's office).
 */
@Service
@Transactional(readOnly = true)
public class OrganisationDirectory {

  private static final String COLUMNS = "id, department, region_code, kind, name, address, phone, generated, version";

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;
  private final RegionDirectory regions;
  private final AuditTrail audit;

  OrganisationDirectory(JdbcClient jdbc, Jurisdiction jurisdiction, RegionDirectory regions, AuditTrail audit) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
    this.regions = regions;
    this.audit = audit;
  }

  public List<Department> departments() {
    return jdbc.sql("select code, name_zh, name_en from organisation.department order by sort")
        .query((rs, i) -> new Department(rs.getString(1), rs.getString(2), rs.getString(3))).list();
  }

  public Department department(String code) {
    return departments().stream().filter(d -> d.code().equals(code)).findFirst()
        .orElseThrow(() -> new UnknownDepartment(code));
  }

  /** Unscoped read for the platform's own use. */
  public Optional<Office> find(OfficeId id) {
    return jdbc.sql("select " + COLUMNS + " from organisation.office where id = ?").param(id.value())
        .query(OrganisationDirectory::map).optional();
  }

  /**
   * The office of {@code department} that takes the cases of the unit {@code at} (a county bureau, a township
   * centre …), for routing; unscoped. It is recorded ({@code handles_cases}: the first office opened there), never
   * inferred from names, so opening another office does not divert cases.
   */
  public Optional<Office> officeAt(String department, RegionCode at) {
    return jdbc.sql("select " + COLUMNS + " from organisation.office where department = ? and region_code = ?"
            + " and handles_cases")
        .params(department, at.value()).query(OrganisationDirectory::map).optional();
  }

  /**
   * Offices of a department inside a region, by region and name (at most 200): where a case can be forwarded.
   * Unscoped: which offices exist, and where, is public.
   */
  public List<Office> officesOf(String department, RegionCode within) {
    return jdbc.sql("select " + COLUMNS + " from organisation.office where department = ? and region_code like ?"
            + " order by region_code, name limit 200")
        .params(department, within.prefix() + "%").query(OrganisationDirectory::map).list();
  }

  /** One office, if the caller may view it; otherwise "not found". */
  public Office view(OfficeId id) {
    var office = find(id).orElseThrow(() -> new OfficeNotFound(id.toString()));
    jurisdiction.require(office.region(), office.department(), Purpose.VIEW, "office");
    return office;
  }

  /** Offices inside {@code within} (optional), of a department (optional), whose name contains {@code text}. */
  public ResultPage<Office> search(@Nullable RegionCode within, @Nullable String department, @Nullable String text,
                                   int page, int size) {
    var filter = jurisdiction.filter(Purpose.SEARCH, department);
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    if (filter.isEmpty()) return new ResultPage<>(List.of(), p, s, 0);
    var where = new StringBuilder(" where region_code like any(?)");
    var args = new ArrayList<Object>();
    args.add(filter.patterns());
    if (within != null) {
      where.append(" and region_code like ?");
      args.add(within.prefix() + "%");
    }
    if (department != null) {
      where.append(" and department = ?");
      args.add(department);
    }
    if (text != null && !text.isBlank()) {
      where.append(" and strpos(name, ?) > 0");
      args.add(text.strip());
    }
    long total = jdbc.sql("select count(*) from organisation.office" + where).params(args).query(Long.class).single();
    args.add(p * s);
    args.add(s);
    var items = jdbc.sql("select " + COLUMNS + " from organisation.office" + where
        + " order by region_code, department, name offset ? limit ?").params(args)
        .query(OrganisationDirectory::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /**
   * Opens an office (administrators, at the web layer); the caller must also be allowed to capture for that
   * department and region. It takes the cases there only when no office of its department does yet.
   */
  @Transactional
  public Office open(OfficeDraft draft) {
    department(draft.department());
    var region = regions.get(draft.region()).code();
    jurisdiction.require(region, draft.department(), Purpose.CAPTURE, "office");
    var office = new Office(OfficeId.random(), draft.department(), region, draft.kind(), draft.name().strip(),
        blankToNull(draft.address()), blankToNull(draft.phone()), false, 0);
    insert(office);
    audit.record("office.opened", "office", office.id().toString(), region, Map.of("name", office.name()));
    return office;
  }

  /** Changes name, address and phone; {@code version} must match (optimistic locking). */
  @Transactional
  public Office update(OfficeId id, int version, String name, @Nullable String address, @Nullable String phone) {
    var office = view(id);
    jurisdiction.require(office.region(), office.department(), Purpose.CAPTURE, "office");
    if (name.isBlank() || name.length() > 100) throw new InvalidOffice("name");
    int updated = jdbc.sql("update organisation.office set name = ?, address = ?, phone = ?, version = version + 1,"
            + " updated_at = now() where id = ? and version = ?")
        .params(name.strip(), blankToNull(address), blankToNull(phone), id.value(), version).update();
    if (updated == 0) throw new StaleOffice(id.toString());
    audit.record("office.changed", "office", id.toString(), office.region(), Map.of("name", name.strip()));
    return find(id).orElseThrow();
  }

  /**
   * Inserts an office without jurisdiction checks (start-up demo data, administrators' seeding); it takes the cases
   * of its department and region when no other office does.
   */
  @Transactional
  public void insert(Office office) {
    try {
      jdbc.sql("insert into organisation.office (id, department, region_code, kind, name, address, phone, generated,"
              + " handles_cases) values (?, ?, ?, ?, ?, ?, ?, ?, not exists (select 1 from organisation.office"
              + " where department = ? and region_code = ? and handles_cases))")
          .params(office.id().value(), office.department(), office.region().value(), office.kind().name(),
              office.name(), office.address(), office.phone(), office.generated(), office.department(),
              office.region().value())
          .update();
    } catch (DuplicateKeyException e) {
      throw new DuplicateOffice(office.name());
    }
  }

  public long count() {
    return jdbc.sql("select count(*) from organisation.office").query(Long.class).single();
  }

  private static @Nullable String blankToNull(@Nullable String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  static Office map(ResultSet rs, int i) throws SQLException {
    return new Office(new OfficeId(rs.getObject(1, UUID.class)), rs.getString(2), new RegionCode(rs.getString(3)),
        OfficeKind.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8),
        rs.getInt(9));
  }

  public static final class UnknownDepartment extends Refusal {
    UnknownDepartment(String code) {
      super("organisation.unknown-department", 400, code);
    }
  }

  public static final class DuplicateOffice extends Refusal {
    DuplicateOffice(String name) {
      super("organisation.duplicate-office", 409, name);
    }
  }

  public static final class InvalidOffice extends Refusal {
    InvalidOffice(String field) {
      super("organisation.invalid-office", 400, field);
    }
  }

  public static final class StaleOffice extends Refusal {
    StaleOffice(String id) {
      super("organisation.stale-office", 409, id);
    }
  }
}
