package org.tongban.person.internal;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import org.tongban.person.ResidentDied;
import org.tongban.person.Residents;
import org.tongban.person.SharedPerson;

/**
 * 死亡人员信息: a death entered in the registry, for the systems that must stop what a living person receives (a
 * pension paid in another province, a subsidy, a place). Conditional; the region is where the person lived.
 */
@Component
class SharedDeaths implements SharedResource<ResidentDied> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("person.deaths", "死亡人员信息",
      "Deaths registered", "government-services", ResourceDescriptor.Sharing.CONDITIONAL, "实时 (real time)",
      SharedPerson.withPerson(List.of(
          new Field("diedOn", DATE, AGGREGATE, "死亡日期", "Date of death"),
          new Field("residenceRegion", STRING, AGGREGATE, "居住地区划代码", "Region of residence"),
          new Field("generated", BOOLEAN, AGGREGATE, "是否为生成（演示）数据", "Generated (demo) data")), "", ""));

  private final Residents residents;

  SharedDeaths(Residents residents) {
    this.residents = residents;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<ResidentDied> event() {
    return ResidentDied.class;
  }

  @Override
  public Optional<SharedRecord> record(ResidentDied event) {
    return residents.find(event.person()).map(r -> {
      var f = new LinkedHashMap<String, Object>();
      f.put("diedOn", event.diedOn().toString());
      f.put("residenceRegion", r.residenceRegion().value());
      f.put("generated", r.generated());
      SharedPerson.put(f, r);
      return new SharedRecord(r.id().value().toString(), r.residenceRegion(), f);
    });
  }
}
