package io.newsrec.bench.fault;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Compares what a client was told was accepted with what the streams hold.
 *
 * @param acknowledged events answered 202
 * @param found acknowledged events found at least once in the streams
 * @param lost acknowledged events not found: must be 0
 * @param duplicates records beyond the first of the same eventId (at-least-once; dropped
 *     downstream)
 * @param records records read from all streams
 * @param unacknowledgedFound events found though never answered 202 (in flight at a kill)
 */
public record StreamAudit(
    long acknowledged,
    long found,
    long lost,
    long duplicates,
    long records,
    long unacknowledgedFound) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Audits the records' data (each a contract-v1 JSON event) against the acknowledged ids. */
  public static StreamAudit of(Set<UUID> acknowledged, List<byte[]> records) {
    Map<UUID, Integer> seen = new HashMap<>();
    for (byte[] data : records) {
      seen.merge(eventId(data), 1, Integer::sum);
    }
    long found = acknowledged.stream().filter(seen::containsKey).count();
    long duplicates = seen.values().stream().mapToLong(n -> n - 1).sum();
    long extra = seen.keySet().stream().filter(id -> !acknowledged.contains(id)).count();
    return new StreamAudit(
        acknowledged.size(), found, acknowledged.size() - found, duplicates, records.size(), extra);
  }

  private static UUID eventId(byte[] data) {
    try {
      return UUID.fromString(JSON.readTree(data).path("eventId").asText());
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalStateException("a stream record is not a contract-v1 event", e);
    }
  }
}
