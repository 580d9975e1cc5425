package io.newsrec.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads typed fields out of one JSON object, collecting a {@link FieldError} per bad field instead
 * of stopping at the first, so that a client learns everything wrong with an event at once.
 */
final class FieldReader {

  private final JsonNode object;
  private final String prefix;
  private final List<FieldError> errors = new ArrayList<>();

  FieldReader(JsonNode object, String prefix) {
    this.object = object;
    this.prefix = prefix;
  }

  void error(String field, String message) {
    errors.add(new FieldError(prefix + field, message));
  }

  List<FieldError> errors() {
    return errors;
  }

  /** A present, non-blank string of at most {@code maxLength} characters, else {@code null}. */
  String requiredString(String field, int maxLength) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      error(field, "is required");
      return null;
    }
    if (!node.isTextual()) {
      error(field, "must be a string");
      return null;
    }
    String value = node.textValue();
    if (value.isBlank()) {
      error(field, "must not be blank");
      return null;
    }
    return bounded(field, value, maxLength);
  }

  /** An absent, null or empty string reads as {@code null}: browsers send "" for "no referrer". */
  String optionalString(String field, int maxLength) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      error(field, "must be a string or null");
      return null;
    }
    String value = node.textValue();
    return value.isEmpty() ? null : bounded(field, value, maxLength);
  }

  /** A present integer in {@code [min, max]}; 0 (with an error recorded) otherwise. */
  long requiredInteger(String field, long min, long max) {
    JsonNode node = object.get(field);
    if (node == null || node.isNull()) {
      error(field, "is required");
      return 0;
    }
    if (!node.isIntegralNumber() || !node.canConvertToLong()) {
      error(field, "must be an integer");
      return 0;
    }
    long value = node.longValue();
    if (value < min || value > max) {
      error(field, "must be between " + min + " and " + max);
      return 0;
    }
    return value;
  }

  private String bounded(String field, String value, int maxLength) {
    if (value.length() > maxLength) {
      error(field, "must be at most " + maxLength + " characters");
      return null;
    }
    return value;
  }
}
