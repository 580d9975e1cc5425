package io.newsrec.model.serve.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * An open-loop load generator: request {@code i} is due at {@code start + i / rate}, whether or not
 * earlier answers have come back, and its latency is measured from when it was due, not from when
 * it was sent. A stalled server therefore shows up in the percentiles instead of silently slowing
 * the generator down (the "coordinated omission" correction, as in wrk2).
 */
final class OpenLoopLoad {

  static final int MAX_IN_FLIGHT = 64;

  /**
   * Latencies in microseconds as the client saw them, the server's own time per answer (its {@code
   * tookMicros}: parse, rank, write, without queueing and network), the answers that were not 200,
   * and the answers with no items.
   */
  record Result(
      int rate,
      long requests,
      long errors,
      long emptyAnswers,
      Histogram micros,
      Histogram serverMicros,
      double seconds) {}

  private OpenLoopLoad() {}

  static Result run(URI target, List<byte[]> bodies, int rate, Duration duration)
      throws InterruptedException {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    Histogram micros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    Histogram serverMicros = new Histogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong errors = new AtomicLong();
    AtomicLong empty = new AtomicLong(); // a fast empty answer would flatter the latency
    Semaphore inFlight = new Semaphore(MAX_IN_FLIGHT);
    long total = rate * duration.toSeconds();
    CountDownLatch done = new CountDownLatch((int) total);
    long periodNanos = 1_000_000_000L / rate;
    long start = System.nanoTime();
    for (long i = 0; i < total; i++) {
      long due = start + i * periodNanos;
      for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
        LockSupport.parkNanos(wait);
      }
      // At most MAX_IN_FLIGHT requests (so connections) at once, like wrk2's -c: when the server
      // stalls, the generator waits here instead of opening hundreds of connections (which
      // overflow the accept queue and turn a short stall into seconds of SYN retries). The
      // latency still counts from `due`, so the wait is measured, not hidden.
      if (!inFlight.tryAcquire(30, TimeUnit.SECONDS)) {
        errors.incrementAndGet(); // the server hung: count the request as failed and go on
        done.countDown();
        continue;
      }
      HttpRequest request =
          HttpRequest.newBuilder(target)
              .header("Content-Type", "application/json")
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.ofByteArray(bodies.get((int) (i % bodies.size()))))
              .build();
      client
          .sendAsync(request, HttpResponse.BodyHandlers.ofString())
          .whenComplete(
              (response, failure) -> {
                inFlight.release();
                long latency = (System.nanoTime() - due) / 1_000;
                synchronized (micros) {
                  micros.recordValue(Math.min(latency, micros.getHighestTrackableValue()));
                  if (failure == null && response.statusCode() == 200) {
                    long took = tookMicros(response.body());
                    if (response.body().startsWith("{\"items\":[]")) {
                      empty.incrementAndGet();
                    }
                    serverMicros.recordValue(
                        Math.min(took, serverMicros.getHighestTrackableValue()));
                  }
                }
                if (failure != null || response.statusCode() != 200) {
                  errors.incrementAndGet();
                }
                done.countDown();
              });
    }
    done.await(60, TimeUnit.SECONDS);
    double seconds = (System.nanoTime() - start) / 1e9;
    client.close();
    synchronized (micros) {
      return new Result(
          rate,
          total,
          errors.get() + done.getCount(),
          empty.get(),
          micros.copy(),
          serverMicros.copy(),
          seconds);
    }
  }

  /** The {@code tookMicros} field of a response (it is the last field: no JSON parse needed). */
  private static long tookMicros(String body) {
    int at = body.lastIndexOf("\"tookMicros\":");
    if (at < 0) {
      return 0;
    }
    long value = 0;
    for (int i = at + "\"tookMicros\":".length(); i < body.length(); i++) {
      char c = body.charAt(i);
      if (c < '0' || c > '9') {
        break;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }
}
