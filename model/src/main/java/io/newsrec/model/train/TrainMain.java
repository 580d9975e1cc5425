package io.newsrec.model.train;

import io.newsrec.model.Recommender;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code train} entry point of the SageMaker training container contract: reads the
 * hyperparameters and the {@code interactions} channel, replays the interactions in time order
 * through the model's online update (fitting the hybrid's re-ranker on the way, see {@link
 * io.newsrec.model.HybridRecommender#train}), and writes {@code model.bin} to the model folder. On
 * failure it writes the reason to {@code <output>/failure} (SageMaker shows it as the job's failure
 * reason) and exits with status 1.
 *
 * <p>Usage: {@code train [--root /opt/ml] [--channel interactions] [--hyperparameters file] [--data
 * dir] [--model-dir dir] [--output-dir dir]}.
 */
public final class TrainMain {

  private static final Logger log = LoggerFactory.getLogger(TrainMain.class);

  private TrainMain() {}

  public static void main(String[] args) {
    System.exit(run(args, new HybridModelFactory()));
  }

  /** Runs a training job; returns the process exit status (0 on success). */
  public static int run(String[] args, ModelFactory factory) {
    ContainerPaths paths;
    try {
      paths = ContainerPaths.fromArgs(args);
    } catch (IllegalArgumentException e) {
      log.error("bad command line: {}", e.getMessage());
      return 2;
    }
    try {
      long started = System.nanoTime();
      Map<String, String> hyperparameters = Hyperparameters.read(paths.hyperparameters());
      Recommender model = factory.create(hyperparameters);
      InteractionFiles.Read data = InteractionFiles.read(paths.data());
      if (data.interactions().isEmpty()) {
        throw new IllegalArgumentException(
            "no valid interactions in " + data.files() + " file(s) under " + paths.data());
      }
      model.train(data.interactions(), line -> log.info("{}", line));
      Path artifact = ModelArtifact.write(model, paths.modelDir());
      log.info(
          "trained on {} interactions from {} file(s) ({} rejected lines) in {} ms; wrote {} ({}"
              + " bytes)",
          data.interactions().size(),
          data.files(),
          data.rejected(),
          (System.nanoTime() - started) / 1_000_000,
          artifact,
          Files.size(artifact));
      return 0;
    } catch (Exception | OutOfMemoryError e) {
      log.error("training failed", e);
      writeFailure(paths.outputDir(), e);
      return 1;
    }
  }

  private static void writeFailure(Path outputDir, Throwable e) {
    String reason = e.getClass().getSimpleName() + ": " + e.getMessage();
    try {
      Files.createDirectories(outputDir);
      Files.writeString(outputDir.resolve("failure"), reason + "\n", StandardCharsets.UTF_8);
    } catch (IOException io) {
      log.error("could not write the failure file to {}", outputDir, io);
    }
  }
}
