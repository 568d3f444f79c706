package org.tongban.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.tongban.Eventually;
import org.tongban.consultation.internal.Retrieval;
import org.tongban.consultation.internal.Retrieval.Method;

/**
 * The retrieval floor (#15.7): {@code consultation/questions.tsv} holds resident-style questions with the articles
 * that answer them; top-1/3/5 hit rates over law articles for BM25 alone, the embeddings alone and the hybrid are
 * written to {@code target/consultation-evaluation.txt}, and the hybrid must stay at or above the floor measured when
 * the set was written.
 */
@SpringBootTest
@Tag("persistence")
class RetrievalEvaluationTests {

  /** Three points under the hybrid's top-3 rate measured when the set was written (85.7 %, BENCHMARKS.md). */
  static final double HYBRID_TOP3_FLOOR = 0.82;

  @Autowired Retrieval retrieval;

  record Question(String text, Set<String> answers) {}

  static List<Question> questions() throws IOException {
    try (InputStream in = RetrievalEvaluationTests.class.getResourceAsStream("/consultation/questions.tsv")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .map(l -> l.split("\t"))
          .map(p -> new Question(p[0], Set.copyOf(Arrays.asList(p[1].split(",")))))
          .toList();
    }
  }

  /** Rank (1-based) of the first answering article among law passages, 0 when not in the top 10. */
  int rank(Question q, Method method, double weight) {
    var hits = retrieval.search(q.text(), method, 40, weight).stream()
        .filter(h -> h.passage().kind() == Passage.Kind.LAW).limit(10).toList();
    for (int i = 0; i < hits.size(); i++) if (q.answers().contains(hits.get(i).passage().id())) return i + 1;
    return 0;
  }

  @Test
  void hitRatesOfTheThreeMethodsOnTheQuestionSet() throws IOException {
    Eventually.until("the knowledge base's embeddings", Duration.ofMinutes(15), retrieval::dense);
    var questions = questions();
    assertThat(questions).hasSizeGreaterThanOrEqualTo(150);
    var report = new StringBuilder("question set: " + questions.size() + " questions, " + retrieval.size()
        + " passages\nmethod\ttop1\ttop3\ttop5\n");
    var results = new LinkedHashMap<String, double[]>();
    var runs = new LinkedHashMap<String, Object[]>();
    runs.put("bm25", new Object[] {Method.BM25, 0.0});
    runs.put("dense", new Object[] {Method.DENSE, 0.0});
    runs.put("hybrid", new Object[] {Method.HYBRID, Retrieval.BM25_WEIGHT});
    var misses = new ArrayList<String>();
    for (var run : runs.entrySet()) {
      int[] within = new int[6];
      for (var q : questions) {
        int r = rank(q, (Method) run.getValue()[0], (Double) run.getValue()[1]);
        if (r > 0) for (int k = r; k <= 5; k++) within[k]++;
        if (run.getKey().equals("hybrid") && (r == 0 || r > 3)) misses.add(q.text() + " → " + q.answers());
      }
      double n = questions.size();
      results.put(run.getKey(), new double[] {within[1] / n, within[3] / n, within[5] / n});
      report.append(run.getKey()).append('\t').append(Arrays.stream(new double[] {within[1] / n, within[3] / n,
          within[5] / n}).mapToObj(v -> String.format("%.1f%%", v * 100)).collect(Collectors.joining("\t"))).append('\n');
    }
    // The confidence floor: answerable questions above it, questions outside the base below it.
    double floor = new org.tongban.consultation.ConsultationSettings(null, null).confidenceFloor();
    long confident = questions.stream().filter(q -> retrieval.confidence(q.text(), retrieval.search(q.text(), 20))
        >= floor).count();
    List<String> offTopic;
    try (InputStream in = RetrievalEvaluationTests.class.getResourceAsStream("/consultation/offtopic.txt")) {
      offTopic = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
    }
    var wronglyConfident = offTopic.stream().filter(q -> retrieval.confidence(q, retrieval.search(q, 20)) >= floor)
        .toList();
    report.append(String.format("%nconfidence floor %.2f: %d of %d answerable questions above it; %d of %d questions"
        + " outside the base below it%s%n", floor, confident, questions.size(), offTopic.size() - wronglyConfident.size(),
        offTopic.size(), wronglyConfident.isEmpty() ? "" : " (above: " + wronglyConfident + ")"));
    report.append("\nnot in the hybrid's top 3:\n").append(String.join("\n", misses)).append('\n');
    Files.writeString(Path.of("target/consultation-evaluation.txt"), report);
    System.out.println(report);
    double hybrid = results.get("hybrid")[1];
    assertThat(hybrid).as(report.toString()).isGreaterThanOrEqualTo(HYBRID_TOP3_FLOOR);
    assertThat(hybrid).isGreaterThanOrEqualTo(results.get("bm25")[1]);
    // Measured: 146 of 168 above the floor, 17 of 20 outside the base below it.
    assertThat((double) confident / questions.size()).as(report.toString()).isGreaterThanOrEqualTo(0.80);
    assertThat((double) (offTopic.size() - wronglyConfident.size()) / offTopic.size()).isGreaterThanOrEqualTo(0.75);
  }
}
