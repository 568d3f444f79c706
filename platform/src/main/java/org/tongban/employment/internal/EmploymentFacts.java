package org.tongban.employment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.tongban.employment.JobApplications;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.spi.FactSource;
import org.tongban.shared.RegionCode;

/** 城镇新增就业 recomputed from the employments recorded: per workplace region and month the work started. */
@Component
class EmploymentFacts implements FactSource {

  private final JdbcTemplate jdbc;

  EmploymentFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    jdbc.query("select region_code, date_trunc('month', started_on)::date, count(*) from employment.employment"
            + " group by 1, 2",
        (RowCallbackHandler) rs -> out.accept(new FactChange(JobApplications.NEW_JOBS, RegionCode.of(rs.getString(1)),
            YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getLong(3))));
  }
}
