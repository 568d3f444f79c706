package org.tongban.region;

import org.tongban.shared.RegionCode;

/**
 * What kind of unit a code names, read from the code ranges of the NBS rules: township digits 7–9
 * (001–099 街道, 100–199 镇, 200–399 乡, 400–599 类似乡级单位) and village digits 10–12 (001–199 居委会,
 * 200–399 村委会, 400–599 类似村级单位).
 */
public enum RegionKind {
  PROVINCE("省级", "Province"),
  CITY("地级", "Prefecture"),
  COUNTY("县级", "County / district"),
  STREET("街道", "Street"),
  TOWN("镇", "Town"),
  TOWNSHIP("乡", "Township"),
  TOWNSHIP_LIKE("类似乡级单位", "Township-level unit"),
  RESIDENTS_COMMITTEE("居委会", "Residents' committee"),
  VILLAGERS_COMMITTEE("村委会", "Villagers' committee"),
  VILLAGE_LIKE("类似村级单位", "Village-level unit");

  private final String zh;
  private final String en;

  RegionKind(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  public String zh() {
    return zh;
  }

  public String en() {
    return en;
  }

  public static RegionKind of(RegionCode code) {
    return switch (code.level()) {
      case PROVINCE -> PROVINCE;
      case CITY -> CITY;
      case COUNTY -> COUNTY;
      case TOWNSHIP -> {
        int n = Integer.parseInt(code.value().substring(6, 9));
        if (n < 100) yield STREET;
        if (n < 200) yield TOWN;
        if (n < 400) yield TOWNSHIP;
        yield TOWNSHIP_LIKE;
      }
      case VILLAGE -> {
        int n = Integer.parseInt(code.value().substring(9, 12));
        if (n < 200) yield RESIDENTS_COMMITTEE;
        if (n < 400) yield VILLAGERS_COMMITTEE;
        yield VILLAGE_LIKE;
      }
    };
  }
}
