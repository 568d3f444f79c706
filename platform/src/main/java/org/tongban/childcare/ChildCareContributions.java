package org.tongban.childcare;

import static org.tongban.facility.spi.FacilityType.Attribute.choice;
import static org.tongban.facility.spi.FacilityType.Attribute.count;
import static org.tongban.facility.spi.FacilityType.Attribute.yesNo;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityType.Attribute;
import org.tongban.facility.spi.FacilityType.Priority;
import org.tongban.facility.spi.FacilityFact;
import org.tongban.facility.spi.FacilityTypeSource;

/** The child-care and preschool facility types the plans count (托位, 普惠性幼儿园, 公办园在园幼儿 …). */
@Component
class ChildCareContributions implements FacilityTypeSource {

  @Override
  public List<FacilityType> facilityTypes() {
    return List.of(
        FacilityType.of("childcare.nursery", "托育机构", "Childcare centre (0–3)", "health",
                count("places", "托位数", "Places"), count("children", "在托婴幼儿", "Children enrolled"),
                yesNo("inclusive", "普惠性", "Inclusive (普惠)"), yesNo("model", "示范性", "Model centre"))
            .withPlaces("places", "children")
            .withPlacement("health.nursery-place", false,
                new Priority("multi-child", "多孩家庭", "Second or third child", 30),
                new Priority("dual-earner", "双职工家庭", "Both parents working", 10),
                new Priority("hardship", "困难家庭", "Family in hardship", 50)),
        FacilityType.of("childcare.kindergarten", "幼儿园", "Kindergarten", "education",
                choice("ownership", "办园性质", "Ownership", "公办", "民办"), yesNo("inclusive", "普惠性", "Inclusive (普惠)"),
                new Attribute("stars", "星级", "Star rating", Attribute.Kind.COUNT, false, 1d, 5d, List.of()),
                count("seats", "学位数", "Seats"), count("enrolled", "在园幼儿", "Children enrolled"),
                yesNo("townshipCentre", "乡镇公办中心园", "Public township centre kindergarten"))
            .withPlaces("seats", "enrolled")
            .withPlacement("education.kindergarten-enrolment", true,
                new Priority("hardship", "困难家庭", "Family in hardship", 50),
                new Priority("martyr-family", "烈士、因公牺牲军人子女", "Child of a fallen soldier", 100)),
        FacilityType.of("childcare.prenatal-screening", "产前筛查机构", "Prenatal screening centre", "health",
            count("screeningsPerYear", "年筛查能力（人次）", "Screenings per year").optional()));
  }

  @Override
  public List<FacilityFact> facilityFacts() {
    return List.of(
        new FacilityFact("childcare.enrolled-inclusive", "普惠性幼儿园在园幼儿", "childcare.kindergarten",
            f -> f.yes("inclusive") ? f.occupied() : 0),
        new FacilityFact("childcare.enrolled-public", "公办幼儿园在园幼儿", "childcare.kindergarten",
            f -> "公办".equals(f.attributes().get("ownership")) ? f.occupied() : 0),
        // 每个乡镇至少办好一所三星级以上公办中心幼儿园 (Liaoning plan).
        new FacilityFact("childcare.township-centre", "三星级以上公办乡镇中心幼儿园", "childcare.kindergarten",
            f -> f.yes("townshipCentre") && "公办".equals(f.attributes().get("ownership")) && f.number("stars") >= 3 ? 1 : 0),
        new FacilityFact("childcare.model-nursery", "示范性托育机构", "childcare.nursery", f -> f.yes("model") ? 1 : 0),
        new FacilityFact("childcare.inclusive-places", "普惠托位", "childcare.nursery",
            f -> f.yes("inclusive") && f.capacity() != null ? f.capacity() : 0));
  }
}
