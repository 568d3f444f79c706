package org.tongban.planning;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;
import org.tongban.access.Callers;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.indicator.IndicatorSpec;
import org.tongban.region.RegionDirectory;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The planner's front door: the plans' targets (classpath {@code planning/targets.json}) and their status in a
 * region and year, computed live from the platform's facts. A target set for a province or city is shown for every
 * region inside it as the reference to measure against (allocation to lower levels comes later). Staff see the
 * regions of their view scope only.
 */
@Service
public class PlanMonitor {

  private final List<Target> targets;
  private final IndicatorManagement indicators;
  private final RegionDirectory regions;
  private final Callers callers;
  private final Jurisdiction jurisdiction;
  private final org.springframework.jdbc.core.simple.JdbcClient jdbc;
  private final org.tongban.audit.AuditTrail audit;
  private final org.tongban.facility.GeneratedFacilities generated;

  PlanMonitor(Callers callers, org.tongban.facility.GeneratedFacilities generated, IndicatorManagement indicators, RegionDirectory regions, Jurisdiction jurisdiction, JsonMapper json,
              org.springframework.jdbc.core.simple.JdbcClient jdbc, org.tongban.audit.AuditTrail audit) {
    this.callers = callers;
    this.jdbc = jdbc;
    this.audit = audit;
    this.generated = generated;
    this.indicators = indicators;
    this.regions = regions;
    this.jurisdiction = jurisdiction;
    try (var in = new ClassPathResource("planning/targets.json").getInputStream()) {
      this.targets = read(json.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Target> read(JsonNode root) {
    var list = new ArrayList<Target>();
    var plans = root.path("plans");
    for (JsonNode t : root.path("targets")) {
      var plan = plans.path(t.path("source").asString());
      var i = t.path("indicator");
      var numerator = new ArrayList<String>();
      i.path("numerator").forEach(n -> numerator.add(n.asString()));
      var denominator = new ArrayList<String>();
      i.path("denominator").forEach(n -> denominator.add(n.asString()));
      var spec = new IndicatorSpec(t.path("code").asString(), t.path("nameZh").asString(), t.path("nameEn").asString(),
          IndicatorSpec.Kind.valueOf(i.path("kind").asString()), numerator, denominator, i.path("factor").asDouble(1),
          i.path("level").isNull() || i.path("level").isMissingNode() ? null : RegionLevel.valueOf(i.path("level").asString()),
          IndicatorSpec.Units.valueOf(i.path("units").asString("ALL")), i.path("unit").asString(""),
          root.path("unitsEn").path(i.path("unit").asString("")).asString(i.path("unit").asString("")));
      list.add(new Target(t.path("code").asString(), RegionCode.of(t.path("region").asString()),
          t.path("department").asString(), t.path("year").asInt(),
          t.path("nameZh").asString(), t.path("nameEn").asString(), spec,
          Target.Comparison.valueOf(t.path("comparison").asString()),
          t.path("value").isNumber() ? t.path("value").asDouble() : null,
          t.path("stretch").isNumber() ? t.path("stretch").asDouble() : null, t.path("sentence").asString(),
          t.path("source").asString(), new Target.PlanTitle(plan.path("zh").asString(t.path("source").asString()),
              plan.path("en").asString(t.path("source").asString())),
          t.path("note").isString() ? t.path("note").asString() : null));
    }
    return List.copyOf(list);
  }

  /** Every target of both plans, in the plans' order. */
  public List<Target> targets() {
    return targets;
  }

  public Target target(String code) {
    return targets.stream().filter(t -> t.code().equals(code)).findFirst().orElseThrow(() -> new UnknownTarget(code));
  }

  /** The status of every target that applies to {@code region} (set for it or for a region containing it). */
  public List<TargetStatus> status(RegionCode region, int year) {
    jurisdiction.require(region, null, Purpose.VIEW, "region");
    regions.get(region);
    return targets.stream().filter(t -> region.isWithin(t.region())).map(t -> status(t, region, year)).toList();
  }

  /** First year the platform's facts are read for a trend (the census year). */
  public static final int FIRST_YEAR = 2020;

  /** A target's values in a region for every year from {@link #FIRST_YEAR} to {@code to}. */
  public List<TargetStatus> trend(String code, RegionCode region, int to) {
    jurisdiction.require(region, null, Purpose.VIEW, "region");
    var target = target(code);
    var list = new ArrayList<TargetStatus>();
    for (int y = FIRST_YEAR; y <= to; y++) list.add(status(target, region, y));
    return list;
  }

  /**
   * The value the trend reaches in {@code year}: a straight line fitted by least squares through the yearly values
   * there are (at least two), extended to that year. Null when there are fewer than two values.
   */
  public static @org.jspecify.annotations.Nullable Double projection(List<TargetStatus> trend, int year) {
    var points = trend.stream().filter(s -> s.value().value() != null).toList();
    if (points.size() < 2) return null;
    double n = points.size();
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    for (var p : points) {
      double x = p.value().year();
      double y = p.value().value();
      sx += x;
      sy += y;
      sxx += x * x;
      sxy += x * y;
    }
    double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
    double intercept = (sy - slope * sx) / n;
    return slope * year + intercept;
  }

  /** Counts below this are not published: a handful of places or people can point at someone. */
  public static final long SUPPRESS_BELOW = 5;

  /**
   * Published aggregates for anyone (open data): the numeric targets of a region and year with their values, but a
   * value whose numerator or denominator is a count below {@link #SUPPRESS_BELOW} is withheld (value and counts
   * null, {@code suppressed} true). No personal data is involved: facts are sums over facilities and registers.
   */
  public List<OpenValue> published(RegionCode region, int year) {
    return published(region, org.tongban.indicator.Period.year(year));
  }

  /** The same for a year, quarter or month ({@link org.tongban.indicator.Period}). */
  public List<OpenValue> published(RegionCode region, org.tongban.indicator.Period period) {
    regions.get(region);
    // Demo and benchmark facilities are generated: whatever is computed from them says so.
    boolean generated = this.generated.any();
    var list = new ArrayList<OpenValue>();
    for (Target t : targets) {
      if (!region.isWithin(t.region()) || t.indicator().kind() == IndicatorSpec.Kind.DATA_ENTRY
          || t.indicator().kind() == IndicatorSpec.Kind.NOT_NUMERIC) {
        continue;
      }
      var v = indicators.evaluate(t.indicator(), region, period);
      boolean suppressed = v.value() != null && (small(v.numerator()) || (v.denominator() != null && small(v.denominator())));
      list.add(new OpenValue(t.code(), t.nameZh(), t.nameEn(), region.value(), period.label(), generated,
          suppressed ? null : v.value(),
          suppressed ? null : v.numerator(), suppressed ? null : v.denominator(), t.indicator().unit(), suppressed,
          t.comparison().sign(), t.value()));
    }
    return list;
  }

  private static boolean small(long count) {
    return count > 0 && count < SUPPRESS_BELOW;
  }

  /** One published value; see {@link #published}. */
  public record OpenValue(String target, String nameZh, String nameEn, String region, String period,
                          boolean includesGeneratedData,
                          @org.jspecify.annotations.Nullable Double value, @org.jspecify.annotations.Nullable Long numerator,
                          @org.jspecify.annotations.Nullable Long denominator, String unit, boolean suppressed,
                          String comparison, @org.jspecify.annotations.Nullable Double targetValue) {}

  /** One target in the regions one level below {@code region}, for drill-down. */
  public List<TargetStatus> below(String code, RegionCode region, int year) {
    jurisdiction.require(region, null, Purpose.VIEW, "region");
    var target = target(code);
    if (!region.isWithin(target.region())) throw new UnknownTarget(code);
    if (region.level() == RegionLevel.VILLAGE) return List.of();
    var children = new ArrayList<TargetStatus>();
    for (int page = 0; ; page++) {
      var result = regions.children(region, page, 200);
      result.items().forEach(r -> children.add(status(target, r.code(), year)));
      if (!result.hasNext()) return children;
    }
  }

  /**
   * Allocates a province or city target to a region below it (that region and the ones inside it are then
   * measured against {@code value}); the caller (a planner, PLANNER role at the web layer) must be allowed to capture
   * in that region for the target's department. Audited.
   */
  @org.springframework.transaction.annotation.Transactional
  public void allocate(String code, RegionCode region, double value) {
    var t = target(code);
    if (!region.isWithin(t.region()) || region.equals(t.region()) || t.value() == null || !Double.isFinite(value)
        || value < 0 || value > 1e9) {
      throw new InvalidAllocation(code);
    }
    regions.get(region);
    jurisdiction.require(region, t.department(), Purpose.CAPTURE, "region");
    String by = callers.current().name();
    jdbc.sql("insert into planning.allocation (target, region, value, allocated_by) values (?, ?, ?, ?)"
            + " on conflict (target, region) do update set value = excluded.value, allocated_by = excluded.allocated_by,"
            + " allocated_at = now()")
        .params(code, region.value(), value, by).update();
    audit.record("planning.allocated", "target", code, region, java.util.Map.of("value", String.valueOf(value)));
  }

  /** The allocation that applies to a region: its own, or the nearest region above it inside the target's region. */
  private @org.jspecify.annotations.Nullable Double allocation(Target t, RegionCode region) {
    var codes = new ArrayList<String>();
    for (var level : RegionLevel.values()) {
      var at = region.atLevel(level);
      if (at != null && at.isWithin(t.region()) && !at.equals(t.region()) && level.number() <= region.level().number()) {
        codes.add(at.value());
      }
    }
    if (codes.isEmpty()) return null;
    return jdbc.sql("select value from planning.allocation where target = ? and region = any(?) order by length(rtrim(region, '0')) desc"
            + " limit 1").params(t.code(), codes.toArray(String[]::new)).query(Double.class).optional().orElse(null);
  }

  private TargetStatus status(Target t, RegionCode region, int year) {
    var value = indicators.evaluate(t.indicator(), region, year);
    Double allocated = allocation(t, region);
    Double goal = allocated != null ? allocated : t.value();
    TargetStatus.Status status;
    if (t.indicator().kind() == IndicatorSpec.Kind.NOT_NUMERIC || goal == null) status = TargetStatus.Status.NOT_NUMERIC;
    else if (value.value() == null) {
      status = t.indicator().kind() == IndicatorSpec.Kind.DATA_ENTRY ? TargetStatus.Status.DATA_ENTRY : TargetStatus.Status.NO_DATA;
    } else {
      status = t.comparison().met(value.value(), goal) ? TargetStatus.Status.MET : TargetStatus.Status.NOT_MET;
    }
    return new TargetStatus(t, value, goal, allocated != null, status);
  }

  public static final class InvalidAllocation extends Refusal {
    public InvalidAllocation(String code) {
      super("planning.invalid-allocation", 400, code);
    }
  }

  public static final class UnknownTarget extends Refusal {
    public UnknownTarget(String code) {
      super("planning.unknown-target", 404, code);
    }
  }
}
