package org.tongban.consultation;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.tongban.access.Callers;
import org.tongban.audit.AuditTrail;
import org.tongban.consultation.internal.LawTexts;
import org.tongban.shared.Refusal;

/**
 * Further law texts an operator imports (a new regulation, a province's rules), in the data folder's layout: named
 * "简称(yyyy-MM-dd).txt", the title on its first line, one article per "第N条" line. The name is a key, never a path.
 * A text imported again under the same name replaces the earlier one; each rebuilds the knowledge base.
 */
@Service
@Transactional(readOnly = true)
public class ImportedTexts {

  /** At most 2 MB of text (the longest law in the folder is under 200 KB). */
  static final int MAX_CHARS = 2_000_000;

  public record Imported(String fileName, int articles) {}

  private final JdbcClient jdbc;
  private final Callers callers;
  private final AuditTrail audit;
  private final ApplicationEventPublisher events;

  ImportedTexts(JdbcClient jdbc, Callers callers, AuditTrail audit, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.callers = callers;
    this.audit = audit;
    this.events = events;
  }

  @Transactional
  public Imported importText(@Nullable String fileName, @Nullable String content) {
    if (!callers.current().has("ADMIN")) throw new InvalidText("role");
    if (fileName == null || !fileName.matches("[\\p{IsHan}A-Za-z0-9（）()《》·、]{2,80}\\(\\d{4}-\\d{2}-\\d{2}\\)\\.txt")) {
      throw new InvalidText("fileName");
    }
    if (content == null || content.isBlank() || content.length() > MAX_CHARS) throw new InvalidText("content");
    var articles = LawTexts.parse(fileName, content);
    if (articles.isEmpty()) throw new InvalidText("articles");
    jdbc.sql("""
            insert into consultation.imported_text (file_name, content, articles, imported_by) values (?, ?, ?, ?)
            on conflict (file_name) do update set content = excluded.content, articles = excluded.articles,
              imported_by = excluded.imported_by, imported_at = now()""")
        .params(fileName, content, articles.size(), callers.current().name()).update();
    audit.record("consultation.text-imported", "text", fileName, null, Map.of("articles", String.valueOf(articles.size())));
    events.publishEvent(new Entries.EntriesChanged(fileName));
    return new Imported(fileName, articles.size());
  }

  /** Every imported text's articles. */
  public List<Passage> passages() {
    return jdbc.sql("select file_name, content from consultation.imported_text order by file_name")
        .query((rs, i) -> LawTexts.parse(rs.getString(1), rs.getString(2))).list().stream()
        .flatMap(List::stream).toList();
  }

  /** A text that cannot be imported: by whom (administrators only), its name, its size, or no article found. */
  public static final class InvalidText extends Refusal {
    public InvalidText(String why) {
      super("consultation.invalid-text", 400, why);
    }
  }
}
