package org.tongban.health.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.tongban.health.Programme;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.indicator.spi.FactSource;
import org.tongban.shared.RegionCode;

/**
 * The basic public-health services as indicator facts, by the resident's region and month: residents managed per
 * programme (a stock), services due in the month their window closes, those done within their window (counted in the
 * same month, so the two make the on-time rate), and those done, by the month they were done. A service is a visit,
 * a quarterly follow-up ({@code FU}) or a yearly check ({@code CHECK}); each kind has its own facts.
 */
@Component
public class PublicHealthFacts implements FactSource {

  public static String managed(Programme p) {
    return "health.phs.managed:" + p.name();
  }

  public static String due(Programme p, String kind) {
    return "health.phs.due:" + p.name() + "." + kind;
  }

  public static String onTime(Programme p, String kind) {
    return "health.phs.on-time:" + p.name() + "." + kind;
  }

  public static String done(Programme p, String kind) {
    return "health.phs.done:" + p.name() + "." + kind;
  }

  /** The kind of a service by its code: a quarterly follow-up, a yearly check, or a visit. */
  public static String kind(String item) {
    return item.startsWith("FU-") ? "FU" : item.startsWith("CHECK-") ? "CHECK" : "VISIT";
  }

  private final JdbcTemplate jdbc;
  private final IndicatorManagement indicators;

  PublicHealthFacts(JdbcTemplate jdbc, IndicatorManagement indicators) {
    this.jdbc = jdbc;
    this.indicators = indicators;
  }

  public void enrolled(Programme p, RegionCode region, LocalDate day, int delta) {
    indicators.record(List.of(new FactChange(managed(p), region, YearMonth.from(day), delta)));
  }

  /** Services scheduled ({@code +1}) or voided ({@code -1}), each in the month its window closes. */
  public void scheduled(Programme p, RegionCode region, List<Programme.Due> items, int delta) {
    var changes = new ArrayList<FactChange>();
    for (var d : items) changes.add(new FactChange(due(p, kind(d.item())), region, YearMonth.from(d.to()), delta));
    indicators.record(changes);
  }

  public void done(Programme p, String item, RegionCode region, LocalDate from, LocalDate to, LocalDate day) {
    var changes = new ArrayList<FactChange>();
    changes.add(new FactChange(done(p, kind(item)), region, YearMonth.from(day), 1));
    if (!day.isBefore(from) && !day.isAfter(to)) {
      changes.add(new FactChange(onTime(p, kind(item)), region, YearMonth.from(to), 1));
    }
    indicators.record(changes);
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    jdbc.query("select programme, region_code, enrolled_on, closed_on from health.phs_enrolment",
        (RowCallbackHandler) rs -> {
          var p = Programme.valueOf(rs.getString(1));
          var region = RegionCode.of(rs.getString(2));
          out.accept(new FactChange(managed(p), region, YearMonth.from(rs.getObject(3, LocalDate.class)), 1));
          var closed = rs.getObject(4, LocalDate.class);
          if (closed != null) out.accept(new FactChange(managed(p), region, YearMonth.from(closed), -1));
        });
    jdbc.query("select programme, item, region_code, window_from, window_to, status, done_on from health.phs_item"
            + " where status <> 'VOID'",
        (RowCallbackHandler) rs -> {
          var p = Programme.valueOf(rs.getString(1));
          String kind = kind(rs.getString(2));
          var region = RegionCode.of(rs.getString(3));
          var from = rs.getObject(4, LocalDate.class);
          var to = rs.getObject(5, LocalDate.class);
          out.accept(new FactChange(due(p, kind), region, YearMonth.from(to), 1));
          @Nullable LocalDate day = rs.getObject(7, LocalDate.class);
          if ("DONE".equals(rs.getString(6)) && day != null) {
            out.accept(new FactChange(done(p, kind), region, YearMonth.from(day), 1));
            if (!day.isBefore(from) && !day.isAfter(to)) out.accept(new FactChange(onTime(p, kind), region, YearMonth.from(to), 1));
          }
        });
  }
}
