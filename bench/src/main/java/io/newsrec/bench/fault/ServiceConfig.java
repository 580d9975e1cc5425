package io.newsrec.bench.fault;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * How bench starts the ingest-service and the retry-worker in {@code local} mode: which jars (found
 * under the repository root, {@code newsrec.root}), which endpoints, which settings. The keys are
 * the services' own ({@code newsrec.*}, see their {@code application.yml}); environment variables
 * give the SDK dummy credentials, as the local servers accept any.
 *
 * @param root the repository root
 * @param sqsEndpoint ElasticMQ
 * @param portals the configured portals
 * @param extraIngestArgs more {@code --key=value} for the ingest-service (bench endpoint, limits)
 * @param jvmArgs JVM options of both services
 */
public record ServiceConfig(
    Path root,
    URI sqsEndpoint,
    List<String> portals,
    List<String> extraIngestArgs,
    List<String> jvmArgs) {

  private static final Map<String, String> LOCAL_CREDENTIALS =
      Map.of(
          "AWS_ACCESS_KEY_ID", "local",
          "AWS_SECRET_ACCESS_KEY", "local",
          "AWS_REGION", "us-east-1");

  /**
   * JVM options of the services in the fault test: it measures correctness, not speed, and restarts
   * the ingest-service while the 2 cores are busy; C1 only about halves the JVM's start-up.
   */
  public static final List<String> FAULT_TEST_JVM = List.of("-Xmx384m", "-XX:TieredStopAtLevel=1");

  public ServiceConfig {
    portals = List.copyOf(portals);
    extraIngestArgs = List.copyOf(extraIngestArgs);
    jvmArgs = List.copyOf(jvmArgs);
  }

  public String retryQueue() {
    return "pageviews-retry";
  }

  public String deadLetterQueue() {
    return "pageviews-retry-dlq";
  }

  public String streamOf(String portal) {
    return "pageviews-" + portal;
  }

  ServiceProcess ingest(URI kinesisEndpoint, Path logDir) throws IOException {
    var args = new ArrayList<>(common(kinesisEndpoint));
    args.add("--newsrec.ingest.portals=" + String.join(",", portals));
    args.addAll(extraIngestArgs);
    return new ServiceProcess(
        "ingest-service",
        jar("ingest-service"),
        jvmArgs,
        args,
        LOCAL_CREDENTIALS,
        logDir,
        freePort());
  }

  ServiceProcess retryWorker(URI kinesisEndpoint, Path logDir) throws IOException {
    var args = new ArrayList<>(common(kinesisEndpoint));
    args.add("--newsrec.retry.portals=" + String.join(",", portals));
    // A message whose re-put failed (Kinesis down) comes back after 30 s, then longer, by
    // default; the fault test waits for the queue to drain, so it retries sooner.
    args.add("--newsrec.retry.backoff-first=2s");
    args.add("--newsrec.retry.backoff-max=10s");
    return new ServiceProcess(
        "retry-worker", jar("retry-worker"), jvmArgs, args, LOCAL_CREDENTIALS, logDir, freePort());
  }

  /** Starts the ingest-service alone (the throughput benchmark needs no worker). */
  public ServiceProcess ingestAlone(URI kinesisEndpoint, Path logDir) throws IOException {
    return ingest(kinesisEndpoint, logDir);
  }

  private List<String> common(URI kinesisEndpoint) {
    return List.of(
        "--newsrec.aws.mode=local",
        "--newsrec.aws.kinesis-endpoint=" + kinesisEndpoint,
        "--newsrec.aws.sqs-endpoint=" + sqsEndpoint);
  }

  /** The Boot jar of {@code module}, built by the reactor; fails clearly when it is missing. */
  public Path jar(String module) throws IOException {
    Path target = root.resolve(module).resolve("target");
    if (Files.isDirectory(target)) {
      try (Stream<Path> files = Files.list(target)) {
        var jar =
            files
                .filter(f -> f.getFileName().toString().matches(module + "-.*\\.jar"))
                .filter(f -> !f.getFileName().toString().endsWith("-plain.jar"))
                .findFirst();
        if (jar.isPresent()) {
          return jar.get();
        }
      }
    }
    throw new IllegalStateException(
        "no "
            + module
            + " jar in "
            + target
            + ": build it first, e.g. mvn -B -ntp -q -pl bench -am package -DskipTests");
  }

  /** A port free now (bound to 0, released): the service binds it a moment later. */
  static int freePort() throws IOException {
    try (var socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
