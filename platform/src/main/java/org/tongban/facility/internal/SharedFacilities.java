package org.tongban.facility.internal;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.INTEGER;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import org.tongban.facility.FacilityChanged;
import org.tongban.facility.FacilityRegistry;

/**
 * 公共服务设施及学位、托位、床位: every facility as it changes (registered, edited, a place taken or freed), for the
 * systems that show where a place is free (a county's education bureau, a map of the 15-minute circles). Nothing in it
 * names a person, so it is shared unconditionally; generated (demo) facilities say so.
 */
@Component
class SharedFacilities implements SharedResource<FacilityChanged> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("facility.facilities", "公共服务设施及空余学位床位",
      "Public-service facilities and free places", "government-services", ResourceDescriptor.Sharing.UNCONDITIONAL,
      "实时 (real time)", List.of(
          new Field("name", STRING, AGGREGATE, "设施名称", "Name"),
          new Field("type", STRING, AGGREGATE, "设施类型编码", "Type code"),
          new Field("typeName", STRING, AGGREGATE, "设施类型", "Type"),
          new Field("region", STRING, AGGREGATE, "所在地区划代码", "Region"),
          new Field("status", STRING, AGGREGATE, "运营状态", "Status"),
          new Field("statusSince", DATE, AGGREGATE, "状态起始日期", "Status since"),
          new Field("capacity", INTEGER, AGGREGATE, "学位/托位/床位数", "Places"),
          new Field("occupied", INTEGER, AGGREGATE, "已占用", "Places taken"),
          new Field("free", INTEGER, AGGREGATE, "空余", "Places free"),
          new Field("lon", STRING, AGGREGATE, "经度 (WGS-84)", "Longitude (WGS-84)"),
          new Field("lat", STRING, AGGREGATE, "纬度 (WGS-84)", "Latitude (WGS-84)"),
          new Field("version", INTEGER, AGGREGATE, "版本", "Version"),
          new Field("generated", BOOLEAN, AGGREGATE, "是否为生成（演示）数据", "Generated (demo) data")));

  private final FacilityRegistry registry;

  SharedFacilities(FacilityRegistry registry) {
    this.registry = registry;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<FacilityChanged> event() {
    return FacilityChanged.class;
  }

  @Override
  public Optional<SharedRecord> record(FacilityChanged event) {
    var f = registry.view(event.id());
    var fields = new LinkedHashMap<String, Object>();
    fields.put("name", f.name());
    fields.put("type", f.type());
    fields.put("typeName", f.typeName());
    fields.put("region", f.region().value());
    fields.put("status", f.status().name());
    fields.put("statusSince", f.statusSince().toString());
    if (f.capacity() != null) {
      fields.put("capacity", f.capacity());
      fields.put("occupied", f.occupied());
      fields.put("free", f.free());
    }
    if (f.location() != null) {
      fields.put("lon", String.valueOf(f.location().lon()));
      fields.put("lat", String.valueOf(f.location().lat()));
    }
    fields.put("version", f.version());
    fields.put("generated", f.generated());
    return Optional.of(new SharedRecord(f.id().toString(), f.region(), fields));
  }
}
