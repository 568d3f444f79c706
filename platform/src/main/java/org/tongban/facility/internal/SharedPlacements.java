package org.tongban.facility.internal;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE_TIME;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import org.tongban.facility.Placement;
import org.tongban.facility.PlacementChanged;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.person.SharedPerson;
import org.tongban.shared.RegionCode;

/**
 * 学位、托位、床位安排: a place application as it is filed, decided and ended, for the region the applicant lives in —
 * so the village station hears that the county granted her child a place (数据回流). Conditional.
 */
@Component
class SharedPlacements implements SharedResource<PlacementChanged> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("facility.placements", "学位托位床位安排",
      "Places applied for and granted", "government-services", ResourceDescriptor.Sharing.CONDITIONAL,
      "实时 (real time)", SharedPerson.withPerson(List.of(
          new Field("caseNumber", STRING, AGGREGATE, "办件编号", "Case number"),
          new Field("item", STRING, AGGREGATE, "事项编码", "Service item code"),
          new Field("facility", STRING, AGGREGATE, "设施标识", "Facility id"),
          new Field("facilityName", STRING, AGGREGATE, "设施名称", "Facility"),
          new Field("facilityRegion", STRING, AGGREGATE, "设施所在地区划代码", "Region of the facility"),
          new Field("status", STRING, AGGREGATE, "安排状态", "Status"),
          new Field("statusZh", STRING, AGGREGATE, "安排状态（中文）", "Status in Chinese"),
          new Field("filedAt", DATE_TIME, AGGREGATE, "申请时间", "Filed at"),
          new Field("decidedAt", DATE_TIME, AGGREGATE, "决定时间", "Decided at"),
          new Field("generated", BOOLEAN, AGGREGATE, "是否为生成（演示）数据", "Generated (demo) data")), "申请人", "Applicant"));

  private final JdbcClient jdbc;
  private final Residents residents;

  SharedPlacements(JdbcClient jdbc, Residents residents) {
    this.jdbc = jdbc;
    this.residents = residents;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<PlacementChanged> event() {
    return PlacementChanged.class;
  }

  @Override
  public Optional<SharedRecord> record(PlacementChanged event) {
    return jdbc.sql("""
            select p.case_number, p.item, p.facility_id, f.name, f.region_code, p.status, p.filed_at, p.decided_at,
              p.person, f.generated
            from facility.placement p join facility.facility f on f.id = p.facility_id where p.id = ?""")
        .param(event.placement())
        .query((rs, i) -> {
          var facilityRegion = RegionCode.of(rs.getString(5));
          var person = residents.find(new PersonId(rs.getObject(9, UUID.class)));
          var status = Placement.Status.valueOf(rs.getString(6));
          var f = new LinkedHashMap<String, Object>();
          f.put("caseNumber", rs.getString(1));
          f.put("item", rs.getString(2));
          f.put("facility", rs.getObject(3, UUID.class).toString());
          f.put("facilityName", rs.getString(4));
          f.put("facilityRegion", facilityRegion.value());
          f.put("status", status.name());
          f.put("statusZh", status.label(false));
          f.put("filedAt", rs.getTimestamp(7).toInstant().toString());
          Timestamp decided = rs.getTimestamp(8);
          if (decided != null) f.put("decidedAt", decided.toInstant().toString());
          f.put("generated", rs.getBoolean(10) || person.map(r -> r.generated()).orElse(false));
          person.ifPresent(r -> SharedPerson.put(f, r));
          var region = person.map(r -> r.residenceRegion()).orElse(facilityRegion);
          return new SharedRecord(event.placement().toString(), region, f);
        })
        .optional();
  }
}
