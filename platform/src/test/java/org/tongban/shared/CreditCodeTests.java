package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** 统一社会信用代码 by GB 32100-2015, checked against codes printed on real business licences. */
class CreditCodeTests {

  @Test
  void publishedCodesAreValid() {
    // 深圳市腾讯计算机系统有限公司, 华为技术有限公司, 阿里巴巴（中国）有限公司: on their licences and in the public
    // enterprise credit information system.
    for (String code : new String[] {"9144030071526726XG", "914403001922038216", "91330100716105852F"}) {
      var c = new CreditCode(code);
      assertThat(c.authority()).isEqualTo('9');
      assertThat(c.regionCode().value()).startsWith(code.substring(2, 8));
    }
    assertThat(new CreditCode(" 9144030071526726xg ").value()).isEqualTo("9144030071526726XG");
  }

  @Test
  void eachRuleHasItsReason() {
    assertThat(reason("91440300715267")).isEqualTo("length");
    assertThat(reason("9144030071526726OG")).isEqualTo("character"); // O is not in the alphabet
    assertThat(reason("0144030071526726XG")).isEqualTo("authority");
    assertThat(reason("9444030071526726XG")).isEqualTo("type"); // 工商 registers types 1–3 only
    assertThat(reason("91AB030071526726XG")).isEqualTo("region");
    assertThat(reason("9144030071526725XG")).isEqualTo("organisation-check");
    assertThat(reason("9144030071526726XH")).isEqualTo("check");
  }

  @Test
  void completeAddsBothCheckCharacters() {
    var made = CreditCode.complete("91210102MA0ABCDE".replace('E', 'F'));
    assertThat(made.value()).hasSize(18).startsWith("91210102MA0ABCDF");
    assertThat(new CreditCode(made.value())).isEqualTo(made);
  }

  private static String reason(String code) {
    var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(CreditCode.InvalidCreditCode.class,
        () -> new CreditCode(code));
    assertThat(thrown).as(code).isNotNull();
    return thrown.reason();
  }
}
