package org.tongban.shared;

/**
 * The five administrative levels of a 12-digit statistical division code, with the number of leading digits
 * that identify a unit of that level (its significant prefix).
 */
public enum RegionLevel {
  PROVINCE(1, 2),
  CITY(2, 4),
  COUNTY(3, 6),
  TOWNSHIP(4, 9),
  VILLAGE(5, 12);

  private final int number;
  private final int digits;

  RegionLevel(int number, int digits) {
    this.number = number;
    this.digits = digits;
  }

  /** 1 = province … 5 = village, as in the NBS tables. */
  public int number() {
    return number;
  }

  /** Length of the significant prefix: 2, 4, 6, 9 or 12. */
  public int digits() {
    return digits;
  }

  public static RegionLevel ofNumber(int number) {
    for (var level : values()) {
      if (level.number == number) return level;
    }
    throw new IllegalArgumentException("No region level " + number);
  }
}
