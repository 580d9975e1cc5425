package io.newsrec.testsupport;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * What the Kinesis emulator fixtures ({@link KinesisLocal}, {@link Kinesalite}) share about the
 * node child process they run: finding the npm install, waiting until it answers, reading its log.
 */
final class NodeServerProcess {

  private NodeServerProcess() {}

  /**
   * The script {@code local/node_modules/<relative>}, or a clear failure saying how to install it.
   */
  static Path installedScript(String relative, String name) {
    Path script = NewsrecRoot.find().resolve("local/node_modules").resolve(relative);
    if (!Files.isRegularFile(script)) {
      throw new IllegalStateException(
          name
              + " is not installed at "
              + script
              + ": run local/setup.sh (npm ci in local/) once on this machine");
    }
    return script;
  }

  /**
   * Waits until the emulator at {@code endpoint} answers {@code ListStreams}; when it does not
   * within {@code within}, or exits, fails with the end of its log ({@code onTimeout} runs first).
   */
  static void awaitKinesis(
      String name, URI endpoint, Process process, Duration within, Path log, Runnable onTimeout) {
    try (KinesisClient client = TestAws.kinesis(endpoint)) {
      await(name + " answering on " + endpoint)
          .atMost(within)
          .pollInterval(Duration.ofMillis(100))
          .until(() -> !process.isAlive() || answers(client));
    } catch (ConditionTimeoutException e) {
      onTimeout.run();
      throw new IllegalStateException(
          name + " not ready within " + within + ":\n" + logTail(log), e);
    }
    if (!process.isAlive()) {
      throw new IllegalStateException(
          name + " exited with " + process.exitValue() + ":\n" + logTail(log));
    }
  }

  /** Whether the process ended within {@code timeout}. */
  static boolean waitFor(Process process, Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** The last 30 lines of {@code log}, for failure messages. */
  static String logTail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private static boolean answers(KinesisClient client) {
    try {
      client.listStreams(b -> b.limit(1));
      return true;
    } catch (RuntimeException notYet) {
      return false;
    }
  }
}
