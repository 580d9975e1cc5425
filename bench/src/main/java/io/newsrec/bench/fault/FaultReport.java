package io.newsrec.bench.fault;

import java.util.List;
import java.util.Map;

/**
 * The fault test's outcome.
 *
 * @param sent distinct events sent at least once
 * @param acknowledged distinct events answered 202
 * @param found acknowledged events found in the streams
 * @param lost acknowledged events not found: the invariant says 0
 * @param duplicates records beyond the first per eventId (at-least-once delivery)
 * @param records records read back from all streams
 * @param requests HTTP requests made, re-sends included
 * @param answers requests by answer (HTTP status or {@code io-error})
 * @param retryQueueLeft messages still in the retry queue when the harness stopped waiting (0:
 *     drained; otherwise events in it were not yet in the streams at the audit)
 * @param deadLettered messages in the retry queue's DLQ
 * @param seconds wall time from first send to the audit
 * @param timeline the faults, with seconds since the first send
 */
public record FaultReport(
    long sent,
    long acknowledged,
    long found,
    long lost,
    long duplicates,
    long records,
    long requests,
    Map<String, Long> answers,
    long retryQueueLeft,
    long deadLettered,
    double seconds,
    List<String> timeline) {}
