package org.tongban.organisation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo offices for the embedded run, marked generated: every city and county gets a bureau of each department and a
 * 政务服务中心, every township a 便民服务中心, every village a 便民服务站. Names say "（生成）" so that nobody
 * mistakes them for real addresses.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "tongban.demo.offices", havingValue = "true")
class DemoOffices implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoOffices.class);
  private final JdbcClient jdbc;

  DemoOffices(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    boolean any = jdbc.sql("select exists(select 1 from organisation.office where generated)").query(Boolean.class).single();
    // City bureaux decide the items of 行使层级 市级 (work-injury recognition, social security cards …);
    // data directories made before they were generated get them on their next start.
    boolean cities = jdbc.sql("select exists(select 1 from organisation.office o join region.region r"
        + " on r.code = o.region_code where o.generated and r.level = 2)").query(Boolean.class).single();
    if (any && cities) return;
    int highest = any ? 2 : 5;
    record Unit(String code, String name, int level) {}
    List<Unit> units = jdbc.sql("select code, name, level from region.region where valid_to is null and level between ? and ?")
        .params(2, highest).query((rs, i) -> new Unit(rs.getString(1), rs.getString(2), rs.getInt(3))).list();
    record Dept(String code, String name) {}
    List<Dept> departments = jdbc.sql("select code, name_zh from organisation.department order by sort")
        .query((rs, i) -> new Dept(rs.getString(1), rs.getString(2))).list();
    var rows = new ArrayList<Object[]>();
    for (Unit u : units) {
      switch (u.level()) {
        case 2 -> {
          for (Dept d : departments) {
            if (!d.code().equals("government-services")) {
              rows.add(row(d.code(), u.code(), "OFFICE", u.name() + d.name() + "局（生成）"));
            }
          }
        }
        case 3 -> {
          for (Dept d : departments) {
            if (d.code().equals("government-services")) {
              rows.add(row(d.code(), u.code(), "SERVICE_HALL", u.name() + "政务服务中心（生成）"));
            } else {
              rows.add(row(d.code(), u.code(), "OFFICE", u.name() + d.name() + "局（生成）"));
            }
          }
        }
        case 4 -> rows.add(row("government-services", u.code(), "SERVICE_HALL", u.name() + "便民服务中心（生成）"));
        default -> rows.add(row("government-services", u.code(), "VILLAGE_STATION", u.name() + "便民服务站（生成）"));
      }
    }
    batchInsert(rows);
    log.info("Generated {} demo offices (marked generated)", rows.size());
  }

  private void batchInsert(List<Object[]> rows) {
    for (int from = 0; from < rows.size(); from += 1000) {
      var chunk = rows.subList(from, Math.min(rows.size(), from + 1000));
      // One demo office per department and unit: it takes that unit's cases.
      var sql = new StringBuilder("insert into organisation.office (id, department, region_code, kind, name, generated,"
          + " handles_cases) values ");
      var args = new ArrayList<Object>();
      for (int i = 0; i < chunk.size(); i++) {
        sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, true, true)");
        args.addAll(List.of(chunk.get(i)));
      }
      jdbc.sql(sql.toString() + " on conflict do nothing").params(args).update();
    }
  }

  private static Object[] row(String department, String region, String kind, String name) {
    return new Object[] {UUID.randomUUID(), department, region, kind, name};
  }
}
