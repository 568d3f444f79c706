package org.tongban.eldercare.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.tongban.eldercare.VisitManagement;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.spi.FactSource;
import org.tongban.shared.RegionCode;

/** The visit register and the visits as facts, recomputed from the records. */
@Component
class VisitFacts implements FactSource {

  private final JdbcTemplate jdbc;

  VisitFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    jdbc.query("select region_code, since, until from eldercare.elder", (RowCallbackHandler) rs -> {
      var region = RegionCode.of(rs.getString(1));
      out.accept(new FactChange(VisitManagement.REGISTERED, region, YearMonth.from(rs.getObject(2, LocalDate.class)), 1));
      var until = rs.getObject(3, LocalDate.class);
      if (until != null) out.accept(new FactChange(VisitManagement.REGISTERED, region, YearMonth.from(until).plusMonths(1), -1));
    });
    jdbc.query("select region_code, date_trunc('month', visited_on)::date from eldercare.visit group by elder_id, 1, 2",
        (RowCallbackHandler) rs -> out.accept(new FactChange(VisitManagement.VISITED, RegionCode.of(rs.getString(1)),
            YearMonth.from(rs.getObject(2, LocalDate.class)), 1)));
  }
}
