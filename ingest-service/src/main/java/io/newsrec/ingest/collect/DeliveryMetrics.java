package io.newsrec.ingest.collect;

/**
 * What the delivery path reports, per portal (the Micrometer adapter turns these into meters). A
 * port so that the core imports no metrics library and tests can count calls.
 */
public interface DeliveryMetrics {

  /** {@code events} went into the portal's buffer. */
  void accepted(String portal, int events);

  /**
   * One {@code put} of {@code records} records was sent and answered (or failed) after {@code
   * nanos}.
   */
  void put(String portal, int records, long nanos);

  /** The stream refused {@code records} records of a put (throttling, partial failure, outage). */
  void streamRejected(String portal, int records);

  /** {@code events} went to the retry queue after the stream refused them every time. */
  void sentToRetryQueue(String portal, int events);

  /** {@code events} reached neither the stream nor the retry queue. */
  void undeliverable(String portal, int events);

  DeliveryMetrics NONE =
      new DeliveryMetrics() {
        @Override
        public void accepted(String portal, int events) {}

        @Override
        public void put(String portal, int records, long nanos) {}

        @Override
        public void streamRejected(String portal, int records) {}

        @Override
        public void sentToRetryQueue(String portal, int events) {}

        @Override
        public void undeliverable(String portal, int events) {}
      };
}
