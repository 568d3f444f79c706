package org.tongban.health.internal;

import static org.tongban.facility.spi.FacilityType.Attribute.choice;
import static org.tongban.facility.spi.FacilityType.Attribute.count;
import static org.tongban.facility.spi.FacilityType.Attribute.yesNo;

import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.facility.spi.FacilityFact;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityTypeSource;

/**
 * The health facilities the plans count (#17.4): hospitals with their role in Liaoning's "1+3+X" treatment network
 * (传染病国家区域医疗中心, the 3 省级重大疫情救治基地 of 沈阳、大连、锦州, the cities' networks), their beds (general, isolation,
 * ICU) and fever clinics; and the clinics of primary care (乡镇卫生院, 社区卫生服务中心, 村卫生室) with whether they meet the
 * standardisation requirements (标准化建设).
 */
@Component
class HealthFacilityTypes implements FacilityTypeSource {

  static final String NATIONAL_CENTRE = "传染病国家区域医疗中心";
  static final String PROVINCIAL_BASE = "省级重大疫情救治基地";
  static final String CITY_NETWORK = "城市传染病救治网络";

  @Override
  public List<FacilityType> facilityTypes() {
    return List.of(
        FacilityType.of("health.hospital", "医院", "Hospital", "health",
                choice("role", "“1+3+X”救治体系中的角色", "Role in the \"1+3+X\" treatment network", NATIONAL_CENTRE,
                    PROVINCIAL_BASE, CITY_NETWORK, "其他").optional(),
                count("beds", "编制床位", "Beds"), count("bedsOccupied", "在院病人", "Beds occupied"),
                count("isolationBeds", "隔离床位", "Isolation beds").optional(),
                count("icuBeds", "重症监护床位", "ICU beds").optional(),
                yesNo("feverClinic", "设发热门诊", "Fever clinic"))
            .withPlaces("beds", "bedsOccupied"),
        FacilityType.of("health.township-centre", "乡镇卫生院", "Township health centre", "health",
            count("beds", "床位", "Beds").optional(), yesNo("standardised", "达到标准化建设要求", "Meets the standard")),
        FacilityType.of("health.community-centre", "社区卫生服务中心（站）", "Community health centre", "health",
            yesNo("standardised", "达到标准化建设要求", "Meets the standard")),
        FacilityType.of("health.village-clinic", "村卫生室", "Village clinic", "health",
            yesNo("standardised", "达到标准化建设要求", "Meets the standard")));
  }

  @Override
  public List<FacilityFact> facilityFacts() {
    return List.of(
        new FacilityFact("health.provincial-epidemic-base", PROVINCIAL_BASE, "health.hospital",
            f -> PROVINCIAL_BASE.equals(f.attributes().get("role")) ? 1 : 0),
        new FacilityFact("health.national-centre", NATIONAL_CENTRE, "health.hospital",
            f -> NATIONAL_CENTRE.equals(f.attributes().get("role")) ? 1 : 0),
        new FacilityFact("health.fever-clinic", "发热门诊", "health.hospital", f -> f.yes("feverClinic") ? 1 : 0),
        new FacilityFact("health.isolation-beds", "隔离床位", "health.hospital", f -> (long) f.number("isolationBeds")),
        new FacilityFact("health.icu-beds", "重症监护床位", "health.hospital", f -> (long) f.number("icuBeds")),
        new FacilityFact("health.standardised-township-centre", "标准化乡镇卫生院", "health.township-centre",
            f -> f.yes("standardised") ? 1 : 0),
        new FacilityFact("health.standardised-village-clinic", "标准化村卫生室", "health.village-clinic",
            f -> f.yes("standardised") ? 1 : 0));
  }
}
