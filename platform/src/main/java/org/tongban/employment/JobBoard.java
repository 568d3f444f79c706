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

  /** Open vacancies (not past their closing date) matching every word, within {@code region}, paying at least. */
  public ResultPage<Vacancy> search(@Nullable String q, @Nullable RegionCode region, @Nullable Integer minPayCents,
                                    int page, int size) {
    int p = ResultPage.page(page);
    int s = ResultPage.size(size);
    var where = new StringBuilder(" where status = 'OPEN' and closing_date >= ?");
    var args = new ArrayList<Object>();
    args.add(Vacancies.today());
    if (region != null) {
      where.append(" and region_code like ?");
      args.add(region.prefix() + "%");
    }
    if (minPayCents != null && minPayCents > 0) {
      where.append(" and pay_max_cents >= ?");
      args.add(minPayCents);
    }
    if (q != null && !q.isBlank()) {
      var words = q.strip().split("\\s+");
      var narrowing = new ArrayList<String>();
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
      if (!narrowing.isEmpty()) {
        where.append(" and search @@ cast(? as tsquery)");
        args.add(String.join(" & ", narrowing));
      }
    }
    long total = jdbc.sql("select count(*) from employment.vacancy" + where).params(args).query(Long.class).single();
    args.add(p * s);
    args.add(s);
    var items = jdbc.sql("select " + Vacancies.COLUMNS + " from employment.vacancy" + where
        + " order by created_at desc, id offset ? limit ?").params(args).query(Vacancies::map).list();
    return new ResultPage<>(items, p, s, total);
  }

  /** One open vacancy, for anyone; a suspended or closed one is not on the board. */
  public Optional<Vacancy> open(UUID id) {
    return jdbc.sql("select " + Vacancies.COLUMNS + " from employment.vacancy where id = ? and status = 'OPEN'"
        + " and closing_date >= ?").params(id, Vacancies.today()).query(Vacancies::map).optional();
  }
}
