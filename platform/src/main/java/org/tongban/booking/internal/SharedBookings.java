package org.tongban.booking.internal;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.DATE_TIME;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.tongban.booking.BookingChanged;
import org.tongban.exchange.spi.ResourceDescriptor;
import org.tongban.exchange.spi.ResourceDescriptor.Field;
import org.tongban.exchange.spi.SharedRecord;
import org.tongban.exchange.spi.SharedResource;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.person.SharedPerson;
import org.tongban.shared.RegionCode;

/**
 * 预约记录: a booking of a venue, a window or a service as it is made, cancelled, checked in or missed, for the region
 * of what was booked (the county's own venue system). The ticket is a bearer code and is never shared. Conditional.
 */
@Component
class SharedBookings implements SharedResource<BookingChanged> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("booking.bookings", "预约记录", "Bookings",
      "government-services", ResourceDescriptor.Sharing.CONDITIONAL, "实时 (real time)", SharedPerson.withPerson(List.of(
          new Field("resource", STRING, AGGREGATE, "预约资源标识", "Bookable resource id"),
          new Field("resourceName", STRING, AGGREGATE, "预约资源", "Bookable resource"),
          new Field("kind", STRING, AGGREGATE, "资源类别", "Kind"),
          new Field("department", STRING, AGGREGATE, "主管部门", "Department"),
          new Field("resourceRegion", STRING, AGGREGATE, "资源所在地区划代码", "Region of the resource"),
          new Field("day", DATE, AGGREGATE, "预约日期", "Day"),
          new Field("startsAt", DATE_TIME, AGGREGATE, "时段开始", "Slot starts"),
          new Field("endsAt", DATE_TIME, AGGREGATE, "时段结束", "Slot ends"),
          new Field("status", STRING, AGGREGATE, "预约状态", "Status"),
          new Field("createdAt", DATE_TIME, AGGREGATE, "预约时间", "Booked at"),
          new Field("cancelledAt", DATE_TIME, AGGREGATE, "取消时间", "Cancelled at"),
          new Field("checkedInAt", DATE_TIME, AGGREGATE, "签到时间", "Checked in at"),
          new Field("generated", BOOLEAN, AGGREGATE, "是否为生成（演示）数据", "Generated (demo) data")), "预约人", "Person"));

  private final JdbcClient jdbc;
  private final Residents residents;

  SharedBookings(JdbcClient jdbc, Residents residents) {
    this.jdbc = jdbc;
    this.residents = residents;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<BookingChanged> event() {
    return BookingChanged.class;
  }

  @Override
  public Optional<SharedRecord> record(BookingChanged event) {
    return jdbc.sql("""
            select b.resource_id, r.name, r.kind, r.department, r.region_code, b.day, s.starts_at, s.ends_at, b.status,
              b.created_at, b.cancelled_at, b.checked_in_at, r.generated, b.person
            from booking.booking b join booking.slot s on s.id = b.slot_id join booking.resource r on r.id = b.resource_id
            where b.id = ?""")
        .param(event.booking())
        .query((rs, i) -> {
          var region = RegionCode.of(rs.getString(5));
          var person = residents.find(new PersonId(rs.getObject(14, UUID.class)));
          var f = new LinkedHashMap<String, Object>();
          f.put("resource", rs.getObject(1, UUID.class).toString());
          f.put("resourceName", rs.getString(2));
          f.put("kind", rs.getString(3));
          if (rs.getString(4) != null) f.put("department", rs.getString(4));
          f.put("resourceRegion", region.value());
          f.put("day", rs.getObject(6, LocalDate.class).toString());
          f.put("startsAt", rs.getTimestamp(7).toInstant().toString());
          f.put("endsAt", rs.getTimestamp(8).toInstant().toString());
          f.put("status", rs.getString(9));
          f.put("createdAt", rs.getTimestamp(10).toInstant().toString());
          put(f, "cancelledAt", rs.getTimestamp(11));
          put(f, "checkedInAt", rs.getTimestamp(12));
          f.put("generated", rs.getBoolean(13) || person.map(r -> r.generated()).orElse(false));
          person.ifPresent(r -> SharedPerson.put(f, r));
          return new SharedRecord(event.booking().toString(), region, f);
        })
        .optional();
  }

  private static void put(java.util.Map<String, Object> fields, String name, Timestamp at) {
    if (at != null) fields.put(name, at.toInstant().toString());
  }
}
