package io.newsrec.model.serve;

import io.newsrec.model.stream.kinesis.KinesisSourceConfig;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The {@code serve} settings. Each has an environment variable (how SageMaker and Kubernetes
 * configure a container) and a command-line option that wins over it:
 *
 * <table>
 * <caption>settings</caption>
 * <tr><th>env</th><th>option</th><th>default</th><th>meaning</th></tr>
 * <tr><td>NEWSREC_SERVE_PORT (else SAGEMAKER_BIND_TO_PORT)</td><td>--port</td><td>8080</td>
 *     <td>HTTP port (0: a free one)</td></tr>
 * <tr><td>NEWSREC_MODEL_DIR</td><td>--model-dir</td><td>/opt/ml/model</td>
 *     <td>folder of {@code model.bin}; without one the model starts empty</td></tr>
 * <tr><td>NEWSREC_SERVE_THREADS</td><td>--threads</td><td>4</td><td>request threads</td></tr>
 * <tr><td>NEWSREC_INTERACTION_STREAMS</td><td>--streams</td><td>(none)</td>
 *     <td>comma-separated Kinesis streams to learn from, e.g. {@code interactions-g1}</td></tr>
 * <tr><td>NEWSREC_STREAM_START</td><td>--stream-start</td><td>LATEST</td>
 *     <td>LATEST or TRIM_HORIZON</td></tr>
 * <tr><td>NEWSREC_STREAM_POLL_MS</td><td>--stream-poll-ms</td><td>200</td>
 *     <td>wait after an empty GetRecords</td></tr>
 * <tr><td>NEWSREC_KINESIS_ENDPOINT</td><td>--kinesis-endpoint</td><td>(AWS)</td>
 *     <td>endpoint override, e.g. kinesis-local</td></tr>
 * <tr><td>AWS_REGION</td><td>--region</td><td>us-east-1</td><td>Kinesis region</td></tr>
 * <tr><td>NEWSREC_DEDUP_WINDOW</td><td>--dedup-window</td><td>100000</td>
 *     <td>recent event ids remembered to drop re-delivered records</td></tr>
 * </table>
 *
 * @param streams {@code null} when the model learns nothing online
 */
public record ServeConfig(
    int port, Path modelDir, int threads, KinesisSourceConfig streams, int dedupWindow) {

  public ServeConfig {
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("port must be in 0..65535");
    }
    if (threads < 1 || threads > 256) {
      throw new IllegalArgumentException("threads must be in 1..256");
    }
    if (dedupWindow < 0) {
      throw new IllegalArgumentException("dedup window must be >= 0");
    }
  }

  /**
   * Reads the settings from the environment and the command line (a leading {@code serve} is
   * skipped).
   */
  public static ServeConfig from(Map<String, String> env, String[] args) {
    Map<String, String> options = new HashMap<>();
    int start = args.length > 0 && args[0].equals("serve") ? 1 : 0;
    for (int i = start; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value pairs, got: " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    UnaryOperator<String> setting =
        option -> options.getOrDefault(option, env.get(ENV.get(option)));
    List<String> unknown = options.keySet().stream().filter(k -> !ENV.containsKey(k)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("unknown options: " + unknown);
    }
    String port = setting.apply("port");
    if (port == null) {
      port = env.getOrDefault("SAGEMAKER_BIND_TO_PORT", "8080");
    }
    String streams = setting.apply("streams");
    KinesisSourceConfig kinesis = null;
    if (streams != null && !streams.isBlank()) {
      String endpoint = setting.apply("kinesis-endpoint");
      KinesisSourceConfig defaults =
          KinesisSourceConfig.defaults(
              Arrays.stream(streams.split(",")).map(String::strip).toList(),
              endpoint == null || endpoint.isBlank() ? null : URI.create(endpoint),
              or(setting.apply("region"), "us-east-1"));
      Duration poll =
          Duration.ofMillis(integer("stream-poll-ms", setting.apply("stream-poll-ms"), 200));
      kinesis =
          new KinesisSourceConfig(
              defaults.streams(),
              KinesisSourceConfig.StartPosition.valueOf(
                  or(setting.apply("stream-start"), "LATEST").toUpperCase()),
              poll,
              poll.compareTo(defaults.maxBackoff()) > 0 ? poll : defaults.maxBackoff(),
              defaults.shardDiscoveryInterval(),
              defaults.maxRecords(),
              defaults.endpoint(),
              defaults.region());
    }
    return new ServeConfig(
        integer("port", port, 8080),
        Path.of(or(setting.apply("model-dir"), "/opt/ml/model")),
        integer("threads", setting.apply("threads"), 4),
        kinesis,
        integer("dedup-window", setting.apply("dedup-window"), 100_000));
  }

  private static final Map<String, String> ENV =
      Map.of(
          "port", "NEWSREC_SERVE_PORT",
          "model-dir", "NEWSREC_MODEL_DIR",
          "threads", "NEWSREC_SERVE_THREADS",
          "streams", "NEWSREC_INTERACTION_STREAMS",
          "stream-start", "NEWSREC_STREAM_START",
          "stream-poll-ms", "NEWSREC_STREAM_POLL_MS",
          "kinesis-endpoint", "NEWSREC_KINESIS_ENDPOINT",
          "region", "AWS_REGION",
          "dedup-window", "NEWSREC_DEDUP_WINDOW");

  private static String or(String value, String fallback) {
    return value == null || value.isBlank() ? fallback : value;
  }

  private static int integer(String name, String value, int fallback) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.strip());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got " + value);
    }
  }
}
