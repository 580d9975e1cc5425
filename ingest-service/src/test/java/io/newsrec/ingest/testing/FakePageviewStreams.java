package io.newsrec.ingest.testing;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.PutOutcome;
import io.newsrec.events.Pageview;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory {@link PageviewStreams}: keeps what it accepts per portal, in order, and can be told
 * to refuse chosen events once, to be down, or to hold a portal's puts until released.
 */
public final class FakePageviewStreams implements PageviewStreams {

  private final Map<String, List<Pageview>> stored = new ConcurrentHashMap<>();
  private final List<Put> puts = new ArrayList<>();
  private final Set<UUID> refuseOnce = ConcurrentHashMap.newKeySet();
  private final Map<String, CompletableFuture<Void>> gates = new ConcurrentHashMap<>();
  private volatile boolean down;

  /** One call as received. */
  public record Put(String portal, List<Pageview> events) {}

  @Override
  public CompletableFuture<PutOutcome> put(String portal, List<Pageview> events) {
    synchronized (puts) {
      puts.add(new Put(portal, List.copyOf(events)));
    }
    if (down) {
      return CompletableFuture.failedFuture(new IllegalStateException("stream down (fake)"));
    }
    CompletableFuture<Void> gate =
        gates.getOrDefault(portal, CompletableFuture.completedFuture(null));
    return gate.thenApply(ignored -> store(portal, events));
  }

  private PutOutcome store(String portal, List<Pageview> events) {
    List<Pageview> rejected = new ArrayList<>();
    List<Pageview> target = stored.computeIfAbsent(portal, p -> new ArrayList<>());
    synchronized (target) {
      for (Pageview event : events) {
        if (refuseOnce.remove(event.eventId())) {
          rejected.add(event);
        } else {
          target.add(event);
        }
      }
    }
    return new PutOutcome(rejected);
  }

  @Override
  public boolean reachable() {
    return !down;
  }

  public void refuseOnce(Pageview... events) {
    for (Pageview event : events) {
      refuseOnce.add(event.eventId());
    }
  }

  public void down(boolean down) {
    this.down = down;
  }

  /** Puts to {@code portal} wait until {@link #release} is called. */
  public void hold(String portal) {
    gates.put(portal, new CompletableFuture<>());
  }

  public void release(String portal) {
    CompletableFuture<Void> gate = gates.remove(portal);
    if (gate != null) {
      gate.complete(null);
    }
  }

  public List<Pageview> stored(String portal) {
    List<Pageview> target = stored.getOrDefault(portal, List.of());
    synchronized (target) {
      return List.copyOf(target);
    }
  }

  public List<Put> puts() {
    synchronized (puts) {
      return List.copyOf(puts);
    }
  }

  public void reset() {
    down = false;
    refuseOnce.clear();
    gates.values().forEach(g -> g.complete(null));
    gates.clear();
    stored.clear();
    synchronized (puts) {
      puts.clear();
    }
  }
}
