package org.tongban.employment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.shared.RegionCode;
import org.tongban.shared.RegionLevel;
import org.tongban.shared.ResultPage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public job board: open vacancies, searched in the words people use ("开叉车", "月嫂": employment/job-words.json
 * turns them into the words vacancies use), by place and pay. Every word must match the title, occupation, employer or
 * requirements.
 */
@Service
@Transactional(readOnly = true)
public class JobBoard {

  /** At most this many words of a query count. */
  static final int MAX_WORDS = 6;

  private final JdbcClient jdbc;
  private final Map<String, List<String>> everyday = new LinkedHashMap<>();

  JobBoard(JdbcClient jdbc, JsonMapper json) {
    this.jdbc = jdbc;
    try (InputStream in = new ClassPathResource("employment/job-words.json").getInputStream()) {
      json.readTree(in).path("words").properties().forEach(e -> {
        var words = new ArrayList<String>();
        e.getValue().forEach(w -> words.add(w.asString()));
        everyday.put(e.getKey(), List.copyOf(words));
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What a query word is searched as: the words of every everyday phrase it contains, or itself. */
  public Set<String> meanings(String word) {
    var alternatives = new LinkedHashSet<String>();
    everyday.forEach((phrase, words) -> {
      if (word.contains(phrase)) alternatives.addAll(words);
    });
    if (alternatives.isEmpty()) alternatives.add(word);
    return alternatives;
  }

  /**
   * A word's character pairs as tsquery text, each pair quoted so that it is taken as it is (as employment.bigrams
   * stores them); empty for a word of one character.
   */
  static String bigramQuery(String word) {
    String w = word.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
    var pairs = new java.util.LinkedHashSet<String>();
    for (int i = 0; i + 2 <= w.length(); i++) pairs.add(w.substring(i, i + 2));
    return pairs.stream().map(p -> "'" + p.replace("\\", "\\\\").replace("'", "''") + "'")
        .collect(java.util.stream.Collectors.joining(" & "));
  }

  /** A page never counts more than this many matches exactly: beyond it the board says "more than 100". */
  public static final int TOTAL_CAP = 100;
  /** The map spreads at most this many of the newest matches over the regions. */
  public static final int SPREAD_CAP = 5000;
  /** How many of the newest open vacancies of the area are looked at first. */
  static final int WINDOW = 2000;

  /**
   * A search's conditions: {@code where} checks everything exactly; {@code index} is the tsquery of the character
   * pairs, region and pay tokens that narrows it in the index (null when there is nothing to narrow by).
   */
  private record Filter(String where, List<Object> args, @Nullable String index) {

    String whereIndexed() {
      return index == null ? where : where + " and search @@ cast(? as tsquery)";
    }

    List<Object> argsIndexed() {
      if (index == null) return args;
      var all = new ArrayList<>(args);
      all.add(index);
      return all;
    }
  }

  private Filter filter(@Nullable String q, @Nullable RegionCode region, @Nullable Integer minPayCents) {
    var where = new StringBuilder(" where status = 'OPEN' and closing_date >= ?");
    var args = new ArrayList<Object>();
    args.add(Vacancies.today());
    var narrowing = new ArrayList<String>();
    if (region != null) {
      where.append(" and region_code like ?");
      args.add(region.prefix() + "%");
      narrowing.add("'r:" + region.prefix() + "'");
    }
    if (minPayCents != null && minPayCents > 0) {
      where.append(" and pay_max_cents >= ?");
      args.add(minPayCents);
      int thousands = Math.min(minPayCents / 100_000, 50);
      if (thousands > 0) narrowing.add("'p:" + thousands + "'");
    }
    if (q != null && !q.isBlank()) {
      var words = q.strip().split("\\s+");
      for (int w = 0; w < Math.min(words.length, MAX_WORDS); w++) {
        var any = new ArrayList<String>();
        var pairs = new ArrayList<String>();
        for (String m : meanings(words[w])) {
          String like = "%" + m.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
          any.add("(title like ? or occupation like ? or unit_name like ? or requirements like ?)");
          for (int k = 0; k < 4; k++) args.add(like);
          pairs.add(bigramQuery(m));
        }
        where.append(" and (").append(String.join(" or ", any)).append(")");
        // The index narrows only when every meaning of the word has a character pair to look up.
        if (pairs.stream().allMatch(pair -> !pair.isEmpty())) narrowing.add("(" + String.join(" | ", pairs) + ")");
      }
    }
    return new Filter(where.toString(), args, narrowing.isEmpty() ? null : String.join(" & ", narrowing));
  }

  /**
   * Open vacancies (not past their closing date) matching every word, within {@code region}, paying at least, newest
   * first. The total is exact up to {@link #TOTAL_CAP} and {@code TOTAL_CAP + 1} beyond ("more than").
   *
   * <p>Two ways, chosen by what is found rather than by the planner's estimate (which cannot know that no cleaner's
   * vacancy pays 6,000, or that a word's matches are all recent): first the newest {@link #WINDOW} open vacancies of
   * the area searched (province, city or county) are filtered — a word in one vacancy of a hundred fills its first
   * pages there at once; when they do not hold enough, the index's intersection of
   * character pairs, region and pay tokens finds the few matches, without walking the newest-first index
   * (bench/jobs.sh measures both).
   */
  public ResultPage<Vacancy> search(@Nullable String q, @Nullable RegionCode region, @Nullable Integer minPayCents,
                                    int page, int size) {
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    var f = filter(q, region, minPayCents);
    int end = (p + 1) * s;
    if (end <= TOTAL_CAP) {
      // The newest of the area searched: its province, city or county (a township's or village's county), walked in
      // order (a bitmap and a sort of the whole area would cost more than the walk).
      int digits = region == null ? 0 : switch (region.level()) {
        case PROVINCE -> 2;
        case CITY -> 4;
        default -> 6;
      };
      var args = new ArrayList<Object>();
      if (digits > 0) args.add(region.value().substring(0, digits));
      args.addAll(f.args());
      jdbc.sql("set local enable_bitmapscan = off").update();
      var recent = jdbc.sql("select " + Vacancies.COLUMNS + " from (select " + Vacancies.COLUMNS + ", created_at"
              + " from employment.vacancy where status = 'OPEN'" + (digits > 0 ? " and left(region_code, " + digits
              + ") = ?" : "") + " order by created_at desc, id limit " + WINDOW + ") v"
              + f.where() + " order by created_at desc, id limit " + (TOTAL_CAP + 1))
          .params(args).query(Vacancies::map).list();
      jdbc.sql("set local enable_bitmapscan = on").update();
      if (recent.size() > end) {
        long total = recent.size() > TOTAL_CAP ? TOTAL_CAP + 1 : count(f);
        return new ResultPage<>(recent.subList(p * s, end), p, s, total);
      }
    }
    // Few matches among the newest: the index finds them all — a bitmap, never the newest-first walk (which reads
    // every vacancy looking for matches that are not there) nor a scan of the table (which the planner picks when it
    // overestimates a frequent token such as "pays 6,000 or more").
    bitmapOnly();
    var args = new ArrayList<>(f.argsIndexed());
    args.add(p * s);
    args.add(s);
    var items = jdbc.sql("select " + Vacancies.COLUMNS + " from employment.vacancy" + f.whereIndexed()
        + " order by created_at desc, id offset ? limit ?").params(args).query(Vacancies::map).list();
    if (p == 0 && items.size() < s) return new ResultPage<>(items, p, s, items.size());
    return new ResultPage<>(items, p, s, count(f));
  }

  private void bitmapOnly() {
    jdbc.sql("set local enable_indexscan = off").update();
    jdbc.sql("set local enable_seqscan = off").update();
    // A parallel bitmap scan costs ten times a plain one here (workers to start, a shared bitmap): bench/jobs.sh.
    jdbc.sql("set local max_parallel_workers_per_gather = 0").update();
  }

  /** Matches counted up to the cap, through the index's bitmap (which stops reading rows at the cap). */
  private long count(Filter f) {
    bitmapOnly();
    return jdbc.sql("select count(*) from (select 1 from employment.vacancy" + f.whereIndexed() + " limit "
        + (TOTAL_CAP + 1) + ") m").params(f.argsIndexed()).query(Long.class).single();
  }

  /** Where the matches are: counts per region one level below the area shown; {@code capped}: of the newest only. */
  public record Spread(RegionLevel level, Map<RegionCode, Long> counts, boolean capped) {}

  /**
   * The matches of {@link #search} counted per city (no region, or a province) or per county (a city, or a county and
   * below), among the newest {@link #SPREAD_CAP}: what the board's map colours.
   */
  public Spread spread(@Nullable String q, @Nullable RegionCode region, @Nullable Integer minPayCents) {
    var level = region == null || region.level() == RegionLevel.PROVINCE ? RegionLevel.CITY : RegionLevel.COUNTY;
    int digits = level == RegionLevel.CITY ? 4 : 6;
    var f = filter(q, region, minPayCents);
    var counts = new java.util.LinkedHashMap<RegionCode, Long>();
    jdbc.sql("select rpad(left(region_code, " + digits + "), 12, '0'), count(*) from (select region_code"
            + " from employment.vacancy" + f.whereIndexed() + " order by created_at desc limit " + SPREAD_CAP + ") m"
            + " group by 1 order by 2 desc, 1")
        .params(f.argsIndexed()).query((java.sql.ResultSet rs) -> {
          counts.put(new RegionCode(rs.getString(1)), rs.getLong(2));
        });
    long sum = counts.values().stream().mapToLong(Long::longValue).sum();
    return new Spread(level, counts, sum >= SPREAD_CAP);
  }

  /** One open vacancy, for anyone; a suspended or closed one is not on the board. */
  public Optional<Vacancy> open(UUID id) {
    return jdbc.sql("select " + Vacancies.COLUMNS + " from employment.vacancy where id = ? and status = 'OPEN'"
        + " and closing_date >= ?").params(id, Vacancies.today()).query(Vacancies::map).optional();
  }
}
