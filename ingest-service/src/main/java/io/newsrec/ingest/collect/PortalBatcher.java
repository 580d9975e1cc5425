package io.newsrec.ingest.collect;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

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
 * <p>A request's events of the portal are kept together in one put (up to {@code maxBatchSize}), in
 * their order. Each portal has its own batcher, queue, permits and thread, so a slow or failing
 * stream fills only its own portal's buffer (per-portal isolation). Memory is bounded by {@code
 * maxInFlightEvents} permits, taken before an event is queued and returned once it is delivered.
 */
final class PortalBatcher implements AutoCloseable {

  private static final long IDLE_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

  private final String portal;
  private final DeliverySettings settings;
  private final BatchDelivery delivery;
  // One entry per request (its events of this portal), so that a request's events go out in one
  // put, in their order; a batch is made of whole entries.
  private final LinkedBlockingQueue<Entry> queue = new LinkedBlockingQueue<>();
  private final Semaphore capacity;
  private final Semaphore putSlots;
  private final Thread drainer;
  private volatile boolean closing;
  private Entry carried; // drainer thread only: an entry that did not fit the last batch

  /** Events of one request, and when they were queued (the linger counts from then). */
  private record Entry(List<Pending> events, long queuedAt) {}

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

  /**
   * Queues events for which room was {@linkplain #reserve reserved}; they stay together in one put
   * unless there are more than {@code maxBatchSize}.
   */
  void submit(List<Pending> events) {
    int max = settings.maxBatchSize();
    for (int from = 0; from < events.size(); from += max) {
      queue.add(
          new Entry(events.subList(from, Math.min(events.size(), from + max)), System.nanoTime()));
    }
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
      while (!closing || carried != null || !queue.isEmpty()) {
        // A put slot first: while all are busy, events gather in the queue and go out together
        // in the next batch instead of waiting behind a batch already cut.
        putSlots.acquire();
        Entry first = carried != null ? carried : queue.poll(IDLE_POLL_NANOS, NANOSECONDS);
        carried = null;
        if (first == null) {
          putSlots.release();
          continue;
        }
        List<Pending> batch = gather(first);
        delivery
            .deliver(portal, batch)
            .whenComplete(
                (ok, failure) -> {
                  putSlots.release();
                  capacity.release(batch.size());
                });
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Whole entries up to {@code maxBatchSize} events, waiting for more until the first entry has
   * been queued for the linger (an entry that already waited for a put slot waits no longer).
   */
  private List<Pending> gather(Entry first) throws InterruptedException {
    int max = settings.maxBatchSize();
    List<Pending> batch = new ArrayList<>(first.events());
    long deadline = first.queuedAt() + settings.linger().toNanos();
    while (batch.size() < max) {
      Entry next = queue.poll();
      if (next == null) {
        long left = deadline - System.nanoTime();
        next = left > 0 ? queue.poll(left, NANOSECONDS) : null;
        if (next == null) {
          break;
        }
      }
      if (batch.size() + next.events().size() > max) {
        carried = next;
        break;
      }
      batch.addAll(next.events());
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
