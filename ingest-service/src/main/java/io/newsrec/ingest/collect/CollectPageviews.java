package io.newsrec.ingest.collect;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.RetryQueue;
import io.newsrec.events.Pageview;
import io.newsrec.events.Portals;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The use case behind {@code POST /pageview}: takes the valid events of one request into their
 * portals' buffers and answers, without blocking, once all of them are durable or one of them
 * cannot be made so.
 *
 * <p>Room is reserved in every portal the request touches before anything is queued, so a request
 * answered {@link Collected.Overloaded} left nothing behind.
 */
public final class CollectPageviews implements AutoCloseable {

  private final Map<String, PortalBatcher> batchers = new TreeMap<>();
  private final DeliveryMetrics metrics;
  private final ScheduledExecutorService timer;

  public CollectPageviews(
      Portals portals,
      PageviewStreams streams,
      RetryQueue retryQueue,
      DeliverySettings settings,
      DeliveryMetrics metrics) {
    this.metrics = metrics;
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("delivery-backoff").factory());
    BatchDelivery delivery = new BatchDelivery(streams, retryQueue, settings, timer, metrics);
    for (String portal : portals.ids()) {
      batchers.put(portal, new PortalBatcher(portal, settings, delivery));
    }
  }

  /** {@code events} must be valid, of configured portals (as the validator guarantees). */
  public CompletableFuture<Collected> collect(List<Pageview> events) {
    Map<String, List<Pending>> byPortal = new LinkedHashMap<>();
    for (Pageview event : events) {
      byPortal.computeIfAbsent(event.portal(), p -> new ArrayList<>()).add(new Pending(event));
    }
    List<String> reserved = new ArrayList<>(byPortal.size());
    for (Map.Entry<String, List<Pending>> entry : byPortal.entrySet()) {
      PortalBatcher batcher = batcher(entry.getKey());
      if (!batcher.reserve(entry.getValue().size())) {
        reserved.forEach(p -> batchers.get(p).release(byPortal.get(p).size()));
        return CompletableFuture.completedFuture(new Collected.Overloaded(entry.getKey()));
      }
      reserved.add(entry.getKey());
    }
    List<CompletableFuture<Void>> done = new ArrayList<>(events.size());
    byPortal.forEach(
        (portal, pending) -> {
          batchers.get(portal).submit(pending);
          metrics.accepted(portal, pending.size());
          pending.forEach(p -> done.add(p.done()));
        });
    int count = events.size();
    return CompletableFuture.allOf(done.toArray(CompletableFuture[]::new))
        .handle(
            (ok, failure) ->
                failure == null ? new Collected.Durable(count) : new Collected.Undelivered(count));
  }

  /** Events held per portal, queued or being delivered (the buffer-depth gauge). */
  public int bufferDepth(String portal) {
    return batcher(portal).depth();
  }

  private PortalBatcher batcher(String portal) {
    PortalBatcher batcher = batchers.get(portal);
    if (batcher == null) {
      throw new IllegalArgumentException("not a configured portal: " + portal);
    }
    return batcher;
  }

  @Override
  public void close() throws InterruptedException {
    // Every portal stops taking events at once, then each delivers what it holds.
    batchers.values().forEach(PortalBatcher::stopTaking);
    for (PortalBatcher batcher : batchers.values()) {
      batcher.close();
    }
    timer.shutdown();
  }
}
