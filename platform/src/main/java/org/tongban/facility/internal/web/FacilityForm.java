package org.tongban.facility.internal.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.tongban.facility.Facility;
import org.tongban.facility.FacilityDraft;
import org.tongban.facility.FacilityStatus;
import org.tongban.facility.FeeRule;
import org.tongban.facility.spi.FacilityType;
import org.tongban.shared.FieldProblem;
import org.tongban.shared.Refusal;
import org.tongban.shared.RegionCode;

/** Reads the staff form into a draft and writes a facility back into form values (all as text). */
final class FacilityForm {

  private FacilityForm() {}

  /** Values the form could not even read as numbers or dates. */
  static final class Unreadable extends Refusal {
    Unreadable(List<FieldProblem> problems) {
      super("facility.invalid", 400, problems);
    }
  }

  static FacilityDraft draft(FacilityType type, Map<String, String> p) {
    var problems = new ArrayList<FieldProblem>();
    var attributes = new HashMap<String, String>();
    for (var a : type.attributes()) {
      String v = p.get("attr." + a.key());
      if (v != null && !v.isBlank()) attributes.put(a.key(), v.strip());
    }
    Double lon = number(p.get("lon"), "lon", problems);
    Double lat = number(p.get("lat"), "lat", problems);
    Double price = number(p.get("feeYuan"), "feeYuan", problems);
    LocalDate since = LocalDate.now();
    try {
      since = LocalDate.parse(p.getOrDefault("since", ""));
    } catch (DateTimeParseException e) {
      problems.add(FieldProblem.of("since", "date", p.getOrDefault("since", "")));
    }
    FeeRule fee = Arrays.stream(FeeRule.values()).filter(f -> f.name().equals(p.get("fee"))).findFirst()
        .orElse(FeeRule.FREE);
    FacilityStatus status = Arrays.stream(FacilityStatus.values()).filter(s -> s.name().equals(p.get("status")))
        .findFirst().orElse(FacilityStatus.OPEN);
    if (!problems.isEmpty()) throw new Unreadable(problems);
    String catchment = p.getOrDefault("catchment", "").strip();
    return new FacilityDraft(type.code(), p.getOrDefault("name", ""), p.getOrDefault("region", "").strip(), lon, lat,
        p.get("crs"), p.get("hours"), fee, price == null ? null : BigDecimal.valueOf(price), status, since, attributes,
        catchment.isEmpty() ? List.of() : List.of(catchment.split("[\\s;,；，]+")));
  }

  static Map<String, String> values(Facility f, FacilityType type) {
    var v = new LinkedHashMap<String, String>();
    v.put("name", f.name());
    v.put("region", f.region().value());
    if (f.location() != null) {
      v.put("lon", String.valueOf(f.location().lon()));
      v.put("lat", String.valueOf(f.location().lat()));
    }
    v.put("crs", "WGS84");
    v.put("hours", f.hours() == null ? "" : f.hours());
    v.put("fee", f.fee().name());
    v.put("feeYuan", f.feeCents() == 0 ? "" : BigDecimal.valueOf(f.feeCents(), 2).toPlainString());
    v.put("status", f.status().name());
    v.put("since", f.statusSince().toString());
    v.put("catchment", String.join(" ", f.catchment().stream().map(RegionCode::value).toList()));
    f.attributes().forEach((k, val) -> v.put("attr." + k, val instanceof Boolean b ? (b ? "是" : "否") : String.valueOf(val)));
    if (type.capacityKey() != null && f.capacity() != null) v.put("attr." + type.capacityKey(), String.valueOf(f.capacity()));
    if (type.occupiedKey() != null) v.put("attr." + type.occupiedKey(), String.valueOf(f.occupied()));
    return v;
  }

  private static @Nullable Double number(@Nullable String text, String field, List<FieldProblem> problems) {
    if (text == null || text.isBlank()) return null;
    try {
      return Double.parseDouble(text.strip());
    } catch (NumberFormatException e) {
      problems.add(FieldProblem.of(field, "number", text));
      return null;
    }
  }
}
