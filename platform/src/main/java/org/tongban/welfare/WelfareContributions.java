package org.tongban.welfare;

import static org.tongban.facility.spi.FacilityType.Attribute.choice;
import static org.tongban.facility.spi.FacilityType.Attribute.count;

import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;
import org.tongban.facility.spi.FacilityFact;
import org.tongban.facility.spi.FacilityType;
import org.tongban.facility.spi.FacilityTypeSource;

/** Children's, disability and veterans' facilities named in the plans. */
@Component
class WelfareContributions implements FacilityTypeSource {

  @Override
  public List<FacilityType> facilityTypes() {
    var beds = count("beds", "床位数", "Beds");
    return List.of(
        FacilityType.of("welfare.children-home", "儿童之家", "Children's home (儿童之家)", "civil-affairs"),
        FacilityType.of("welfare.child-welfare", "儿童福利院", "Child welfare institution", "civil-affairs", beds)
            .withPlaces("beds", null),
        FacilityType.of("welfare.minor-protection", "未成年人救助保护中心", "Minors' protection centre", "civil-affairs",
            beds).withPlaces("beds", null),
        FacilityType.of("welfare.disability-care", "残疾人康复和托养设施", "Disability rehabilitation and care",
            "disabled-persons", choice("service", "服务类型", "Service", "康复", "托养", "康复和托养"), beds)
            .withPlaces("beds", null),
        FacilityType.of("welfare.glory-home", "光荣院", "Veterans' home (光荣院)", "veterans", beds).withPlaces("beds", null),
        FacilityType.of("welfare.veterans-hospital", "优抚医院", "Veterans' hospital", "veterans", beds)
            .withPlaces("beds", null),
        FacilityType.of("welfare.martyrs-cemetery", "烈士陵园", "Martyrs' cemetery", "veterans",
            choice("grade", "保护级别", "Protection grade", "国家级", "省级", "市县级", "未定级")));
  }

  /** The 14th Five-Year plans run from 2021: "新建" counts what opened since. */
  static final LocalDate PLAN_PERIOD = LocalDate.of(2021, 1, 1);

  @Override
  public List<FacilityFact> facilityFacts() {
    return List.of(
        new FacilityFact("welfare.new-veterans-hospital", "新建优抚医院", "welfare.veterans-hospital",
            f -> f.openedSince(PLAN_PERIOD) ? 1 : 0),
        new FacilityFact("welfare.new-glory-home", "新建光荣院", "welfare.glory-home",
            f -> f.openedSince(PLAN_PERIOD) ? 1 : 0));
  }
}
