package io.newsrec.model.train;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Where {@code train} reads and writes, following the SageMaker training container layout under a
 * root that is {@code /opt/ml} in the container and a temporary folder in tests.
 *
 * @param hyperparameters {@code <root>/input/config/hyperparameters.json}
 * @param data the channel's folder, {@code <root>/input/data/<channel>}
 * @param modelDir {@code <root>/model}, where the artifact goes
 * @param outputDir {@code <root>/output}, where {@code failure} goes
 */
record ContainerPaths(Path hyperparameters, Path data, Path modelDir, Path outputDir) {

  static final String DEFAULT_ROOT = "/opt/ml";
  static final String DEFAULT_CHANNEL = "interactions";

  /**
   * From command-line options: {@code --root}, {@code --channel}, and each path on its own ({@code
   * --hyperparameters}, {@code --data}, {@code --model-dir}, {@code --output-dir}), which wins over
   * the root. A leading {@code train} (how SageMaker starts the container) is skipped.
   */
  static ContainerPaths fromArgs(String[] args) {
    Map<String, String> options = new HashMap<>();
    int start = args.length > 0 && args[0].equals("train") ? 1 : 0;
    for (int i = start; i < args.length; i += 2) {
      if (!args[i].startsWith("--") || i + 1 >= args.length) {
        throw new IllegalArgumentException("expected --option value pairs, got: " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    Path root = Path.of(options.getOrDefault("root", DEFAULT_ROOT));
    String channel = options.getOrDefault("channel", DEFAULT_CHANNEL);
    options.keySet().stream()
        .filter(
            k ->
                !k.equals("root")
                    && !k.equals("channel")
                    && !k.equals("hyperparameters")
                    && !k.equals("data")
                    && !k.equals("model-dir")
                    && !k.equals("output-dir"))
        .findFirst()
        .ifPresent(
            k -> {
              throw new IllegalArgumentException("unknown option --" + k);
            });
    return new ContainerPaths(
        path(options, "hyperparameters", root.resolve("input/config/hyperparameters.json")),
        path(options, "data", root.resolve("input/data").resolve(channel)),
        path(options, "model-dir", root.resolve("model")),
        path(options, "output-dir", root.resolve("output")));
  }

  private static Path path(Map<String, String> options, String key, Path fallback) {
    String value = options.get(key);
    return value == null ? fallback : Path.of(value);
  }
}
