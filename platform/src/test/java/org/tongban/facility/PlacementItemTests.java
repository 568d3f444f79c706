package org.tongban.facility;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.catalogue.ServiceCatalogue;

/**
 * A place is applied for through the item that fits the facility: a 托育机构 through the health department's 托位
 * item (no school field), a 民办 or 公建民营 care home through its own item, a 公办 one through 公办养老机构入住申请.
 */
@SpringBootTest
@Tag("persistence")
class PlacementItemTests {

  @Autowired FacilityRegistry registry;
  @Autowired ServiceCatalogue catalogue;

  @Test
  void theItemFollowsTheFacility() {
    var nursery = registry.type("childcare.nursery");
    assertThat(nursery.placementItemFor(Map.of())).isEqualTo("health.nursery-place");
    var item = catalogue.currentOrRefuse("health.nursery-place");
    assertThat(item.spec().department()).isEqualTo("health");
    assertThat(item.spec().form().path("properties").has("school")).isFalse();
    assertThat(item.spec().form().path("properties").has("childName")).isTrue();

    var home = registry.type("eldercare.care-home");
    assertThat(home.placementItemFor(Map.of("ownership", "公办"))).isEqualTo("civil-affairs.care-bed");
    assertThat(home.placementItemFor(Map.of("ownership", "民办"))).isEqualTo("civil-affairs.private-care-bed");
    assertThat(home.placementItemFor(Map.of("ownership", "公建民营"))).isEqualTo("civil-affairs.private-care-bed");
    assertThat(home.placementItems()).containsExactlyInAnyOrder("civil-affairs.care-bed", "civil-affairs.private-care-bed");
    assertThat(catalogue.currentOrRefuse("civil-affairs.private-care-bed").name()).isEqualTo("民办养老机构入住申请");
  }
}
