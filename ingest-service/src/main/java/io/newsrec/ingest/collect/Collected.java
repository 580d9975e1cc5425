package io.newsrec.ingest.collect;

/** What became of the valid events of one request. */
public sealed interface Collected {

  /** Every event is durably in Kinesis or in the retry queue: the request may be acknowledged. */
  record Durable(int events) implements Collected {}

  /** A portal's buffer is full; nothing of the request was taken, the client should retry later. */
  record Overloaded(String portal) implements Collected {}

  /** Some event reached neither Kinesis nor the retry queue; the client should retry later. */
  record Undelivered(int events) implements Collected {}
}
