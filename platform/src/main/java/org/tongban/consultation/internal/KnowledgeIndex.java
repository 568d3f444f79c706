package org.tongban.consultation.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tongban.consultation.Passage;

/**
 * The passages in memory with two indexes over them: Lucene BM25 on smartcn words (with a stop list of the particles,
 * pronouns and question words of spoken Chinese, which otherwise match every article), and the passages' sentence
 * embeddings. Immutable once built; the knowledge base swaps in a new one when the sources change.
 */
final class KnowledgeIndex {

  private static final Logger log = LoggerFactory.getLogger(KnowledgeIndex.class);

  static Analyzer analyzer() {
    var stop = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), false);
    stop.addAll(org.tongban.shared.ChineseStopWords.WORDS);
    return new SmartChineseAnalyzer(stop);
  }

  record Hit(Passage passage, double score, double bm25, double dense, int bm25Rank, int denseRank) {}

  enum Method { BM25, DENSE, HYBRID }

  private final List<Passage> passages;
  private final IndexSearcher searcher;
  private final Analyzer analyzer;
  private final float @Nullable [][] vectors;

  private KnowledgeIndex(List<Passage> passages, IndexSearcher searcher, Analyzer analyzer,
                         float @Nullable [][] vectors) {
    this.passages = passages;
    this.searcher = searcher;
    this.analyzer = analyzer;
    this.vectors = vectors;
  }

  static KnowledgeIndex build(List<Passage> passages, @Nullable List<float[]> vectors) {
    var analyzer = analyzer();
    var directory = new ByteBuffersDirectory();
    try (var writer = new IndexWriter(directory, new IndexWriterConfig(analyzer))) {
      for (int i = 0; i < passages.size(); i++) {
        var p = passages.get(i);
        var doc = new Document();
        doc.add(new StoredField("n", i));
        doc.add(new TextField("text", p.text(), Field.Store.NO));
        doc.add(new TextField("title", p.source() + " " + (p.chapter() == null ? "" : p.chapter()), Field.Store.NO));
        writer.addDocument(doc);
      }
      writer.commit();
      long bytes = 0;
      for (String file : directory.listAll()) bytes += directory.fileLength(file);
      log.info("Knowledge index: {} passages, Lucene {} KB, vectors {} KB", passages.size(), bytes / 1024,
          vectors == null ? 0 : (long) vectors.size() * 512 * 4 / 1024);
      return new KnowledgeIndex(List.copyOf(passages), new IndexSearcher(DirectoryReader.open(writer)), analyzer,
          vectors == null ? null : vectors.toArray(float[][]::new));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<Passage> passages() {
    return passages;
  }

  boolean dense() {
    return vectors != null;
  }

  /** The words of {@code text} as the index sees them (stop words removed). */
  List<String> words(String text) {
    var words = new LinkedHashSet<String>();
    try (var stream = analyzer.tokenStream("text", new StringReader(text))) {
      var term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken()) words.add(term.toString());
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(words);
  }

  /**
   * The best {@code k} passages for {@code text} ({@code query} its embedding, null for BM25 only). The hybrid adds
   * the dense cosine to the BM25 score scaled by the best BM25 score of the question, weighted {@code bm25Weight}:
   * plain rank fusion let poor lexical hits pull good dense hits down.
   */
  List<Hit> search(String text, float @Nullable [] query, Method method, int k, double bm25Weight) {
    var bm25 = new HashMap<Integer, double[]>(); // n -> score, rank
    if (method != Method.DENSE) {
      var builder = new BooleanQuery.Builder();
      for (String w : words(text)) {
        builder.add(new TermQuery(new Term("text", w)), Occur.SHOULD);
        builder.add(new BoostQuery(new TermQuery(new Term("title", w)), 0.3f), Occur.SHOULD);
      }
      try {
        var top = searcher.search(builder.build(), 100);
        int rank = 0;
        for (var sd : top.scoreDocs) {
          int n = searcher.storedFields().document(sd.doc).getField("n").numericValue().intValue();
          bm25.put(n, new double[] {sd.score, ++rank});
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    var dense = new HashMap<Integer, double[]>();
    if (method != Method.BM25 && vectors != null && query != null) {
      var scores = new double[vectors.length];
      for (int i = 0; i < vectors.length; i++) {
        double dot = 0;
        float[] v = vectors[i];
        for (int j = 0; j < v.length; j++) dot += v[j] * query[j];
        scores[i] = dot;
      }
      var order = java.util.stream.IntStream.range(0, scores.length).boxed()
          .sorted(Comparator.comparingDouble(i -> -scores[i])).limit(400).toList();
      int rank = 0;
      for (int i : order) dense.put(i, new double[] {scores[i], ++rank});
    }
    double maxBm25 = bm25.values().stream().mapToDouble(s -> s[0]).max().orElse(1);
    var candidates = new LinkedHashSet<Integer>();
    candidates.addAll(dense.keySet());
    candidates.addAll(bm25.keySet());
    var hits = new ArrayList<Hit>();
    for (int n : candidates) {
      double[] b = bm25.get(n);
      double[] d = dense.get(n);
      double bs = b == null ? 0 : b[0] / maxBm25;
      double ds = d == null ? 0 : d[0];
      double score = switch (method) {
        case BM25 -> bs;
        case DENSE -> ds;
        case HYBRID -> ds + bm25Weight * bs;
      };
      hits.add(new Hit(passages.get(n), score, b == null ? 0 : b[0], ds, b == null ? 0 : (int) b[1],
          d == null ? 0 : (int) d[1]));
    }
    hits.sort(Comparator.comparingDouble(h -> -h.score()));
    return List.copyOf(hits.subList(0, Math.min(k, hits.size())));
  }

  /** The law folder chosen: the setting, else the shared data folder beside the checkout when it exists. */
  static @Nullable Path lawsDir(@Nullable Path configured) {
    if (configured != null) return configured;
    return Stream.of("../shared/data/policy_texts/laws", "../../shared/data/policy_texts/laws").map(Path::of)
        .filter(Files::isDirectory).findFirst().orElse(null);
  }

  static void logBuilt(int passages, boolean dense, long millis) {
    log.info("Knowledge base built: {} passages, embeddings {}, in {} ms", passages, dense ? "on" : "off", millis);
  }
}
