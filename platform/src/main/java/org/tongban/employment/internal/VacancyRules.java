package org.tongban.employment.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a vacancy may not say or ask (employment/vacancy-rules.json): discriminatory requirements and fees, each word
 * with the rule and the article it comes from.
 */
@Component
public class VacancyRules {

  /** A word found, the rule it breaks and the article that says so. */
  public record Hit(String rule, String word, String basis) {}

  private record Rule(String code, String basis, List<String> words) {}

  private final List<Rule> rules = new ArrayList<>();

  VacancyRules(JsonMapper json) {
    try (InputStream in = new ClassPathResource("employment/vacancy-rules.json").getInputStream()) {
      for (var r : json.readTree(in).path("rules")) {
        var words = new ArrayList<String>();
        r.path("words").forEach(w -> words.add(w.asString()));
        rules.add(new Rule(r.path("code").asString(), r.path("basis").asString(), List.copyOf(words)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every rule the text breaks, once each, with the first word that showed it. */
  public List<Hit> check(String text) {
    String t = text.replaceAll("\\s+", "");
    var hits = new ArrayList<Hit>();
    for (var rule : rules) {
      rule.words().stream().filter(t::contains).findFirst()
          .ifPresent(word -> hits.add(new Hit(rule.code(), word, rule.basis())));
    }
    return hits;
  }
}
