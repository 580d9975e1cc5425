package io.newsrec.retry;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.RetryMessage;
import io.newsrec.events.Pageview;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Re-puts the events of one retry message into their portal's stream, with their original partition
 * key (the user id, which each event carries), trying a few times in process: after a partial
 * failure only the refused events are put again, after a pause that doubles each time.
 */
public final class Redeliver {

  private final PageviewStreams streams;
  private final int attempts;
  private final Duration firstPause;
  private final Function<Duration, Executor> delays;

  /**
   * @param attempts puts per message and receive, at least 1
   * @param firstPause pause before the second attempt; doubles before each further one
   */
  public Redeliver(PageviewStreams streams, int attempts, Duration firstPause) {
    this(streams, attempts, firstPause, Redeliver::delayed);
  }

  Redeliver(
      PageviewStreams streams,
      int attempts,
      Duration firstPause,
      Function<Duration, Executor> delays) {
    if (attempts < 1) {
      throw new IllegalArgumentException("attempts >= 1");
    }
    this.streams = streams;
    this.attempts = attempts;
    this.firstPause = firstPause;
    this.delays = delays;
  }

  public CompletableFuture<Redelivery> redeliver(RetryMessage message) {
    return attempt(message.portal(), message.events(), 0, 1, firstPause);
  }

  private CompletableFuture<Redelivery> attempt(
      String portal, List<Pageview> pending, int accepted, int attempt, Duration pause) {
    return streams
        .put(portal, pending)
        .handle(
            (outcome, failure) -> {
              List<Pageview> left = failure == null ? outcome.rejected() : pending;
              int acceptedNow = accepted + pending.size() - left.size();
              if (left.isEmpty()) {
                return CompletableFuture.<Redelivery>completedFuture(
                    new Redelivery.Redelivered(portal, acceptedNow));
              }
              if (attempt >= attempts) {
                return CompletableFuture.<Redelivery>completedFuture(
                    new Redelivery.NotRedelivered(portal, acceptedNow, left, unwrap(failure)));
              }
              return CompletableFuture.supplyAsync(() -> null, delays.apply(pause))
                  .thenCompose(
                      ignored ->
                          attempt(portal, left, acceptedNow, attempt + 1, pause.multipliedBy(2)));
            })
        .thenCompose(next -> next);
  }

  private static Throwable unwrap(Throwable failure) {
    return failure instanceof CompletionException && failure.getCause() != null
        ? failure.getCause()
        : failure;
  }

  private static Executor delayed(Duration pause) {
    return CompletableFuture.delayedExecutor(pause.toMillis(), TimeUnit.MILLISECONDS);
  }
}
