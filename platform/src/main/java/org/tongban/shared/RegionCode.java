package org.tongban.shared;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A 12-digit statistical division code (统计用区划代码): digits 1–2 province, 3–4 city, 5–6 county, 7–9
 * township, 10–12 village. The level is read from the trailing zeros; the significant prefix contains every
 * descendant, so "is X inside Y" is a prefix test.
 */
public record RegionCode(String value) implements Comparable<RegionCode>, Serializable {

  public RegionCode {
    if (value == null || value.length() != 12 || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidRegionCode(String.valueOf(value));
    }
    if (value.startsWith("00")) throw new InvalidRegionCode(value);
  }

  /** Accepts 2, 4, 6, 9 or 12 digits and pads with zeros to 12. */
  @JsonCreator
  public static RegionCode of(String code) {
    if (code == null) throw new InvalidRegionCode("null");
    String trimmed = code.strip();
    return switch (trimmed.length()) {
      case 2, 4, 6, 9, 12 -> new RegionCode((trimmed + "000000000000").substring(0, 12));
      default -> throw new InvalidRegionCode(trimmed);
    };
  }

  @JsonValue
  @Override
  public String value() {
    return value;
  }

  public RegionLevel level() {
    if (!value.endsWith("000")) return RegionLevel.VILLAGE;
    if (!value.endsWith("000000")) return RegionLevel.TOWNSHIP;
    if (!value.endsWith("00000000")) return RegionLevel.COUNTY;
    if (!value.endsWith("0000000000")) return RegionLevel.CITY;
    return RegionLevel.PROVINCE;
  }

  /** The digits that every descendant shares: "21" for Liaoning, "210102" for 和平区. */
  public String prefix() {
    return value.substring(0, level().digits());
  }

  /** True when this region is {@code other} or lies inside it. */
  public boolean isWithin(RegionCode other) {
    return value.startsWith(other.prefix());
  }

  /** The parent implied by the code (null for a province). */
  public RegionCode parentByCode() {
    return switch (level()) {
      case PROVINCE -> null;
      case CITY -> new RegionCode(value.substring(0, 2) + "0000000000");
      case COUNTY -> new RegionCode(value.substring(0, 4) + "00000000");
      case TOWNSHIP -> new RegionCode(value.substring(0, 6) + "000000");
      case VILLAGE -> new RegionCode(value.substring(0, 9) + "000");
    };
  }

  /** Ancestors from the province down to the parent, implied by the code. */
  public List<RegionCode> ancestorsByCode() {
    var result = new ArrayList<RegionCode>();
    for (RegionCode p = parentByCode(); p != null; p = p.parentByCode()) result.addFirst(p);
    return result;
  }

  /** This region's ancestor at {@code level} (itself at its own level); null when this region is above it. */
  public @org.jspecify.annotations.Nullable RegionCode atLevel(RegionLevel level) {
    if (level.number() > level().number()) return null;
    return RegionCode.of(value.substring(0, level.digits()));
  }

  /** The county (GB/T 2260) part, six digits. */
  public String countyCode() {
    return value.substring(0, 6);
  }

  @Override
  public int compareTo(RegionCode o) {
    return value.compareTo(o.value);
  }

  @Override
  public String toString() {
    return value;
  }

  /** A code that is not 2/4/6/9/12 digits. */
  public static final class InvalidRegionCode extends Refusal {
    public InvalidRegionCode(String code) {
      super("region.invalid-code", 400, code);
    }
  }
}
