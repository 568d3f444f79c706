package org.tongban.unit;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * 国民经济行业分类 (GB/T 4754-2017): a section A–T, optionally with a two-digit division inside it ("C", "C13"). The
 * divisions of each section are the standard's ranges; their names are not carried here yet (the section's name is).
 */
public record Industry(char section, @Nullable String division) {

  /** Each section's divisions, first and last (GB/T 4754-2017, 门类 and 大类). */
  private static final Map<Character, int[]> DIVISIONS = Map.ofEntries(
      Map.entry('A', new int[] {1, 5}), Map.entry('B', new int[] {6, 12}), Map.entry('C', new int[] {13, 43}),
      Map.entry('D', new int[] {44, 46}), Map.entry('E', new int[] {47, 50}), Map.entry('F', new int[] {51, 52}),
      Map.entry('G', new int[] {53, 60}), Map.entry('H', new int[] {61, 62}), Map.entry('I', new int[] {63, 65}),
      Map.entry('J', new int[] {66, 69}), Map.entry('K', new int[] {70, 70}), Map.entry('L', new int[] {71, 72}),
      Map.entry('M', new int[] {73, 75}), Map.entry('N', new int[] {76, 79}), Map.entry('O', new int[] {80, 82}),
      Map.entry('P', new int[] {83, 83}), Map.entry('Q', new int[] {84, 85}), Map.entry('R', new int[] {86, 90}),
      Map.entry('S', new int[] {91, 96}), Map.entry('T', new int[] {97, 97}));

  public Industry {
    int[] range = DIVISIONS.get(section);
    if (range == null) throw new UnitRefusals.InvalidIndustry(String.valueOf(section));
    if (division != null) {
      if (!division.matches("\\d{2}")) throw new UnitRefusals.InvalidIndustry(section + division);
      int d = Integer.parseInt(division);
      if (d < range[0] || d > range[1]) throw new UnitRefusals.InvalidIndustry(section + division);
    }
  }

  /** "C" or "C13". */
  public static Industry parse(@Nullable String code) {
    if (code == null || code.isBlank() || code.strip().length() > 3) throw new UnitRefusals.InvalidIndustry(String.valueOf(code));
    String c = code.strip().toUpperCase();
    return new Industry(c.charAt(0), c.length() == 1 ? null : c.substring(1));
  }

  public static java.util.List<Character> sections() {
    return DIVISIONS.keySet().stream().sorted().toList();
  }

  public String code() {
    return division == null ? String.valueOf(section) : section + division;
  }
}
