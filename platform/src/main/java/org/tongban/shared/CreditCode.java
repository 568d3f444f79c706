package org.tongban.shared;

/**
 * 统一社会信用代码 (GB 32100-2015): registration authority (1), organisation type (1), the registering authority's
 * administrative division (6), the organisation code (9, GB 11714, its own check digit last) and a check character,
 * over the alphabet 0–9 and A–Z without I, O, S, V and Z. Whether the division exists is the region directory's to say
 * (a value type knows no data); {@link #regionCode()} gives it.
 */
public record CreditCode(String value) {

  static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  private static final int[] ORGANISATION_WEIGHTS = {3, 7, 9, 10, 5, 8, 4, 2};
  /** 登记管理部门码 and the 机构类别码 each allows (GB 32100-2015 table 1). */
  private static final java.util.Map<Character, String> TYPES = java.util.Map.of(
      '1', "1239", // 机构编制: 机关, 事业单位, 中央编办直接管理机构编制的群众团体, 其他
      '2', "19", // 外交
      '3', "1239", // 司法行政
      '4', "19", // 文化
      '5', "1239", // 民政: 社会团体, 民办非企业单位, 基金会, 其他
      '6', "129", // 旅游
      '7', "129", // 宗教
      '8', "19", // 工会
      '9', "123", // 工商: 企业, 个体工商户, 农民专业合作社
      'Y', "1"); // 其他

  public CreditCode {
    if (value == null) throw new InvalidCreditCode("format");
    value = value.strip().toUpperCase();
    if (value.length() != 18) throw new InvalidCreditCode("length");
    for (int i = 0; i < 18; i++) {
      if (ALPHABET.indexOf(value.charAt(i)) < 0) throw new InvalidCreditCode("character");
    }
    String types = TYPES.get(value.charAt(0));
    if (types == null) throw new InvalidCreditCode("authority");
    if (types.indexOf(value.charAt(1)) < 0) throw new InvalidCreditCode("type");
    if (!value.substring(2, 8).chars().allMatch(Character::isDigit) || value.startsWith("00", 2)) {
      throw new InvalidCreditCode("region");
    }
    if (value.charAt(16) != organisationCheck(value.substring(8, 16))) throw new InvalidCreditCode("organisation-check");
    if (value.charAt(17) != checkCharacter(value.substring(0, 17))) throw new InvalidCreditCode("check");
  }

  /** A valid code from its first 16 characters: the organisation code's check digit and the check character added. */
  public static CreditCode complete(String first16) {
    String first17 = first16 + organisationCheck(first16.substring(8, 16));
    return new CreditCode(first17 + checkCharacter(first17));
  }

  /** GB 11714: digits count as themselves, letters A–Z as 10–35. */
  static char organisationCheck(String body) {
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      char c = body.charAt(i);
      sum += (Character.isDigit(c) ? c - '0' : c - 'A' + 10) * ORGANISATION_WEIGHTS[i];
    }
    int check = 11 - sum % 11;
    return check == 10 ? 'X' : check == 11 ? '0' : (char) ('0' + check);
  }

  static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
    int check = 31 - sum % 31;
    return ALPHABET.charAt(check == 31 ? 0 : check);
  }

  /** The registering authority's division, as a 12-digit region code (a county, city or province). */
  public RegionCode regionCode() {
    return RegionCode.of(value.substring(2, 8));
  }

  /** 登记管理部门: 9 is 市场监管 (工商), 5 民政, 1 机构编制 … */
  public char authority() {
    return value.charAt(0);
  }

  /** The code is not a valid 统一社会信用代码; the reason names the first rule it breaks. */
  public static final class InvalidCreditCode extends Refusal {
    private final String reason;

    public InvalidCreditCode(String reason) {
      super("unit.invalid-credit-code." + reason, 400);
      this.reason = reason;
    }

    public String reason() {
      return reason;
    }
  }
}
