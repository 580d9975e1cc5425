package io.newsrec.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One record read back from a stream. */
public record StreamRecord(
    String shardId, String sequenceNumber, String partitionKey, byte[] data, Instant arrival) {

  /** The data as UTF-8 text (pageviews are JSON). */
  public String text() {
    return new String(data, StandardCharsets.UTF_8);
  }
}
