package io.newsrec.delivery;

import io.newsrec.events.Pageview;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The portals' pageview streams (Kinesis {@code pageviews-<portal>}): one port, an AWS SDK adapter
 * used in every mode (real Kinesis in {@code aws}, kinesis-local in {@code local}).
 *
 * <p>The partition key is the user id, so one reader's pageviews stay in order within a shard.
 */
public interface PageviewStreams {

  /**
   * Tries once to put {@code events} (all of the same portal) into that portal's stream.
   *
   * <p>Completes normally with the events that were not accepted (a partial failure, throttling),
   * so that the caller re-sends only those; completes exceptionally when the call as a whole failed
   * (none accepted: stream unreachable, timeout).
   */
  CompletableFuture<PutOutcome> put(String portal, List<Pageview> events);

  /** Whether the streams answer at all (for readiness). */
  boolean reachable();
}
