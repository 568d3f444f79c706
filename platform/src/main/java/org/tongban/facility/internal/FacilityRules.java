package org.tongban.facility.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FeeRule;
import org.tongban.facility.WeeklyHours;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityType.Attribute;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.GeoPoint;
import org.tongban.shared.RegionCode;

/**
 * Checks a draft against its type and reports every problem at once; the same rules serve the form, the API
 * and each import row.
 */
public final class FacilityRules {

  /** What a valid draft becomes. */
  public record Checked(List<FieldProblem> problems, @Nullable FacilityType type, @Nullable RegionCode region,
                        @Nullable GeoPoint location, @Nullable String hours, int feeCents,
                        Map<String, Object> attributes, @Nullable Integer capacity, int occupied,
                        List<RegionCode> catchment) {

    public boolean valid() {
      return problems.isEmpty();
    }
  }

  private FacilityRules() {}

  public static Checked check(FacilityDraft d, FacilityTypes types, Predicate<RegionCode> regionExists) {
    var problems = new ArrayList<FieldProblem>();
    var type = types.find(d.type()).orElse(null);
    if (type == null) problems.add(FieldProblem.of("type", "facility-type", d.type()));
    if (d.name().isBlank() || d.name().strip().length() > 100) problems.add(FieldProblem.of("name", "required-text", 100));
    RegionCode region = null;
    if (!d.region().matches("[1-9]\\d{11}")) {
      problems.add(FieldProblem.of("region", "facility-region"));
    } else {
      region = RegionCode.of(d.region());
      if (region.level().number() < 4) {
        problems.add(FieldProblem.of("region", "facility-region"));
      } else if (!regionExists.test(region)) {
        problems.add(FieldProblem.of("region", "unknown-region", d.region()));
      }
    }
    GeoPoint location = null;
    if ((d.lon() == null) != (d.lat() == null)) {
      problems.add(FieldProblem.of("lon", "coordinates"));
    } else if (d.lon() != null) {
      String crs = d.crs() == null || d.crs().isBlank() ? "WGS84" : d.crs().strip().toUpperCase().replace("-", "");
      if (d.lon() < 73 || d.lon() > 136 || d.lat() < 3 || d.lat() > 54) {
        problems.add(FieldProblem.of("lon", "coordinates"));
      } else if (crs.equals("GCJ02")) {
        location = GeoPoint.fromGcj02(d.lon(), d.lat());
      } else if (crs.equals("WGS84")) {
        location = new GeoPoint(d.lon(), d.lat());
      } else {
        problems.add(FieldProblem.of("crs", "crs", d.crs()));
      }
    }
    String hours = null;
    if (d.hours() != null && !d.hours().isBlank()) {
      var parsed = WeeklyHours.parse(d.hours());
      if (parsed.isEmpty()) problems.add(FieldProblem.of("hours", "opening-hours", d.hours()));
      else hours = parsed.get().toString();
    }
    int feeCents = 0;
    if (d.fee() == FeeRule.FREE) {
      if (d.feeYuan() != null && d.feeYuan().signum() != 0) problems.add(FieldProblem.of("feeYuan", "free-with-price"));
    } else if (d.feeYuan() == null || d.feeYuan().signum() <= 0 || d.feeYuan().compareTo(BigDecimal.valueOf(100_000)) > 0
        || d.feeYuan().scale() > 2) {
      problems.add(FieldProblem.of("feeYuan", "price"));
    } else {
      feeCents = d.feeYuan().movePointRight(2).intValueExact();
    }
    if (d.since().isAfter(LocalDate.now().plusYears(10)) || d.since().isBefore(LocalDate.of(1900, 1, 1))) {
      problems.add(FieldProblem.of("since", "date-range"));
    }
    var attributes = new LinkedHashMap<String, Object>();
    Integer capacity = null;
    int occupied = 0;
    if (type != null) {
      for (String key : d.attributes().keySet()) {
        if (type.attributes().stream().noneMatch(a -> a.key().equals(key))) {
          problems.add(FieldProblem.of(key, "unknown-attribute", key, type.nameZh()));
        }
      }
      for (Attribute a : type.attributes()) {
        String raw = d.attributes().get(a.key());
        if (raw == null || raw.isBlank()) {
          if (a.required()) problems.add(FieldProblem.of(a.key(), "required", a.nameZh()));
          continue;
        }
        Object value = value(a, raw.strip());
        if (value == null) {
          problems.add(FieldProblem.of(a.key(), "attribute-value", a.nameZh(), raw.strip()));
        } else {
          attributes.put(a.key(), value);
        }
      }
      if (type.capacityKey() != null && attributes.get(type.capacityKey()) instanceof Integer c) capacity = c;
      if (type.occupiedKey() != null && attributes.get(type.occupiedKey()) instanceof Integer o) {
        occupied = o;
        if (capacity != null && o > capacity) {
          problems.add(FieldProblem.of(type.occupiedKey(), "occupied-over-capacity", o, capacity));
        }
      }
      // Capacity and occupancy live in their own columns; the attributes keep the rest.
      attributes.remove(type.capacityKey());
      attributes.remove(type.occupiedKey());
    }
    var catchment = new ArrayList<RegionCode>();
    for (String c : d.catchment()) {
      if (!c.matches("[1-9]\\d{11}") || !regionExists.test(RegionCode.of(c))) {
        problems.add(FieldProblem.of("catchment", "unknown-region", c));
      } else {
        catchment.add(RegionCode.of(c));
      }
    }
    if (catchment.size() > 200) problems.add(FieldProblem.of("catchment", "too-many", 200));
    return new Checked(List.copyOf(problems), type, region, location, hours, feeCents, attributes, capacity, occupied,
        List.copyOf(catchment));
  }

  private static @Nullable Object value(Attribute a, String raw) {
    try {
      return switch (a.kind()) {
        case COUNT -> {
          int v = Integer.parseInt(raw.endsWith(".0") ? raw.substring(0, raw.length() - 2) : raw);
          yield within(a, v) ? v : null;
        }
        case NUMBER -> {
          double v = Double.parseDouble(raw);
          yield within(a, v) ? v : null;
        }
        case YES_NO -> switch (raw) {
          case "是", "true", "TRUE", "yes", "1" -> Boolean.TRUE;
          case "否", "false", "FALSE", "no", "0" -> Boolean.FALSE;
          default -> null;
        };
        case CHOICE -> a.options().contains(raw) ? raw : null;
        case TEXT -> raw.length() <= 200 ? raw : null;
      };
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static boolean within(Attribute a, double v) {
    return Double.isFinite(v) && (a.min() == null || v >= a.min()) && (a.max() == null || v <= a.max());
  }
}
