package io.newsrec.ingest.collect;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.PutOutcome;
import io.newsrec.delivery.RetryQueue;
import io.newsrec.events.Pageview;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Delivers one batch of a portal without blocking a thread: puts it to the portal's stream, re-puts
 * only the records the stream refused, with exponential backoff, up to {@code putAttempts}
 * attempts, and sends what is still refused to the retry queue. Every {@link Pending} of the batch
 * ends completed: normally once its event is durable, exceptionally when neither store took it.
 */
final class BatchDelivery {

  private final PageviewStreams streams;
  private final RetryQueue retryQueue;
  private final DeliverySettings settings;
  private final ScheduledExecutorService timer;
  private final DeliveryMetrics metrics;

  BatchDelivery(
      PageviewStreams streams,
      RetryQueue retryQueue,
      DeliverySettings settings,
      ScheduledExecutorService timer,
      DeliveryMetrics metrics) {
    this.streams = streams;
    this.retryQueue = retryQueue;
    this.settings = settings;
    this.timer = timer;
    this.metrics = metrics;
  }

  /** Completes (never exceptionally) once every event of {@code batch} has its outcome. */
  CompletableFuture<Void> deliver(String portal, List<Pending> batch) {
    CompletableFuture<Void> finished = new CompletableFuture<>();
    attempt(portal, batch, 1, finished);
    return finished;
  }

  private void attempt(
      String portal, List<Pending> remaining, int attempt, CompletableFuture<Void> finished) {
    long start = System.nanoTime();
    put(portal, remaining)
        .whenComplete(
            (outcome, failure) -> {
              metrics.put(portal, remaining.size(), System.nanoTime() - start);
              List<Pending> refused =
                  failure == null ? refused(remaining, outcome.rejected()) : remaining;
              completeAllBut(remaining, refused);
              if (refused.isEmpty()) {
                finished.complete(null);
                return;
              }
              metrics.streamRejected(portal, refused.size());
              if (attempt < settings.putAttempts()) {
                Executor later =
                    CompletableFuture.delayedExecutor(
                        Backoff.after(attempt, settings.firstBackoff()).toNanos(),
                        TimeUnit.NANOSECONDS,
                        timer);
                later.execute(() -> attempt(portal, refused, attempt + 1, finished));
              } else {
                toRetryQueue(portal, refused, finished);
              }
            });
  }

  private CompletableFuture<PutOutcome> put(String portal, List<Pending> pending) {
    try {
      return streams
          .put(portal, events(pending))
          .orTimeout(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  private void toRetryQueue(
      String portal, List<Pending> refused, CompletableFuture<Void> finished) {
    CompletableFuture<Void> sent;
    try {
      sent =
          retryQueue
              .send(events(refused))
              .orTimeout(settings.callTimeout().toNanos(), TimeUnit.NANOSECONDS);
    } catch (RuntimeException e) {
      sent = CompletableFuture.failedFuture(e);
    }
    sent.whenComplete(
        (ok, failure) -> {
          if (failure == null) {
            metrics.sentToRetryQueue(portal, refused.size());
            refused.forEach(p -> p.done().complete(null));
          } else {
            metrics.undeliverable(portal, refused.size());
            Undeliverable cause = new Undeliverable("stream and retry queue both failed", failure);
            refused.forEach(p -> p.done().completeExceptionally(cause));
          }
          finished.complete(null);
        });
  }

  /**
   * The pending events whose events the stream refused. {@code rejected} is a subsequence of the
   * events sent, in their order, so one pass matches them; equal events are interchangeable.
   */
  static List<Pending> refused(List<Pending> sent, List<Pageview> rejected) {
    if (rejected.isEmpty()) {
      return List.of();
    }
    List<Pending> refused = new ArrayList<>(rejected.size());
    int r = 0;
    for (Pending p : sent) {
      if (r < rejected.size() && p.event().equals(rejected.get(r))) {
        refused.add(p);
        r++;
      }
    }
    if (r < rejected.size()) {
      // The adapter broke its contract (reported events it was not given): to lose nothing,
      // treat the whole attempt as refused.
      return sent;
    }
    return refused;
  }

  private static void completeAllBut(List<Pending> all, List<Pending> refused) {
    if (refused == all) {
      return;
    }
    int r = 0;
    for (Pending p : all) {
      if (r < refused.size() && refused.get(r) == p) {
        r++;
      } else {
        p.done().complete(null);
      }
    }
  }

  private static List<Pageview> events(List<Pending> pending) {
    List<Pageview> events = new ArrayList<>(pending.size());
    for (Pending p : pending) {
      events.add(p.event());
    }
    return events;
  }
}
