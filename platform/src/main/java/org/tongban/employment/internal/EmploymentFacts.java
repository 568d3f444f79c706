package org.tongban.employment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.spi.FactSource;
import org.tongban.shared.RegionCode;

/**
 * The employment service's facts, per region and month, recomputed from its own rows alone:
 * <ul>
 *   <li>{@link #NEW_JOBS} 城镇新增就业 — employments recorded, at the workplace, in the month the work started;</li>
 *   <li>{@link #REEMPLOYED} 失业人员再就业 — those of them whose person was registered unemployed when hired;</li>
 *   <li>{@link #DIFFICULTY_EMPLOYED} 就业困难人员实现就业 — those whose person was a recognised 就业困难人员;</li>
 *   <li>{@link #REGISTERED_UNEMPLOYED} 登记失业人数 (a stock) — +1 where and when a 失业登记 was approved, −1 in the month
 *       an employment ended it;</li>
 *   <li>{@code employment.vacancies.gN} 岗位需求人数 by occupation major group N — openings posted, in the month posted;</li>
 *   <li>{@code employment.seekers.gN} 求职登记人数 by major group N (a stock) — seekers where they want to work.</li>
 * </ul>
 */
@Component
public class EmploymentFacts implements FactSource {

  public static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  public static final String NEW_JOBS = "employment.new-jobs";
  public static final String REEMPLOYED = "employment.reemployed";
  public static final String DIFFICULTY_EMPLOYED = "employment.difficulty-employed";
  public static final String REGISTERED_UNEMPLOYED = "employment.registered-unemployed";

  public static String vacancies(int group) {
    return "employment.vacancies.g" + group;
  }

  public static String seekers(int group) {
    return "employment.seekers.g" + group;
  }

  private final JdbcTemplate jdbc;

  EmploymentFacts(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    jdbc.query("select region_code, date_trunc('month', started_on)::date, count(*), count(*) filter (where was_unemployed),"
            + " count(*) filter (where was_difficulty) from employment.employment group by 1, 2",
        (RowCallbackHandler) rs -> {
          var region = RegionCode.of(rs.getString(1));
          var month = YearMonth.from(rs.getObject(2, LocalDate.class));
          out.accept(new FactChange(NEW_JOBS, region, month, rs.getLong(3)));
          if (rs.getLong(4) > 0) out.accept(new FactChange(REEMPLOYED, region, month, rs.getLong(4)));
          if (rs.getLong(5) > 0) out.accept(new FactChange(DIFFICULTY_EMPLOYED, region, month, rs.getLong(5)));
        });
    jdbc.query("select region_code, date_trunc('month', registered_on)::date, count(*) from employment.unemployment_spell"
            + " group by 1, 2",
        (RowCallbackHandler) rs -> out.accept(new FactChange(REGISTERED_UNEMPLOYED, RegionCode.of(rs.getString(1)),
            YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getLong(3))));
    jdbc.query("select region_code, date_trunc('month', ended_on)::date, count(*) from employment.unemployment_spell"
            + " where ended_on is not null group by 1, 2",
        (RowCallbackHandler) rs -> out.accept(new FactChange(REGISTERED_UNEMPLOYED, RegionCode.of(rs.getString(1)),
            YearMonth.from(rs.getObject(2, LocalDate.class)), -rs.getLong(3))));
    jdbc.query("select region_code, occupation_group, date_trunc('month', created_at at time zone 'Asia/Shanghai')::date,"
            + " sum(openings) from employment.vacancy group by 1, 2, 3",
        (RowCallbackHandler) rs -> out.accept(new FactChange(vacancies(rs.getInt(2)), RegionCode.of(rs.getString(1)),
            YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getLong(4))));
    jdbc.query("select region_code, occupation_group,"
            + " date_trunc('month', registered_at at time zone 'Asia/Shanghai')::date, count(*) from employment.seeker"
            + " group by 1, 2, 3",
        (RowCallbackHandler) rs -> out.accept(new FactChange(seekers(rs.getInt(2)), RegionCode.of(rs.getString(1)),
            YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getLong(4))));
  }
}
