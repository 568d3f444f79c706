package org.tongban.consultation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.tongban.access.Jurisdiction;
import org.tongban.access.Purpose;

/**
 * What the 12333 desk learns from its contacts, for staff, within their jurisdiction (by the asker's region): the
 * questions by topic and week, the questions answered below the confidence floor (gaps: one click writes an entry),
 * ratings, and ticket timeliness and satisfaction. The counts are also indicator facts (ConsultationFacts).
 */
@Service
public class Analytics {

  public record TopicWeek(LocalDate week, String topic, long questions, long belowFloor) {}

  public record Gap(Instant at, String question, String channel, double confidence) {}

  public record Summary(long questions, long belowFloor, long rated, double averageRating, long tickets, long answered,
                        long onTime, long satisfied, double averageSatisfaction) {}

  private final JdbcClient jdbc;
  private final Jurisdiction jurisdiction;

  Analytics(JdbcClient jdbc, Jurisdiction jurisdiction) {
    this.jdbc = jdbc;
    this.jurisdiction = jurisdiction;
  }

  private String[] patterns() {
    return jurisdiction.filter(Purpose.VIEW, null).patterns();
  }

  /** The topics asked most in each of the last {@code weeks} weeks (ten per week). */
  public List<TopicWeek> hotTopics(int weeks) {
    int w = Math.max(1, Math.min(weeks, 26));
    return jdbc.sql("""
            with counted as (
              select date_trunc('week', created_at at time zone 'Asia/Shanghai')::date week, coalesce(topic, '—') topic,
                count(*) questions, count(*) filter (where offered_person) below
              from consultation.conversation
              where region_code like any(?) and created_at > now() - make_interval(weeks => ?)
              group by 1, 2)
            select week, topic, questions, below from (
              select counted.*, row_number() over (partition by week order by questions desc) n from counted) t
            where n <= 10 order by week desc, questions desc""")
        .params(patterns(), w)
        .query((rs, i) -> new TopicWeek(rs.getObject(1, LocalDate.class), rs.getString(2), rs.getLong(3), rs.getLong(4)))
        .list();
  }

  /** The latest questions answered below the floor: what the knowledge base is missing. */
  public List<Gap> gaps(int limit) {
    return jdbc.sql("select created_at, question, channel, confidence from consultation.conversation"
            + " where offered_person and region_code like any(?) order by created_at desc limit ?")
        .params(patterns(), Math.max(1, Math.min(limit, 100)))
        .query((rs, i) -> new Gap(rs.getTimestamp(1).toInstant(), rs.getString(2), rs.getString(3), rs.getFloat(4)))
        .list();
  }

  /** Totals over the last {@code days} days. */
  public Summary summary(int days) {
    int d = Math.max(1, Math.min(days, 366));
    var c = jdbc.sql("select count(*), count(*) filter (where offered_person), count(rating), coalesce(avg(rating), 0)"
            + " from consultation.conversation where region_code like any(?) and created_at > now() - make_interval(days => ?)")
        .params(patterns(), d).query((rs, i) -> new double[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getDouble(4)})
        .single();
    var t = jdbc.sql("select count(*), count(replied_at), count(*) filter (where replied_at is not null and"
            + " (replied_at at time zone 'Asia/Shanghai')::date <= first_due), count(satisfaction),"
            + " coalesce(avg(satisfaction), 0) from consultation.ticket where region_code like any(?)"
            + " and created_at > now() - make_interval(days => ?)")
        .params(patterns(), d).query((rs, i) -> new double[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
            rs.getDouble(5)})
        .single();
    return new Summary((long) c[0], (long) c[1], (long) c[2], Math.round(c[3] * 100) / 100.0, (long) t[0], (long) t[1],
        (long) t[2], (long) t[3], Math.round(t[4] * 100) / 100.0);
  }
}
