package org.tongban.employment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The major groups (大类) of the 2022 national occupational classification, with their source, read from
 * {@code employment/occupation-groups.json}. Vacancies and seekers carry one: picked by whoever types the occupation,
 * or found from its everyday name; what no word places is counted under 8 (不便分类的其他从业人员).
 */
@Component
public class OccupationGroups {

  /** One major group: its code 1–8, its names. */
  public record Group(int code, String name, String nameEn) {

    public String name(Locale locale) {
      return "en".equals(locale.getLanguage()) ? nameEn : name;
    }
  }

  private record Entry(Group group, List<String> words) {}

  public static final int OTHER = 8;

  private final List<Entry> entries = new ArrayList<>();
  private final String source;

  OccupationGroups(JsonMapper json) {
    try (InputStream in = new ClassPathResource("employment/occupation-groups.json").getInputStream()) {
      var root = json.readTree(in);
      source = root.path("source").asString();
      for (var g : root.path("groups")) {
        var words = new ArrayList<String>();
        g.path("words").forEach(w -> words.add(w.asString()));
        entries.add(new Entry(new Group(g.path("code").asInt(), g.path("name").asString(), g.path("nameEn").asString()),
            List.copyOf(words)));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public List<Group> all() {
    return entries.stream().map(Entry::group).toList();
  }

  public String source() {
    return source;
  }

  public Group get(int code) {
    return entries.stream().map(Entry::group).filter(g -> g.code() == code).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("occupation group " + code));
  }

  /** The group picked, when it is one of 1–8; otherwise the group the occupation's words place it in. */
  public int resolve(@Nullable Integer picked, String occupation) {
    if (picked != null && picked >= 1 && picked <= OTHER) return picked;
    for (var e : entries) {
      if (e.words().stream().anyMatch(occupation::contains)) return e.group().code();
    }
    return OTHER;
  }
}
