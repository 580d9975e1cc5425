package io.newsrec.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the body of {@code POST /pageview} from an untrusted client: one event object or a JSON
 * array of at most {@code maxBatchSize} events, UTF-8. Every item gets its own verdict, so that the
 * valid events of a batch can be kept while the invalid ones are answered field by field.
 */
public final class PageviewReader {

  private final PageviewValidator validator;
  private final int maxBatchSize;

  public PageviewReader(PageviewValidator validator, int maxBatchSize) {
    this.validator = validator;
    this.maxBatchSize = maxBatchSize;
  }

  /** What a request body holds. */
  public sealed interface Read {

    /** Not JSON (syntax, invalid UTF-8, duplicate keys, trailing data) or not an object/array. */
    record Unreadable(String reason) implements Read {}

    /** A batch larger than allowed: nothing in it is looked at. */
    record TooMany(int count, int max) implements Read {}

    /** One verdict per item, in the request's order; {@code batch} when the body was an array. */
    record Items(List<Validated> verdicts, boolean batch) implements Read {
      public Items {
        verdicts = List.copyOf(verdicts);
      }
    }
  }

  public Read read(byte[] body) {
    JsonNode root;
    try {
      root = PageviewJson.parse(body);
    } catch (IllegalArgumentException e) {
      return new Read.Unreadable(e.getMessage());
    }
    if (root.isObject()) {
      return new Read.Items(List.of(validator.validate(root)), false);
    }
    if (!root.isArray()) {
      return new Read.Unreadable("the body must be a pageview object or an array of pageviews");
    }
    if (root.isEmpty()) {
      return new Read.Unreadable("the batch is empty");
    }
    if (root.size() > maxBatchSize) {
      return new Read.TooMany(root.size(), maxBatchSize);
    }
    List<Validated> verdicts = new ArrayList<>(root.size());
    for (int i = 0; i < root.size(); i++) {
      verdicts.add(validator.validate(root.get(i), "[" + i + "]."));
    }
    return new Read.Items(verdicts, true);
  }
}
