package io.newsrec.ingest.testing;

import io.newsrec.delivery.RetryQueue;
import io.newsrec.events.Pageview;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** An in-memory {@link RetryQueue} that can be down. */
public final class FakeRetryQueue implements RetryQueue {

  private final List<Pageview> stored = new ArrayList<>();
  private volatile boolean down;

  @Override
  public CompletableFuture<Void> send(List<Pageview> events) {
    if (down) {
      return CompletableFuture.failedFuture(new IllegalStateException("queue down (fake)"));
    }
    synchronized (stored) {
      stored.addAll(events);
    }
    return CompletableFuture.completedFuture(null);
  }

  @Override
  public boolean reachable() {
    return !down;
  }

  public void down(boolean down) {
    this.down = down;
  }

  public List<Pageview> stored() {
    synchronized (stored) {
      return List.copyOf(stored);
    }
  }

  public void reset() {
    down = false;
    synchronized (stored) {
      stored.clear();
    }
  }
}
