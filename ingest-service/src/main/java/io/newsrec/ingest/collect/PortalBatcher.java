package io.newsrec.ingest.collect;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The buffer of one portal: events queue here, one thread gathers them into batches of at most
 * {@code maxBatchSize}, waiting at most {@code linger} after a batch's first event, and hands each
 * batch to {@link BatchDelivery} with at most {@code maxConcurrentPuts} batches in flight.
 *
 * <p>Each portal has its own batcher, queue, permits and thread, so a slow or failing stream fills
 * only its own portal's buffer (per-portal isolation). Memory is bounded by {@code
 * maxInFlightEvents} permits, taken before an event is queued and returned once it is delivered.
 */
final class PortalBatcher implements AutoCloseable {

  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String portal;
  private final DeliverySettings settings;
  private final BatchDelivery delivery;
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  private final Semaphore capacity;
  private final Semaphore putSlots;
  private final Thread drainer;
  private volatile boolean closing;

  PortalBatcher(String portal, DeliverySettings settings, BatchDelivery delivery) {
    this.portal = portal;
    this.settings = settings;
    this.delivery = delivery;
    this.capacity = new Semaphore(settings.maxInFlightEvents());
    this.putSlots = new Semaphore(settings.maxConcurrentPuts());
    this.drainer = Thread.ofPlatform().daemon().name("batcher-" + portal).start(this::drain);
  }

  /** Takes room for {@code events} events, or answers {@code false} at once when it is full. */
  boolean reserve(int events) {
    return !closing && capacity.tryAcquire(events);
  }

  void release(int events) {
    capacity.release(events);
  }

  /** Queues events for which room was {@linkplain #reserve reserved}. */
  void submit(List<Pending> events) {
    queue.addAll(events);
  }

  /** From now on {@link #reserve} refuses; what is queued is still delivered. */
  void stopTaking() {
    closing = true;
  }

  /** Events held: queued or being delivered. */
  int depth() {
    return settings.maxInFlightEvents() - capacity.availablePermits();
  }

  private void drain() {
    try {
      while (!closing || !queue.isEmpty()) {
        Pending first = queue.poll(IDLE_POLL_NANOS, TimeUnit.NANOSECONDS);
        if (first != null) {
          List<Pending> batch = gather(first);
          putSlots.acquire();
          delivery
              .deliver(portal, batch)
              .whenComplete(
                  (ok, failure) -> {
                    putSlots.release();
                    capacity.release(batch.size());
                  });
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private List<Pending> gather(Pending first) throws InterruptedException {
    int max = settings.maxBatchSize();
    List<Pending> batch = new ArrayList<>(Math.min(max, 64));
    batch.add(first);
    queue.drainTo(batch, max - batch.size());
    long deadline = System.nanoTime() + settings.linger().toNanos();
    while (batch.size() < max) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        break;
      }
      Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
      if (next == null) {
        break;
      }
      batch.add(next);
      queue.drainTo(batch, max - batch.size());
    }
    return batch;
  }

  /**
   * Stops taking events, delivers what is queued and waits (up to {@code timeoutMillis}) for the
   * batches in flight, so that a graceful shutdown acknowledges nothing it then drops.
   */
  void close(long timeoutMillis) throws InterruptedException {
    stopTaking();
    drainer.join(timeoutMillis);
    if (putSlots.tryAcquire(settings.maxConcurrentPuts(), timeoutMillis, TimeUnit.MILLISECONDS)) {
      putSlots.release(settings.maxConcurrentPuts());
    }
  }

  @Override
  public void close() throws InterruptedException {
    close(settings.callTimeout().toMillis() * (settings.putAttempts() + 1));
  }
}
