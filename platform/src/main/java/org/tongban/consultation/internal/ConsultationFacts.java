package org.tongban.consultation.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;
import org.tongban.indicator.FactChange;
import org.tongban.indicator.IndicatorManagement;
import org.tongban.indicator.spi.FactSource;
import org.tongban.shared.RegionCode;

/**
 * The 12333 counts per region (the asker's residence) and month, recomputed from the module's own rows alone:
 * questions asked by residents the platform knows, those answered below the confidence floor (gaps in the knowledge
 * base), answers rated and the sum of their ratings; tickets opened, those answered by their due date, and the sum and
 * number of satisfaction scores. Anonymous questions have no region and are counted only in the module's own tables.
 */
@Component
public class ConsultationFacts implements FactSource {

  public static final String QUESTIONS = "consultation.questions";
  public static final String BELOW_FLOOR = "consultation.below-floor";
  public static final String RATED = "consultation.rated";
  public static final String RATING_SUM = "consultation.rating-sum";
  public static final String TICKETS = "consultation.tickets";
  public static final String ON_TIME = "consultation.tickets-on-time";
  public static final String SATISFIED = "consultation.satisfaction-count";
  public static final String SATISFACTION_SUM = "consultation.satisfaction-sum";
  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  private final JdbcTemplate jdbc;
  private final IndicatorManagement indicators;

  ConsultationFacts(JdbcTemplate jdbc, IndicatorManagement indicators) {
    this.jdbc = jdbc;
    this.indicators = indicators;
  }

  static YearMonth thisMonth() {
    return YearMonth.now(CHINA);
  }

  /** A question recorded: counted when the asker's region is known. */
  public void asked(RegionCode region, boolean belowFloor) {
    var month = thisMonth();
    indicators.record(belowFloor
        ? List.of(new FactChange(QUESTIONS, region, month, 1), new FactChange(BELOW_FLOOR, region, month, 1))
        : List.of(new FactChange(QUESTIONS, region, month, 1)));
  }

  /** An answer rated, in the month the question was asked. */
  public void rated(RegionCode region, YearMonth asked, int rating) {
    indicators.record(List.of(new FactChange(RATED, region, asked, 1), new FactChange(RATING_SUM, region, asked, rating)));
  }

  public void ticketOpened(RegionCode region) {
    indicators.record(List.of(new FactChange(TICKETS, region, thisMonth(), 1)));
  }

  /** A reply to a ticket opened in {@code opened}: on time when given on or before the due date. */
  public void ticketReplied(RegionCode region, YearMonth opened, boolean onTime) {
    if (onTime) indicators.record(List.of(new FactChange(ON_TIME, region, opened, 1)));
  }

  public void ticketRated(RegionCode region, YearMonth opened, int satisfaction) {
    indicators.record(List.of(new FactChange(SATISFIED, region, opened, 1),
        new FactChange(SATISFACTION_SUM, region, opened, satisfaction)));
  }

  @Override
  public void currentFacts(Consumer<FactChange> out) {
    jdbc.query("""
            select region_code, date_trunc('month', created_at at time zone 'Asia/Shanghai')::date, count(*),
              count(*) filter (where offered_person), count(rating), coalesce(sum(rating), 0)
            from consultation.conversation where region_code is not null group by 1, 2""",
        (RowCallbackHandler) rs -> {
          var region = RegionCode.of(rs.getString(1));
          var month = YearMonth.from(rs.getObject(2, LocalDate.class));
          emit(out, QUESTIONS, region, month, rs.getLong(3));
          emit(out, BELOW_FLOOR, region, month, rs.getLong(4));
          emit(out, RATED, region, month, rs.getLong(5));
          emit(out, RATING_SUM, region, month, rs.getLong(6));
        });
    jdbc.query("""
            select region_code, date_trunc('month', created_at at time zone 'Asia/Shanghai')::date, count(*),
              count(*) filter (where replied_at is not null
                and (replied_at at time zone 'Asia/Shanghai')::date <= first_due),
              count(satisfaction), coalesce(sum(satisfaction), 0)
            from consultation.ticket group by 1, 2""",
        (RowCallbackHandler) rs -> {
          var region = RegionCode.of(rs.getString(1));
          var month = YearMonth.from(rs.getObject(2, LocalDate.class));
          emit(out, TICKETS, region, month, rs.getLong(3));
          emit(out, ON_TIME, region, month, rs.getLong(4));
          emit(out, SATISFIED, region, month, rs.getLong(5));
          emit(out, SATISFACTION_SUM, region, month, rs.getLong(6));
        });
  }

  private static void emit(Consumer<FactChange> out, String fact, RegionCode region, YearMonth month, long value) {
    if (value != 0) out.accept(new FactChange(fact, region, month, value));
  }
}
