package io.newsrec.bench;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** {@code --key=value} arguments with defaults; an unknown key is an error, not a silent no-op. */
final class Options {

  private final Map<String, String> values = new HashMap<>();

  Options(String[] args, Map<String, String> defaults) {
    values.putAll(defaults);
    for (String arg : args) {
      int eq = arg.indexOf('=');
      if (!arg.startsWith("--") || eq < 0) {
        throw new IllegalArgumentException("expected --key=value, got " + arg);
      }
      String key = arg.substring(2, eq);
      if (!defaults.containsKey(key)) {
        throw new IllegalArgumentException("unknown option --" + key + "; known: " + defaults);
      }
      values.put(key, arg.substring(eq + 1));
    }
  }

  String text(String key) {
    return values.get(key);
  }

  int integer(String key) {
    return Integer.parseInt(values.get(key));
  }

  double number(String key) {
    return Double.parseDouble(values.get(key));
  }

  boolean flag(String key) {
    return Boolean.parseBoolean(values.get(key));
  }

  Duration seconds(String key) {
    return Duration.ofMillis((long) (number(key) * 1000));
  }
}
