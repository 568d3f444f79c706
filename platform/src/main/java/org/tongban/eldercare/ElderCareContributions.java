package org.tongban.eldercare;

import static org.tongban.facility.spi.FacilityType.Attribute.choice;
import static org.tongban.facility.spi.FacilityType.Attribute.count;
import static org.tongban.facility.spi.FacilityType.Attribute.number;
import static org.tongban.facility.spi.FacilityType.Attribute.yesNo;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityType.Priority;
import org.tongban.facility.spi.FacilityFact;
import org.tongban.facility.spi.FacilityTypeSource;

/** The elderly-care facility types the plans count (养老床位, 护理型床位占比, 街道区域养老服务中心 …). */
@Component
class ElderCareContributions implements FacilityTypeSource {

  private static final Priority[] PRIORITIES = {
      new Priority("extreme-poverty", "特困人员", "In extreme poverty (特困)", 100),
      new Priority("minimum-living", "低保对象", "Receives minimum living allowance", 60),
      new Priority("disabled", "失能、半失能", "Disabled or partly disabled", 50),
      new Priority("veteran", "优抚对象", "Entitled to preferential treatment", 40),
      new Priority("very-old", "80 周岁以上", "Aged 80 or over", 30)};

  @Override
  public List<FacilityType> facilityTypes() {
    return List.of(
        FacilityType.of("eldercare.care-home", "养老机构", "Care home", "civil-affairs",
                count("beds", "床位数", "Beds"), count("nursingBeds", "护理型床位", "Nursing beds"),
                count("residents", "在住老人", "Residents"), choice("ownership", "性质", "Ownership", "公办", "民办", "公建民营"),
                yesNo("extremePoverty", "特困人员供养服务设施", "Serves people in extreme poverty"))
            .withPlaces("beds", "residents")
            .withPlacement("civil-affairs.care-bed", false, PRIORITIES)
            // 民办 and 公建民营 homes take residents by their own contract: not through the 公办 item.
            .withPlacementBy("ownership", java.util.Map.of("民办", "civil-affairs.private-care-bed",
                "公建民营", "civil-affairs.private-care-bed")),
        FacilityType.of("eldercare.community-centre", "社区养老服务设施", "Community elderly-care facility",
            "civil-affairs", number("floorArea", "建筑面积（平方米）", "Floor area (m²)", 1, 100_000),
            choice("setting", "城乡", "Urban or rural", "城镇", "农村")),
        FacilityType.of("eldercare.street-centre", "街道（乡镇）区域养老服务中心", "District elderly-care centre",
                "civil-affairs", yesNo("fullTime", "全托", "Full-time care"), yesNo("dayCare", "日托", "Day care"),
                yesNo("homeVisits", "上门服务", "Home visits"),
                count("homeCareCapacity", "上门服务能力（人）", "Home-care clients it can serve"),
                count("homeCareClients", "上门服务对象", "Home-care clients"))
            .withPlaces("homeCareCapacity", "homeCareClients")
            .withPlacement("civil-affairs.home-care-service", false, PRIORITIES),
        FacilityType.of("eldercare.medical-care", "医养结合机构", "Combined medical and elderly care", "health",
            count("beds", "床位数", "Beds"), yesNo("model", "示范机构", "Model institution (示范)"))
            .withPlaces("beds", null));
  }

  @Override
  public List<FacilityFact> facilityFacts() {
    return List.of(
        new FacilityFact("eldercare.nursing-beds", "护理型床位", "eldercare.care-home", f -> f.number("nursingBeds")),
        // 具备全托、日托、上门服务等综合功能的区域养老服务机构.
        new FacilityFact("eldercare.comprehensive-centre", "综合功能区域养老服务机构", "eldercare.street-centre",
            f -> f.yes("fullTime") && f.yes("dayCare") && f.yes("homeVisits") ? 1 : 0),
        new FacilityFact("eldercare.urban-community-facility", "城镇社区养老服务设施", "eldercare.community-centre",
            f -> "城镇".equals(f.attributes().get("setting")) ? 1 : 0),
        new FacilityFact("eldercare.rural-community-facility", "农村养老服务设施", "eldercare.community-centre",
            f -> "农村".equals(f.attributes().get("setting")) ? 1 : 0),
        // 建成医养结合示范机构: only those rated as model institutions.
        new FacilityFact("eldercare.model-medical-care", "医养结合示范机构", "eldercare.medical-care",
            f -> f.yes("model") ? 1 : 0));
  }
}
