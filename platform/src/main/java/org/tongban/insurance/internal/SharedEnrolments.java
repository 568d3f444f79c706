package org.tongban.insurance.internal;

import static org.tongban.exchange.spi.ResourceDescriptor.Sensitivity.AGGREGATE;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.BOOLEAN;
import static org.tongban.exchange.spi.ResourceDescriptor.Type.STRING;

import java.time.LocalDate;
import java.time.YearMonth;
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
import org.tongban.insurance.EnrolmentChanged;
import org.tongban.insurance.Insurance;
import org.tongban.person.PersonId;
import org.tongban.person.Residents;
import org.tongban.person.SharedPerson;
import org.tongban.shared.RegionCode;

/**
 * 参保登记信息: who is insured in which insurance, from and until which month, for the agency's region — what a
 * county's own social-insurance system and the national platform keep in step with (部省市县实时同步). Conditional;
 * the human-resources and social-security department approves.
 */
@Component
class SharedEnrolments implements SharedResource<EnrolmentChanged> {

  static final ResourceDescriptor DESCRIPTOR = new ResourceDescriptor("insurance.enrolments", "参保登记信息",
      "Social-insurance enrolments", "hrss", ResourceDescriptor.Sharing.CONDITIONAL, "实时 (real time)", SharedPerson.withPerson(List.of(
          new Field("insurance", STRING, AGGREGATE, "险种", "Insurance"),
          new Field("insuranceZh", STRING, AGGREGATE, "险种（中文）", "Insurance in Chinese"),
          new Field("scheme", STRING, AGGREGATE, "参保类别（职工、灵活就业、城乡居民）", "Scheme"),
          new Field("unit", STRING, AGGREGATE, "参保单位标识", "Employer (unit id)"),
          new Field("region", STRING, AGGREGATE, "参保地区划代码", "Region of the agency"),
          new Field("fromMonth", STRING, AGGREGATE, "参保起始月份", "From month"),
          new Field("toMonth", STRING, AGGREGATE, "终止月份", "Until month"),
          new Field("endReason", STRING, AGGREGATE, "终止原因", "Why it ended"),
          new Field("generated", BOOLEAN, AGGREGATE, "是否为生成（演示）数据", "Generated (demo) data")), "", ""));

  private final JdbcClient jdbc;
  private final Residents residents;

  SharedEnrolments(JdbcClient jdbc, Residents residents) {
    this.jdbc = jdbc;
    this.residents = residents;
  }

  @Override
  public ResourceDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Class<EnrolmentChanged> event() {
    return EnrolmentChanged.class;
  }

  @Override
  public Optional<SharedRecord> record(EnrolmentChanged event) {
    return jdbc.sql("select insurance, scheme, unit_id, region_code, from_month, to_month, end_reason, generated,"
            + " person_id from insurance.enrolment where id = ?")
        .param(event.enrolment())
        .query((rs, i) -> {
          var region = RegionCode.of(rs.getString(4));
          var insurance = Insurance.valueOf(rs.getString(1));
          var person = residents.find(new PersonId(rs.getObject(9, UUID.class)));
          var f = new LinkedHashMap<String, Object>();
          f.put("insurance", insurance.name());
          f.put("insuranceZh", insurance.zh());
          f.put("scheme", rs.getString(2));
          var unit = rs.getObject(3, UUID.class);
          if (unit != null) f.put("unit", unit.toString());
          f.put("region", region.value());
          f.put("fromMonth", YearMonth.from(rs.getObject(5, LocalDate.class)).toString());
          var to = rs.getObject(6, LocalDate.class);
          if (to != null) f.put("toMonth", YearMonth.from(to).toString());
          if (rs.getString(7) != null) f.put("endReason", rs.getString(7));
          f.put("generated", rs.getBoolean(8));
          person.ifPresent(r -> SharedPerson.put(f, r));
          return new SharedRecord(event.enrolment().toString(), region, f);
        })
        .optional();
  }
}
