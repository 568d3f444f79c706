package org.tongban.consultation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.tongban.consultation.internal.KnowledgeBase;
import org.tongban.consultation.internal.Retrieval;
import org.tongban.shared.Refusal;

/**
 * Answers a question by quoting the knowledge base: the articles that answer it (law, 第N条, the text), the service
 * items to apply for, and a confidence; below the floor the resident is offered a person instead of a guess. Nothing
 * is generated: every sentence shown is a source's own.
 */
@Service
public class Consultation {

  /** At most this many characters are read from a question. */
  public static final int MAX_LENGTH = 2000;
  private static final Pattern ID_NUMBER = Pattern.compile("(?<![0-9])([1-9][0-9]{5})[0-9]{8}([0-9]{3}[0-9Xx])(?![0-9])");
  private static final Pattern HAS_TEXT = Pattern.compile("[\\p{IsHan}\\p{L}\\p{N}]");

  /** One article or guide shown as a source, with how strongly it matched. */
  public record Source(String id, Passage.Kind kind, String law, @Nullable String article, @Nullable String chapter,
                       String text, @Nullable String date, double score) {}

  /** A service item to apply for. */
  public record ItemLink(String code, String name, String link) {}

  public record Answer(String question, List<Source> passages, List<ItemLink> items, double confidence,
                       boolean offerPerson, String method) {}

  private final Retrieval retrieval;
  private final KnowledgeBase knowledge;
  private final ConsultationSettings settings;

  Consultation(Retrieval retrieval, KnowledgeBase knowledge, ConsultationSettings settings) {
    this.retrieval = retrieval;
    this.knowledge = knowledge;
    this.settings = settings;
  }

  /** The question with every ID number masked (kept as 110101********1234): what is stored and logged. */
  public static String masked(String question) {
    return ID_NUMBER.matcher(question).replaceAll("$1********$2");
  }

  /** The ranked sources for a question, with the items they lead to. Refuses empty, huge or text-less questions. */
  public Answer answer(@Nullable String question) {
    String q = checked(question);
    var hits = retrieval.search(q, 20);
    var laws = new ArrayList<Source>();
    var items = new LinkedHashMap<String, ItemLink>();
    for (var h : hits) {
      var p = h.passage();
      if (p.kind() == Passage.Kind.ITEM) {
        if (items.size() < 2 && p.itemCode() != null) item(p.itemCode()).ifPresent(i -> items.putIfAbsent(i.code(), i));
      } else if (laws.size() < 5) {
        laws.add(new Source(p.id(), p.kind(), p.source(), p.label(), p.chapter(), p.text(), p.date(), h.score()));
      }
    }
    // The items whose 设定依据 cites one of the top articles.
    for (var s : laws.subList(0, Math.min(3, laws.size()))) {
      if (s.kind() != Passage.Kind.LAW) continue;
      for (var code : knowledge.itemsFoundedOn(s.law(), s.article())) {
        if (items.size() >= 3) break;
        item(code).ifPresent(i -> items.putIfAbsent(i.code(), i));
      }
    }
    double confidence = retrieval.confidence(q, hits);
    return new Answer(masked(q), List.copyOf(laws), List.copyOf(items.values()).subList(0, Math.min(3, items.size())),
        confidence, confidence < settings.confidenceFloor(), retrieval.method());
  }

  private java.util.Optional<ItemLink> item(String code) {
    var name = knowledge.itemName(code);
    return name == null ? java.util.Optional.empty() : java.util.Optional.of(new ItemLink(code, name, "/services/" + code));
  }

  static String checked(@Nullable String question) {
    if (question == null || question.isBlank()) throw new InvalidQuestion("empty");
    if (question.length() > MAX_LENGTH) throw new InvalidQuestion("too-long");
    if (!HAS_TEXT.matcher(question).find()) throw new InvalidQuestion("no-text");
    return question.strip();
  }

  /** A question that cannot be answered as typed: empty, longer than 2,000 characters, or without any words. */
  public static final class InvalidQuestion extends Refusal {
    public InvalidQuestion(String why) {
      super("consultation.invalid-question", 400, why);
    }
  }

  /** Whether the knowledge base has finished computing the embeddings (until then answers use BM25 alone). */
  public boolean ready() {
    return retrieval.method().equals("hybrid");
  }
}
