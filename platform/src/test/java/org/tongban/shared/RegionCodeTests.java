package org.tongban.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RegionCodeTests {

  @Test
  void readsLevelFromTrailingZeros() {
    assertThat(RegionCode.of("21").level()).isEqualTo(RegionLevel.PROVINCE);
    assertThat(RegionCode.of("2101").level()).isEqualTo(RegionLevel.CITY);
    assertThat(RegionCode.of("210102").level()).isEqualTo(RegionLevel.COUNTY);
    assertThat(RegionCode.of("210102001").level()).isEqualTo(RegionLevel.TOWNSHIP);
    assertThat(RegionCode.of("210102001001").level()).isEqualTo(RegionLevel.VILLAGE);
  }

  @Test
  void significantPrefixContainsEveryDescendant() {
    var liaoning = RegionCode.of("21");
    var village = RegionCode.of("210102001001");
    assertThat(liaoning.prefix()).isEqualTo("21");
    assertThat(village.isWithin(liaoning)).isTrue();
    assertThat(village.isWithin(RegionCode.of("210103"))).isFalse();
    assertThat(village.isWithin(village)).isTrue();
  }

  @Test
  void walksAncestorsByCode() {
    assertThat(RegionCode.of("210102001001").ancestorsByCode()).extracting(RegionCode::value)
        .containsExactly("210000000000", "210100000000", "210102000000", "210102001000");
  }

  @Test
  void refusesMalformedCodes() {
    assertThatThrownBy(() -> RegionCode.of("2101020")).isInstanceOf(RegionCode.InvalidRegionCode.class);
    assertThatThrownBy(() -> RegionCode.of("21a1")).isInstanceOf(RegionCode.InvalidRegionCode.class);
    assertThatThrownBy(() -> RegionCode.of("00")).isInstanceOf(RegionCode.InvalidRegionCode.class);
  }
}
