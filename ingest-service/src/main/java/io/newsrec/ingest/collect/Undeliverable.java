package io.newsrec.ingest.collect;

/** Neither the stream nor the retry queue took an event: an infrastructure failure. */
final class Undeliverable extends RuntimeException {

  Undeliverable(String message, Throwable cause) {
    super(message, cause, false, false);
  }
}
