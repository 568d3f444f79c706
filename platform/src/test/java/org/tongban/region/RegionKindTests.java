package org.tongban.region;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.tongban.shared.RegionCode;

class RegionKindTests {

  @Test
  void townshipKindFollowsCodeRanges() {
    assertThat(RegionKind.of(RegionCode.of("210102001"))).isEqualTo(RegionKind.STREET);
    assertThat(RegionKind.of(RegionCode.of("210124100"))).isEqualTo(RegionKind.TOWN);
    assertThat(RegionKind.of(RegionCode.of("210124203"))).isEqualTo(RegionKind.TOWNSHIP);
    assertThat(RegionKind.of(RegionCode.of("210124400"))).isEqualTo(RegionKind.TOWNSHIP_LIKE);
  }

  @Test
  void villageKindFollowsCodeRanges() {
    assertThat(RegionKind.of(RegionCode.of("210102001001"))).isEqualTo(RegionKind.RESIDENTS_COMMITTEE);
    assertThat(RegionKind.of(RegionCode.of("210124100201"))).isEqualTo(RegionKind.VILLAGERS_COMMITTEE);
    assertThat(RegionKind.of(RegionCode.of("210124100401"))).isEqualTo(RegionKind.VILLAGE_LIKE);
  }
}
