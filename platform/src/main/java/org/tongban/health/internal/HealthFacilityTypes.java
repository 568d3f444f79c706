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
 * ICU) and fever clinics; and the clinics of primary care (乡镇卫生院, 社区卫生服务中心, 村卫生室) with the standardisation
 * checklist of their kind (标准化建设): each item an attribute, the clinic counted as standardised when all are met.
 */
@Component
class HealthFacilityTypes implements FacilityTypeSource {

  static final String NATIONAL_CENTRE = "传染病国家区域医疗中心";
  static final String PROVINCIAL_BASE = "省级重大疫情救治基地";
  static final String CITY_NETWORK = "城市传染病救治网络";

  // The standardisation checklists (标准化建设): 《村卫生室管理办法（试行）》(国卫基层发〔2014〕33号) arts. 14–15 for village
  // clinics; 《乡镇卫生院服务能力标准（2018年版）》 and 《社区卫生服务中心服务能力标准（2018年版）》 for the centres (their basic
  // level: general practice, traditional Chinese medicine, preventive care, a fever consulting room since 2020).
  private static final FacilityType.Attribute GP =
      yesNo("gp", "设全科医学科，有全科医生", "General practice with general practitioners").optional();
  private static final FacilityType.Attribute TCM =
      yesNo("tcm", "设中医馆（中医综合服务区）", "Traditional Chinese medicine service area").optional();
  private static final FacilityType.Attribute FEVER =
      yesNo("fever", "设发热诊室（预检分诊）", "Fever consulting room (triage)").optional();
  private static final FacilityType.Attribute PUBLIC_HEALTH =
      yesNo("publicHealth", "开展国家基本公共卫生服务", "Provides the basic public-health services").optional();

  /** The checklist of each primary-care type: a clinic meets the standard when every item is ticked. */
  static final java.util.Map<String, List<String>> CHECKLISTS = java.util.Map.of(
      "health.township-centre", List.of("gp", "tcm", "fever", "publicHealth", "diagnostics"),
      "health.community-centre", List.of("area", "gp", "tcm", "fever", "publicHealth"),
      "health.village-clinic", List.of("area", "rooms", "staffing", "publicHealth"));

  static boolean standardised(org.tongban.facility.spi.FactInput f, String type) {
    return CHECKLISTS.get(type).stream().allMatch(f::yes);
  }

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
            count("beds", "床位", "Beds").optional(), GP, TCM, FEVER, PUBLIC_HEALTH,
            yesNo("diagnostics", "可开展检验和 DR、B 超检查", "Laboratory, X-ray (DR) and ultrasound").optional()),
        FacilityType.of("health.community-centre", "社区卫生服务中心（站）", "Community health centre", "health",
            yesNo("area", "业务用房达标（中心不少于1000平方米，站不少于150平方米）",
                "Floor area to standard (centre 1,000 m², station 150 m²)").optional(), GP, TCM, FEVER, PUBLIC_HEALTH),
        FacilityType.of("health.village-clinic", "村卫生室", "Village clinic", "health",
            yesNo("area", "房屋不少于60平方米", "At least 60 m²").optional(),
            yesNo("rooms", "诊室、治疗室、公共卫生室和药房分设", "Consulting, treatment, public-health and dispensing rooms")
                .optional(),
            yesNo("staffing", "按每千服务人口不少于1名配备村卫生室人员", "At least one clinician per 1,000 people served")
                .optional(),
            PUBLIC_HEALTH));
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
            f -> standardised(f, "health.township-centre") ? 1 : 0),
        new FacilityFact("health.standardised-community-centre", "标准化社区卫生服务中心（站）", "health.community-centre",
            f -> standardised(f, "health.community-centre") ? 1 : 0),
        new FacilityFact("health.standardised-village-clinic", "标准化村卫生室", "health.village-clinic",
            f -> standardised(f, "health.village-clinic") ? 1 : 0));
  }
}
