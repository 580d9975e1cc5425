package io.newsrec.model.serve.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code serve} entry point in its own JVM (as in the container), on a free port that it
 * reports in its log, so that the load generator's allocations do not pause the server's threads.
 */
final class ServerProcess implements AutoCloseable {

  private static final Pattern SERVING = Pattern.compile("serving on port (\\d+)");

  private final Process process;
  private final int port;

  private ServerProcess(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  static ServerProcess start(Path modelDir, String heap, int threads) throws IOException {
    String java = ProcessHandle.current().info().command().orElse("java");
    List<String> command = new ArrayList<>(List.of(java, "-Xms" + heap, "-Xmx" + heap));
    // Extra server JVM options for profiling, e.g. -XX:StartFlightRecording=filename=serve.jfr
    String extra = System.getenv().getOrDefault("NEWSREC_BENCH_SERVER_JAVA_OPTS", "");
    if (!extra.isBlank()) {
      command.addAll(List.of(extra.strip().split("\\s+")));
    }
    command.addAll(
        List.of(
            "-cp",
            System.getProperty("java.class.path"),
            "io.newsrec.model.serve.ServeMain",
            "--port",
            "0",
            "--model-dir",
            modelDir.toString(),
            "--threads",
            Integer.toString(threads)));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    BufferedReader log =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    for (String line = log.readLine(); line != null; line = log.readLine()) {
      System.err.println("[serve] " + line);
      Matcher serving = SERVING.matcher(line);
      if (serving.find()) {
        Thread.ofPlatform().daemon().start(() -> drain(log));
        return new ServerProcess(process, Integer.parseInt(serving.group(1)));
      }
    }
    process.destroyForcibly();
    throw new IOException("the server exited before serving (exit " + process.exitValue() + ")");
  }

  private static void drain(BufferedReader log) {
    try {
      for (String line = log.readLine(); line != null; line = log.readLine()) {
        System.err.println("[serve] " + line);
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  int port() {
    return port;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
    }
  }
}
