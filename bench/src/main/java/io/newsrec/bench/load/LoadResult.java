package io.newsrec.bench.load;

import org.HdrHistogram.Histogram;

/**
 * What one load run measured.
 *
 * @param requests requests answered with a 2xx
 * @param failures requests answered otherwise, or not at all (I/O error, timeout)
 * @param eventsPerRequest events in each request's body
 * @param seconds wall time of the measured phase
 * @param latency microseconds per answered request; for an open-loop run measured from the
 *     request's intended send time, so that a stalled server is not hidden (coordinated omission)
 */
public record LoadResult(
    long requests, long failures, int eventsPerRequest, double seconds, Histogram latency) {

  /** A run that did not take place. */
  public static final LoadResult NONE = new LoadResult(0, 0, 1, 1, new Histogram(3));

  public double requestsPerSecond() {
    return requests / seconds;
  }

  public double eventsPerSecond() {
    return requests * (double) eventsPerRequest / seconds;
  }

  public double p50Millis() {
    return latency.getValueAtPercentile(50) / 1000.0;
  }

  public double p99Millis() {
    return latency.getValueAtPercentile(99) / 1000.0;
  }

  public double maxMillis() {
    return latency.getMaxValue() / 1000.0;
  }
}
