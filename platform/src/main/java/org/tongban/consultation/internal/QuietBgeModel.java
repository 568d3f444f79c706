package org.tongban.consultation.internal;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.onnx.AbstractInProcessEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.OnnxBertBiEncoder;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.Executor;

/**
 * bge-small-zh-v1.5 (the quantised ONNX model and tokenizer inside langchain4j's artifact, CLS pooling as langchain4j
 * uses it) in an ONNX session that computes each embedding on one thread and does not spin waiting for work: with two
 * cores shared by the web server, the database and the model, the default session's spinning intra-op threads made
 * every answer wait for the others (bench/consultation.sh). Parallelism comes from running several embeddings at once.
 */
final class QuietBgeModel extends AbstractInProcessEmbeddingModel {

  private final OnnxBertBiEncoder encoder;

  QuietBgeModel(Executor batches) {
    super(batches);
    var loader = QuietBgeModel.class.getClassLoader();
    try (InputStream model = loader.getResourceAsStream("bge-small-zh-v1.5-q.onnx");
         InputStream tokenizer = loader.getResourceAsStream("bge-small-zh-v1.5-q-tokenizer.json")) {
      if (model == null || tokenizer == null) throw new IllegalStateException("bge-small-zh-v1.5-q is not on the class path");
      var environment = OrtEnvironment.getEnvironment();
      var options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(1);
      options.setInterOpNumThreads(1);
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      options.addConfigEntry("session.inter_op.allow_spinning", "0");
      var session = environment.createSession(model.readAllBytes(), options);
      this.encoder = new OnnxBertBiEncoder(environment, session, tokenizer, PoolingMode.CLS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected OnnxBertBiEncoder model() {
    return encoder;
  }

  @Override
  protected Integer knownDimension() {
    return 512;
  }
}
