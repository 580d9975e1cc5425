package io.newsrec.model.serve;

import io.newsrec.model.Recommender;
import io.newsrec.model.stream.InteractionSource;
import io.newsrec.model.stream.OnlineLearner;
import io.newsrec.model.stream.kinesis.KinesisInteractionSource;
import io.newsrec.model.train.HybridModelFactory;
import io.newsrec.model.train.ModelArtifact;
import io.newsrec.model.train.ModelFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code serve} entry point of the SageMaker inference contract. The wiring of the serving side
 * is all here: HTTP server, model artifact, and (when configured) the Kinesis interaction streams
 * it learns from. Settings: {@link ServeConfig}.
 */
public final class ServeMain {

  private static final Logger log = LoggerFactory.getLogger(ServeMain.class);

  private ServeMain() {}

  public static void main(String[] args) throws Exception {
    ServeConfig config;
    try {
      config = ServeConfig.from(System.getenv(), args);
    } catch (IllegalArgumentException e) {
      log.error("bad configuration: {}", e.getMessage());
      System.exit(2);
      return;
    }
    Running running = start(config, new HybridModelFactory(), Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                }));
    stopped.await();
  }

  /** A running server and, when configured, its interaction source. */
  public record Running(InvocationServer server, InteractionSource source, ServedModel model)
      implements AutoCloseable {

    /** The HTTP port. */
    public int port() {
      return server.port();
    }

    @Override
    public void close() {
      if (source != null) {
        source.close();
      }
      server.close();
    }
  }

  /** Starts listening, loads the model, then starts learning from the streams if configured. */
  public static Running start(ServeConfig config, ModelFactory factory, Clock clock)
      throws IOException {
    InvocationServer server = InvocationServer.start(config.port(), config.threads(), clock);
    try {
      Path artifact = config.modelDir().resolve(ModelArtifact.FILE_NAME);
      Recommender recommender;
      String version;
      if (Files.exists(artifact)) {
        ModelArtifact.Loaded loaded = ModelArtifact.read(factory, artifact);
        recommender = loaded.recommender();
        version = loaded.version();
        log.info("loaded model {} ({} bytes)", version, Files.size(artifact));
      } else {
        recommender = factory.create(Map.of());
        version = "empty";
        log.info("no artifact at {}: serving an empty model", artifact);
      }
      OnlineLearner learner = null;
      InteractionSource source = null;
      if (config.streams() != null) {
        learner = new OnlineLearner(recommender, config.dedupWindow());
        source = KinesisInteractionSource.create(config.streams());
        source.start(learner);
        log.info("learning online from {}", config.streams().streams());
      }
      ServedModel served = new ServedModel(recommender, version, Instant.now(clock), learner);
      server.serve(served);
      log.info("serving on port {}", server.port());
      return new Running(server, source, served);
    } catch (IOException | RuntimeException e) {
      server.close();
      throw e;
    }
  }
}
