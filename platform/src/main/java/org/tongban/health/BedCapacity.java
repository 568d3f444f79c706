package org.tongban.health;

import java.time.LocalDate;
import java.time.YearMonth;
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
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.audit.AuditTrail;
import org.tongban.facility.Facility;
import org.tongban.facility.FacilityId;
import org.tongban.facility.FacilityQuery;
import org.tongban.facility.FacilityRegistry;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;

/**
 * 床位日报: each hospital reports its beds and free beds — general, isolation, ICU — once a day (a correction the same
 * day replaces the report, both audited); the health staff above see free capacity by area (the province by city),
 * from each hospital's latest report of today or yesterday, and which hospitals have not reported today.
 */
@Service
@Transactional(readOnly = true)
public class BedCapacity {

  public static final String HOSPITAL = "health.hospital";
  /** A report this many days old still counts in the view (yesterday's, before today's is in). */
  public static final int FRESH_DAYS = 1;

  public record NewReport(@Nullable LocalDate day, int generalTotal, int generalFree, int isolationTotal,
                          int isolationFree, int icuTotal, int icuFree) {}

  public record Report(UUID facility, String hospital, String region, LocalDate day, int generalTotal, int generalFree,
                       int isolationTotal, int isolationFree, int icuTotal, int icuFree, boolean generated) {}

  /** An area's hospitals (open, on record), how many reported, and the free beds of those that did. */
  public record Area(RegionCode region, String name, long hospitals, long reporting, long generalTotal,
                     long generalFree, long isolationTotal, long isolationFree, long icuTotal, long icuFree) {
    public @Nullable Double occupancy() {
      return generalTotal == 0 ? null : (generalTotal - generalFree) * 100.0 / generalTotal;
    }
  }

  private final JdbcClient jdbc;
  private final FacilityRegistry facilities;
  private final IndicatorManagement indicators;
  private final RegionDirectory regions;
  private final Jurisdiction jurisdiction;
  private final Callers callers;
  private final AuditTrail audit;

  BedCapacity(JdbcClient jdbc, FacilityRegistry facilities, IndicatorManagement indicators, RegionDirectory regions,
              Jurisdiction jurisdiction, Callers callers, AuditTrail audit) {
    this.jdbc = jdbc;
    this.facilities = facilities;
    this.indicators = indicators;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    this.callers = callers;
    this.audit = audit;
  }

  @Transactional
  public Report report(FacilityId id, NewReport r) {
    var hospital = hospital(id);
    jurisdiction.require(hospital.region(), PublicHealth.DEPARTMENT, Purpose.CAPTURE, "facility");
    var today = PublicHealth.today();
    if (r.day() == null || r.day().isAfter(today) || r.day().isBefore(today.minusDays(2))) {
      throw new HealthRefusals.Invalid("day");
    }
    check("general", r.generalTotal(), r.generalFree());
    check("isolation", r.isolationTotal(), r.isolationFree());
    check("icu", r.icuTotal(), r.icuFree());
    boolean replaced = jdbc.sql("""
            insert into health.bed_report (facility, day, region_code, hospital, general_total, general_free,
              isolation_total, isolation_free, icu_total, icu_free, reported_by, generated)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (facility, day) do update set general_total = excluded.general_total,
              general_free = excluded.general_free, isolation_total = excluded.isolation_total,
              isolation_free = excluded.isolation_free, icu_total = excluded.icu_total, icu_free = excluded.icu_free,
              reported_by = excluded.reported_by, reported_at = now()
            returning xmax <> 0""")
        .params(id.value(), r.day(), hospital.region().value(), hospital.name(), r.generalTotal(), r.generalFree(),
            r.isolationTotal(), r.isolationFree(), r.icuTotal(), r.icuFree(), callers.current().name(),
            hospital.generated())
        .query(Boolean.class).single();
    audit.record(replaced ? "health.beds-corrected" : "health.beds-reported", "facility", id.toString(),
        hospital.region(), Map.of("day", r.day().toString(), "generalFree", String.valueOf(r.generalFree()),
            "isolationFree", String.valueOf(r.isolationFree()), "icuFree", String.valueOf(r.icuFree())));
    return reports(id, 1).getFirst();
  }

  /** A hospital's latest reports, newest first. */
  public List<Report> reports(FacilityId id, int limit) {
    var hospital = hospital(id);
    jurisdiction.require(hospital.region(), PublicHealth.DEPARTMENT, Purpose.VIEW, "facility");
    return jdbc.sql(SELECT + " where facility = ? order by day desc limit ?")
        .params(id.value(), Math.max(1, Math.min(limit, 366))).query(BedCapacity::map).list();
  }

  /** The region first, then the areas one level below it, from each hospital's latest fresh report. */
  public List<Area> areas(RegionCode region) {
    jurisdiction.require(region, PublicHealth.DEPARTMENT, Purpose.VIEW, "region");
    var today = PublicHealth.today();
    var latest = jdbc.sql("select distinct on (facility) " + COLUMNS + " from health.bed_report where day >= ?"
            + " and region_code like ? order by facility, day desc")
        .params(today.minusDays(FRESH_DAYS), region.prefix() + "%").query(BedCapacity::map).list();
    var month = YearMonth.from(today);
    var areas = new ArrayList<Area>();
    areas.add(area(region, regions.fullName(region), indicators.value("facility.open:" + HOSPITAL, region, month),
        latest));
    if (region.level() != RegionLevel.VILLAGE && region.level() != RegionLevel.TOWNSHIP) {
      var hospitals = indicators.valuesBelow("facility.open:" + HOSPITAL, region, month);
      for (var child : regions.children(region, 0, 200).items()) {
        var mine = latest.stream().filter(r -> RegionCode.of(r.region()).isWithin(child.code())).toList();
        areas.add(area(child.code(), child.name(), hospitals.getOrDefault(child.code(), 0L), mine));
      }
    }
    return areas;
  }

  /** Open hospitals in {@code region} with no report today, for the staff to chase. */
  public List<Facility> notReportedToday(RegionCode region) {
    jurisdiction.require(region, PublicHealth.DEPARTMENT, Purpose.VIEW, "region");
    var open = facilities.manage(new FacilityQuery(HOSPITAL, region, null, false, null, 0, null), 0, 200).items();
    if (open.isEmpty()) return List.of();
    Set<UUID> reported = jdbc.sql("select facility from health.bed_report where day = ? and facility = any(?)")
        .params(PublicHealth.today(), open.stream().map(f -> f.id().value()).toArray(UUID[]::new))
        .query(UUID.class).set();
    return open.stream().filter(f -> !reported.contains(f.id().value())).toList();
  }

  /** The hospitals of {@code region} the caller reports for (a form's choice). */
  public List<Facility> hospitals(RegionCode region) {
    jurisdiction.require(region, PublicHealth.DEPARTMENT, Purpose.VIEW, "region");
    return facilities.manage(new FacilityQuery(HOSPITAL, region, null, false, null, 0, null), 0, 200).items();
  }

  private Area area(RegionCode code, String name, long hospitals, List<Report> reports) {
    return new Area(code, name, hospitals, reports.size(), sum(reports, Report::generalTotal),
        sum(reports, Report::generalFree), sum(reports, Report::isolationTotal), sum(reports, Report::isolationFree),
        sum(reports, Report::icuTotal), sum(reports, Report::icuFree));
  }

  private static long sum(List<Report> reports, java.util.function.ToIntFunction<Report> field) {
    return reports.stream().mapToLong(field::applyAsInt).sum();
  }

  private Facility hospital(FacilityId id) {
    Facility f;
    try {
      f = facilities.view(id);
    } catch (FacilityRegistry.FacilityNotFound e) {
      throw new HealthRefusals.NotFound("hospital " + id.value());
    }
    if (!f.type().equals(HOSPITAL)) throw new HealthRefusals.NotFound("hospital " + id.value());
    return f;
  }

  private static void check(String kind, int total, int free) {
    if (total < 0 || total > 100_000) throw new HealthRefusals.Invalid(kind + "Total");
    if (free < 0 || free > total) throw new HealthRefusals.Invalid(kind + "Free");
  }

  private static final String COLUMNS = "facility, hospital, region_code, day, general_total, general_free,"
      + " isolation_total, isolation_free, icu_total, icu_free, generated";
  private static final String SELECT = "select " + COLUMNS + " from health.bed_report";

  private static Report map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
    return new Report(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
        rs.getInt(5), rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10), rs.getBoolean(11));
  }
}
