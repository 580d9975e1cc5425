package io.newsrec.bench.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * Sends a {@link LoadSpec}'s requests, open-loop (fixed rate, latency from each request's intended
 * send time, as wrk2 does) or closed-loop (as fast as answers come back), and measures them.
 *
 * <p>Open loop: request {@code i} is due at {@code t0 + i / rate}. Whichever connection is free
 * takes the next due request; when all are busy the request waits, and that wait counts in its
 * latency, so a server that stalls cannot hide it by slowing the client down.
 */
public final class LoadGenerator {

  private static final int TIMEOUT_MILLIS = 10_000;

  private LoadGenerator() {}

  public static LoadResult run(LoadSpec spec) throws InterruptedException {
    if (!spec.warmup().isZero()) {
      measure(spec.measuring(spec.warmup()));
    }
    return measure(spec.measuring(spec.duration()));
  }

  private static LoadResult measure(LoadSpec spec) throws InterruptedException {
    long periodNanos = spec.openLoop() ? (long) (1e9 / spec.ratePerSecond()) : 0;
    long start = System.nanoTime() + 20_000_000L; // all threads started before the first is due
    long end = start + spec.duration().toNanos();
    var next = new AtomicLong();
    var senders = new ArrayList<Sender>();
    var threads = new ArrayList<Thread>();
    for (int c = 0; c < spec.connections(); c++) {
      var sender = new Sender(spec, c, start, end, periodNanos, next);
      senders.add(sender);
      // Platform threads: virtual ones cost the client half as much CPU again (measured at 5,000
      // requests/s over 128 connections), CPU the server on the same 2 cores then lacks.
      threads.add(Thread.ofPlatform().name("load-" + c).daemon().start(sender));
    }
    for (Thread thread : threads) {
      thread.join();
    }
    return combine(spec, senders, start);
  }

  private static LoadResult combine(LoadSpec spec, List<Sender> senders, long start) {
    var latency = new Histogram(3);
    long ok = 0;
    long failed = 0;
    long last = start;
    for (Sender s : senders) {
      latency.add(s.latency);
      ok += s.ok;
      failed += s.failed;
      last = Math.max(last, s.lastAnswer);
    }
    double seconds =
        spec.openLoop() ? spec.duration().toNanos() / 1e9 : Math.max(1, last - start) / 1e9;
    return new LoadResult(ok, failed, spec.eventsPerRequest(), seconds, latency);
  }

  /** One connection's loop; its counters are read only after its thread has ended. */
  private static final class Sender implements Runnable {
    private final LoadSpec spec;
    private final long start;
    private final long end;
    private final long periodNanos;
    private final AtomicLong next;
    private final Histogram latency = new Histogram(3);
    private int cursor;
    private long ok;
    private long failed;
    private long lastAnswer;
    private HttpConnection connection;

    Sender(LoadSpec spec, int index, long start, long end, long periodNanos, AtomicLong next) {
      this.spec = spec;
      this.cursor = index;
      this.start = start;
      this.end = end;
      this.periodNanos = periodNanos;
      this.next = next;
    }

    @Override
    public void run() {
      try {
        while (true) {
          long due = spec.openLoop() ? start + next.getAndIncrement() * periodNanos : 0;
          if (spec.openLoop()) {
            if (due >= end) {
              return;
            }
            waitUntil(due);
          } else {
            due = Math.max(System.nanoTime(), start);
            waitUntil(due);
            if (due >= end) {
              return;
            }
          }
          send(due);
        }
      } finally {
        if (connection != null) {
          connection.close();
        }
      }
    }

    private void send(long due) {
      byte[] request = spec.requests().get(cursor++ % spec.requests().size());
      try {
        if (connection == null || !connection.open()) {
          connection = new HttpConnection(spec.target(), TIMEOUT_MILLIS);
        }
        int status = connection.exchange(request);
        long now = System.nanoTime();
        lastAnswer = now;
        if (status / 100 == 2) {
          ok++;
          latency.recordValue(Math.max(0, (now - due) / 1000));
        } else {
          failed++;
        }
      } catch (IOException | RuntimeException e) {
        failed++;
        if (connection != null) {
          connection.close();
          connection = null;
        }
      }
    }

    private static void waitUntil(long due) {
      for (long left = due - System.nanoTime(); left > 0; left = due - System.nanoTime()) {
        LockSupport.parkNanos(left);
      }
    }
  }
}
