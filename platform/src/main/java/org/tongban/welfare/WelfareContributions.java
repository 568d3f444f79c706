package org.tongban.welfare;

import static org.tongban.facility.spi.FacilityType.Attribute.choice;
import static org.tongban.facility.spi.FacilityType.Attribute.count;

import java.util.List;
import org.springframework.stereotype.Component;
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
}
