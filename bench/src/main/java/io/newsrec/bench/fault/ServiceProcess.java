package io.newsrec.bench.fault;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Spring Boot service jar run as its own process ({@code java -jar}), so that the fault test can
 * {@code kill -9} it: a JVM that dies without running its shutdown hooks, as on a node failure. Its
 * output goes to a log file next to the caller's results.
 */
public final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final Path jar;
  private final List<String> jvmArgs;
  private final List<String> appArgs;
  private final Map<String, String> env;
  private final Path log;
  private final int port;
  private Process process;
  private int starts;

  /**
   * @param jvmArgs options of the JVM ({@code -Xmx...}, {@code -D...})
   * @param appArgs Spring Boot arguments ({@code --key=value}), after {@code --server.port}
   * @param env added to this process's environment
   * @param port the HTTP port the service is told to use ({@code --server.port}); start-up is done
   *     when {@code /actuator/health} answers there
   */
  public ServiceProcess(
      String name,
      Path jar,
      List<String> jvmArgs,
      List<String> appArgs,
      Map<String, String> env,
      Path logDir,
      int port) {
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          name + " jar not found at " + jar + ": build it first (mvn -pl bench -am package)");
    }
    this.name = name;
    this.jar = jar;
    this.jvmArgs = List.copyOf(jvmArgs);
    this.appArgs = List.copyOf(appArgs);
    this.env = Map.copyOf(env);
    this.log = logDir.resolve(name + ".log");
    this.port = port;
  }

  /** Starts the process and waits until its health endpoint answers at all. */
  public void start(Duration readyWithin) throws IOException, InterruptedException {
    launch();
    awaitHealthy(readyWithin);
  }

  /** Starts the process without waiting: two services start side by side on 2 cores. */
  public void launch() throws IOException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmArgs);
    command.add("-jar");
    command.add(jar.toString());
    command.add("--server.port=" + port);
    command.addAll(appArgs);
    var builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    starts++;
    process = builder.start();
  }

  /** {@code kill -9}: no shutdown hook, no flush, no goodbye. */
  public void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly(); // SIGKILL on Linux
      process.waitFor();
    }
  }

  public String name() {
    return name;
  }

  public int port() {
    return port;
  }

  public int starts() {
    return starts;
  }

  public Path log() {
    return log;
  }

  /** Waits until the web server answers; fails if the process exits first. */
  public void awaitHealthy(Duration within) throws IOException, InterruptedException {
    var client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
    var health =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
            .timeout(Duration.ofSeconds(2))
            .build();
    long deadline = System.nanoTime() + within.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited at start-up; see " + log);
      }
      try {
        var response = client.send(health, HttpResponse.BodyHandlers.ofString());
        // Any answer means the web server is up, which Boot does last; health may be DOWN (503)
        // while Kinesis is unreachable, and the service still answers then (via SQS).
        if (response.statusCode() > 0) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200); // polling a child process's start-up, not a test wait
    }
    throw new IllegalStateException(name + " not healthy within " + within + "; see " + log);
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
