package org.tongban.consultation.internal;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.tongban.consultation.Passage;

/**
 * Hybrid retrieval over the knowledge base: BM25 over the question expanded with the meanings of its everyday words
 * (失业金 → 失业保险金), and the embedding of the question as asked (the expansion made the dense side worse), fused by
 * score. Before the embeddings are ready, BM25 alone.
 */
@Component
public class Retrieval {

  /**
   * How much the BM25 score (scaled to the question's best) adds to the cosine; chosen on the question set
   * (BENCHMARKS.md, "12333 retrieval": 0.035–0.07 within a point of each other, 0.15 and more let lexical hits drag).
   */
  public static final double BM25_WEIGHT = 0.05;

  public record Hit(Passage passage, double score, double bm25, double dense) {}

  public enum Method { BM25, DENSE, HYBRID }

  private final KnowledgeBase knowledge;

  Retrieval(KnowledgeBase knowledge) {
    this.knowledge = knowledge;
  }

  /** "hybrid" once the embeddings are in, "bm25" before. */
  public String method() {
    return knowledge.index().dense() ? "hybrid" : "bm25";
  }

  public List<Hit> search(String question, int k) {
    return search(question, knowledge.index().dense() ? Method.HYBRID : Method.BM25, k, BM25_WEIGHT);
  }

  /** One method on its own (for the evaluation), or the hybrid with a chosen weight. */
  public List<Hit> search(String question, Method method, int k, double bm25Weight) {
    var index = knowledge.index();
    String expanded = knowledge.expand(question);
    float @Nullable [] vector = method == Method.BM25 || !index.dense() ? null : knowledge.embedQuestion(question);
    var today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"));
    return index.search(expanded, vector, KnowledgeIndex.Method.valueOf(method.name()), k, bm25Weight).stream()
        .filter(h -> knowledge.shown(h.passage(), today))
        .map(h -> new Hit(h.passage(), h.score(), h.bm25(), h.dense())).toList();
  }

  /**
   * How sure the answer is, 0–1: from the best passage's cosine with the embeddings (0.45 or less → 0, 0.75 or more
   * → 1), else the share of the question's words found in the best passage.
   */
  public double confidence(String question, List<Hit> hits) {
    if (hits.isEmpty()) return 0;
    var index = knowledge.index();
    var best = hits.getFirst();
    if (index.dense()) {
      return Math.max(0, Math.min(1, (best.dense() - 0.45) / 0.30));
    }
    var words = index.words(knowledge.expand(question));
    if (words.isEmpty()) return 0;
    String text = best.passage().text();
    return (double) words.stream().filter(text::contains).count() / words.size();
  }

  /** Whether the embeddings are in. */
  public boolean dense() {
    return knowledge.index().dense();
  }

  public int size() {
    return knowledge.index().passages().size();
  }
}
