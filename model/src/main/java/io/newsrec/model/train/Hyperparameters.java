package io.newsrec.model.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code hyperparameters.json}. SageMaker writes every value as a JSON string ({@code
 * {"k":"100"}}); values written by hand as numbers or booleans are taken as their text too. Keys
 * starting with {@code sagemaker_} belong to SageMaker's own toolkits and are dropped.
 */
final class Hyperparameters {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Hyperparameters() {}

  /** The hyperparameters in the file, or none when the file does not exist. */
  static Map<String, String> read(Path file) throws IOException {
    Map<String, String> values = new LinkedHashMap<>();
    if (!Files.exists(file)) {
      return values;
    }
    JsonNode root = JSON.readTree(file.toFile());
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException(file.getFileName() + " must hold a JSON object");
    }
    for (Map.Entry<String, JsonNode> entry : root.properties()) {
      JsonNode value = entry.getValue();
      if (!value.isValueNode() || value.isNull()) {
        throw new IllegalArgumentException(
            "hyperparameter " + entry.getKey() + " must be a string, number or boolean");
      }
      if (!entry.getKey().startsWith("sagemaker_")) {
        values.put(entry.getKey(), value.asText());
      }
    }
    return values;
  }
}
