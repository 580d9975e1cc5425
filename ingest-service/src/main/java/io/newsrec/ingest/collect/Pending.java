package io.newsrec.ingest.collect;

import io.newsrec.events.Pageview;
import java.util.concurrent.CompletableFuture;

/**
 * One event on its way: {@code done} completes once the event is durably in Kinesis or in the retry
 * queue, and exceptionally with {@link Undeliverable} when neither took it.
 */
record Pending(Pageview event, CompletableFuture<Void> done) {

  Pending(Pageview event) {
    this(event, new CompletableFuture<>());
  }
}
