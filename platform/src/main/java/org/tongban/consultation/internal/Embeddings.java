package org.tongban.consultation.internal;

import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Sentence embeddings by BAAI's bge-small-zh-v1.5 (quantised ONNX shipped inside the langchain4j artifact), computed
 * in this process. Passages are embedded once per text and kept in PostgreSQL, so a restart only embeds what
 * changed; questions carry the model's retrieval instruction. Vectors are unit length: the dot product is the cosine.
 */
@Component
class Embeddings {

  static final String MODEL = "bge-small-zh-v1.5-q";
  /** bge's instruction for short queries looking for passages (from the model card). */
  private static final String QUERY_INSTRUCTION = "为这个句子生成表示以用于检索相关文章：";

  private final JdbcClient jdbc;
  private volatile @Nullable EmbeddingModel model;

  Embeddings(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  private EmbeddingModel model() {
    var m = model;
    if (m == null) {
      synchronized (this) {
        if (model == null) model = new QuietBgeModel(inference);
        m = model;
      }
    }
    return m;
  }

  /**
   * The model runs on a few platform threads of its own: a request thread (virtual) waits for it parked, instead of
   * pinning one of the few carrier threads through a native call of 15–20 ms while other requests queue behind it.
   */
  private final java.util.concurrent.ExecutorService inference = java.util.concurrent.Executors.newFixedThreadPool(
      Math.max(1, Runtime.getRuntime().availableProcessors()), Thread.ofPlatform().name("embedding-", 0).daemon().factory());

  float[] query(String question) {
    var future = inference.submit(() -> unit(model().embed(QUERY_INSTRUCTION + question).content().vector()));
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  /** The vectors of {@code texts} in order: cached ones read, the others computed in batches and stored. */
  List<float[]> passages(List<String> texts) {
    var hashes = texts.stream().map(Embeddings::hash).toList();
    var cached = new HashMap<String, float[]>();
    for (int from = 0; from < hashes.size(); from += 1000) {
      var slice = hashes.subList(from, Math.min(hashes.size(), from + 1000));
      jdbc.sql("select text_hash, vector from consultation.embedding where model = ? and text_hash = any(?)")
          .params(MODEL, slice.toArray(String[]::new))
          .query((rs, i) -> {
            Float[] boxed = (Float[]) rs.getArray(2).getArray();
            float[] v = new float[boxed.length];
            for (int k = 0; k < v.length; k++) v[k] = boxed[k];
            cached.put(rs.getString(1), v);
            return 1;
          }).list();
    }
    var missing = new ArrayList<Integer>();
    for (int i = 0; i < texts.size(); i++) if (!cached.containsKey(hashes.get(i))) missing.add(i);
    for (int from = 0; from < missing.size(); from += 16) {
      var batch = missing.subList(from, Math.min(missing.size(), from + 16));
      var embedded = model().embedAll(batch.stream().map(i -> TextSegment.from(texts.get(i))).toList()).content();
      for (int k = 0; k < batch.size(); k++) {
        float[] v = unit(embedded.get(k).vector());
        String h = hashes.get(batch.get(k));
        cached.put(h, v);
        Float[] boxed = new Float[v.length];
        for (int j = 0; j < v.length; j++) boxed[j] = v[j];
        jdbc.sql("insert into consultation.embedding (text_hash, model, vector) values (?, ?, ?) on conflict do nothing")
            .params(h, MODEL, boxed).update();
      }
    }
    return hashes.stream().map(cached::get).toList();
  }

  static float[] unit(float[] v) {
    double norm = 0;
    for (float x : v) norm += x * x;
    norm = Math.sqrt(norm);
    if (norm == 0) return v;
    float[] out = new float[v.length];
    for (int i = 0; i < v.length; i++) out[i] = (float) (v[i] / norm);
    return out;
  }

  static String hash(String text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
