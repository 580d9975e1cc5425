package io.newsrec.bench.fault;

import io.newsrec.bench.load.HttpConnection;
import io.newsrec.bench.traffic.SampleTraffic;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sends pageviews as the tracker does: in batches, keeping every batch until the service answers
 * {@code 202}, and re-sending it after a backoff on anything else (503, 429, a refused or cut
 * connection, a timeout). First sends are paced at a fixed rate; re-sends are not.
 */
public final class TrackerClient {

  private static final int TIMEOUT_MILLIS = 5_000;
  private static final long MAX_BACKOFF_MILLIS = 2_000;

  private final InetSocketAddress target;
  private final int senders;
  private final double eventsPerSecond;
  private final List<Batch> batches = new ArrayList<>();
  private final Set<UUID> acknowledged = ConcurrentHashMap.newKeySet();
  private final ConcurrentSkipListMap<String, AtomicLong> answers = new ConcurrentSkipListMap<>();
  private final AtomicLong sends = new AtomicLong();
  private final AtomicLong eventSends = new AtomicLong();

  /**
   * @param events how many distinct events (unique eventIds) to deliver
   * @param batchSize events per request
   * @param eventsPerSecond pace of first sends
   */
  public TrackerClient(
      InetSocketAddress target,
      SampleTraffic json,
      int events,
      int batchSize,
      int senders,
      double eventsPerSecond) {
    this.target = target;
    this.senders = senders;
    this.eventsPerSecond = eventsPerSecond;
    for (int first = 0; first < events; first += batchSize) {
      var ids = new ArrayList<UUID>();
      for (int i = first; i < Math.min(events, first + batchSize); i++) {
        ids.add(json.nextEventId());
      }
      byte[] request = HttpConnection.post("/pageview", "application/json", json.batch(ids));
      batches.add(new Batch(ids, request));
    }
  }

  /** Delivers every event, or gives up at {@code deadline}; returns what was sent and acked. */
  public Delivery run(Duration deadline) throws InterruptedException {
    long start = System.nanoTime();
    long end = start + deadline.toNanos();
    var due = new DelayQueue<Batch>();
    int total = 0;
    for (int k = 0; k < batches.size(); k++) {
      due.add(batches.get(k).dueAt(start + (long) (total / eventsPerSecond * 1e9)));
      total += batches.get(k).ids.size();
    }
    int events = total;
    var threads = new ArrayList<Thread>();
    for (int s = 0; s < senders; s++) {
      threads.add(
          Thread.ofPlatform().name("tracker-" + s).daemon().start(() -> send(due, events, end)));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    long sent = batches.stream().filter(b -> b.attempts > 0).mapToLong(b -> b.ids.size()).sum();
    var byAnswer = new java.util.TreeMap<String, Long>();
    answers.forEach((k, v) -> byAnswer.put(k, v.get()));
    return new Delivery(
        events, sent, Set.copyOf(acknowledged), sends.get(), eventSends.get(), byAnswer);
  }

  /** Events acknowledged so far (for a fault schedule that acts on progress). */
  public int acknowledgedSoFar() {
    return acknowledged.size();
  }

  private void send(DelayQueue<Batch> due, int events, long end) {
    HttpConnection connection = null;
    try {
      while (acknowledged.size() < events && System.nanoTime() < end) {
        Batch batch = due.poll(50, TimeUnit.MILLISECONDS);
        if (batch == null) {
          continue;
        }
        batch.attempts++;
        sends.incrementAndGet();
        eventSends.addAndGet(batch.ids.size());
        String answer;
        try {
          if (connection == null || !connection.open()) {
            connection = new HttpConnection(target, TIMEOUT_MILLIS);
          }
          int status = connection.exchange(batch.request);
          answer = String.valueOf(status);
          if (status == 202) {
            acknowledged.addAll(batch.ids);
            count(answer);
            continue;
          }
        } catch (IOException e) {
          answer = "io-error";
          if (connection != null) {
            connection.close();
          }
          connection = null;
        }
        count(answer);
        long backoff = Math.min(MAX_BACKOFF_MILLIS, 100L << Math.min(5, batch.attempts - 1));
        due.add(batch.dueAt(System.nanoTime() + backoff * 1_000_000));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      if (connection != null) {
        connection.close();
      }
    }
  }

  private void count(String answer) {
    answers.computeIfAbsent(answer, a -> new AtomicLong()).incrementAndGet();
  }

  /**
   * What the client delivered.
   *
   * @param events distinct events it had to deliver
   * @param sent distinct events sent at least once
   * @param acknowledged event ids answered with 202
   * @param requests requests made, re-sends included
   * @param eventSends events sent, re-sends included
   * @param answers requests by answer: HTTP status, or {@code io-error}
   */
  public record Delivery(
      long events,
      long sent,
      Set<UUID> acknowledged,
      long requests,
      long eventSends,
      java.util.Map<String, Long> answers) {}

  /** One request's events; owned by one sender thread at a time, handed over by the queue. */
  private static final class Batch implements Delayed {
    final List<UUID> ids;
    final byte[] request;
    int attempts;
    private long dueNanos;

    Batch(List<UUID> ids, byte[] request) {
      this.ids = List.copyOf(ids);
      this.request = request;
    }

    Batch dueAt(long nanos) {
      dueNanos = nanos;
      return this;
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(dueNanos - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed other) {
      return Long.compare(dueNanos, ((Batch) other).dueNanos);
    }
  }
}
