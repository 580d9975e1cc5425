package io.newsrec.ingest.collect;

import static io.newsrec.ingest.testing.Pageviews.event;
import static io.newsrec.ingest.testing.Pageviews.events;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.events.Pageview;
import io.newsrec.events.Portals;
import io.newsrec.ingest.testing.FakePageviewStreams;
import io.newsrec.ingest.testing.FakeRetryQueue;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CollectPageviewsTest {

  private static final Duration WAIT = Duration.ofSeconds(5);

  private final FakePageviewStreams streams = new FakePageviewStreams();
  private final FakeRetryQueue retryQueue = new FakeRetryQueue();
  private final CountingMetrics metrics = new CountingMetrics();
  private CollectPageviews collect = collect(2_000);

  private CollectPageviews collect(int maxInFlight) {
    DeliverySettings settings =
        new DeliverySettings(
            Duration.ofMillis(2),
            500,
            maxInFlight,
            2,
            3,
            Duration.ofMillis(1),
            Duration.ofSeconds(1));
    return new CollectPageviews(Portals.of("g1", "ge"), streams, retryQueue, settings, metrics);
  }

  @AfterEach
  void close() throws InterruptedException {
    streams.reset();
    collect.close();
  }

  @Test
  void eventsAcceptedByTheStreamAreDurableAndKeepTheirOrderPerPortal() throws Exception {
    List<Pageview> g1 = events("g1", "u-1", 3);
    List<Pageview> ge = events("ge", "u-2", 2);

    Collected collected =
        await(collect.collect(List.of(g1.get(0), ge.get(0), g1.get(1), ge.get(1), g1.get(2))));

    assertThat(collected).isEqualTo(new Collected.Durable(5));
    assertThat(streams.stored("g1")).containsExactlyElementsOf(g1);
    assertThat(streams.stored("ge")).containsExactlyElementsOf(ge);
    assertThat(retryQueue.stored()).isEmpty();
    assertThat(metrics.accepted).hasValue(5);
  }

  @Test
  void aLargeRequestIsPutInCallsOfAtMost500Records() throws Exception {
    List<Pageview> many = events("g1", "u-1", 1_200);

    assertThat(await(collect.collect(many))).isEqualTo(new Collected.Durable(1_200));

    assertThat(streams.puts())
        .allSatisfy(put -> assertThat(put.events()).hasSizeLessThanOrEqualTo(500));
    assertThat(streams.puts()).hasSize(3);
    assertThat(streams.stored("g1")).containsExactlyElementsOf(many);
  }

  @Test
  void onlyTheRecordsTheStreamRefusedAreSentAgain() throws Exception {
    List<Pageview> batch = events("g1", "u-1", 5);
    streams.refuseOnce(batch.get(1), batch.get(3));

    assertThat(await(collect.collect(batch))).isEqualTo(new Collected.Durable(5));

    assertThat(streams.puts()).hasSize(2);
    assertThat(streams.puts().get(1).events()).containsExactly(batch.get(1), batch.get(3));
    assertThat(streams.stored("g1")).containsExactlyInAnyOrderElementsOf(batch);
    assertThat(retryQueue.stored()).isEmpty();
    assertThat(metrics.streamRejected).hasValue(2);
  }

  @Test
  void whenTheStreamKeepsFailingTheEventsGoToTheRetryQueueAndAreDurable() throws Exception {
    streams.down(true);
    List<Pageview> batch = events("g1", "u-1", 4);

    assertThat(await(collect.collect(batch))).isEqualTo(new Collected.Durable(4));

    assertThat(streams.puts()).hasSize(3); // putAttempts
    assertThat(retryQueue.stored()).containsExactlyElementsOf(batch);
    assertThat(metrics.sentToRetryQueue).hasValue(4);
  }

  @Test
  void whenTheStreamAndTheRetryQueueBothFailTheEventsAreUndelivered() throws Exception {
    streams.down(true);
    retryQueue.down(true);

    assertThat(await(collect.collect(events("g1", "u-1", 2))))
        .isEqualTo(new Collected.Undelivered(2));
    assertThat(metrics.undeliverable).hasValue(2);
  }

  @Test
  void aFullBufferRefusesTheWholeRequestAtOnceAndTakesNothing() throws Exception {
    collect.close();
    collect = collect(500);
    streams.hold("g1");
    CompletableFuture<Collected> first = collect.collect(events("g1", "u-1", 500));

    Collected second =
        collect
            .collect(List.of(event("ge", "u-2", 0), event("g1", "u-2", 1)))
            .get(1, TimeUnit.SECONDS);

    assertThat(second).isEqualTo(new Collected.Overloaded("g1"));
    assertThat(collect.bufferDepth("ge")).isZero(); // the ge room it had reserved was given back
    streams.release("g1");
    assertThat(await(first)).isEqualTo(new Collected.Durable(500));
    assertThat(collect.bufferDepth("g1")).isZero();
  }

  @Test
  void aStalledPortalDoesNotHoldUpAnother() throws Exception {
    streams.hold("g1");
    CompletableFuture<Collected> stalled = collect.collect(events("g1", "u-1", 10));

    Collected other = await(collect.collect(events("ge", "u-2", 10)));

    assertThat(other).isEqualTo(new Collected.Durable(10));
    assertThat(stalled).isNotDone();
    assertThat(collect.bufferDepth("g1")).isEqualTo(10);
    streams.release("g1");
    assertThat(await(stalled)).isEqualTo(new Collected.Durable(10));
  }

  @Test
  void eventsOfSeparateRequestsWithinTheLingerShareOnePut() throws Exception {
    collect.close();
    DeliverySettings slowLinger =
        new DeliverySettings(
            Duration.ofMillis(300), 500, 1_000, 1, 1, Duration.ofMillis(1), Duration.ofSeconds(1));
    collect = new CollectPageviews(Portals.of("g1"), streams, retryQueue, slowLinger, metrics);

    CompletableFuture<Collected> a = collect.collect(List.of(event("g1", "u-1", 1)));
    CompletableFuture<Collected> b = collect.collect(List.of(event("g1", "u-2", 2)));

    assertThat(await(a)).isEqualTo(new Collected.Durable(1));
    assertThat(await(b)).isEqualTo(new Collected.Durable(1));
    assertThat(streams.puts())
        .singleElement()
        .satisfies(put -> assertThat(put.events()).hasSize(2));
  }

  @Test
  void aRequestsEventsStayTogetherInOnePutInTheirOrder() throws Exception {
    collect.close();
    DeliverySettings slowLinger =
        new DeliverySettings(
            Duration.ofMillis(300), 500, 1_000, 1, 1, Duration.ofMillis(1), Duration.ofSeconds(5));
    collect = new CollectPageviews(Portals.of("g1"), streams, retryQueue, slowLinger, metrics);
    List<Pageview> a = events("g1", "u-a", 300);
    List<Pageview> b = events("g1", "u-b", 300);

    CompletableFuture<Collected> first = collect.collect(a);
    CompletableFuture<Collected> second = collect.collect(b);

    assertThat(await(first)).isEqualTo(new Collected.Durable(300));
    assertThat(await(second)).isEqualTo(new Collected.Durable(300));
    // Not 500 + 100: the second request would be split over two puts.
    assertThat(streams.puts()).extracting(FakePageviewStreams.Put::events).containsExactly(a, b);
  }

  @Test
  void closingDeliversWhatIsBufferedAndTakesNothingNew() throws Exception {
    collect.close();
    DeliverySettings patient =
        new DeliverySettings(
            Duration.ofMillis(2), 500, 1_000, 1, 1, Duration.ofMillis(1), Duration.ofSeconds(30));
    collect = new CollectPageviews(Portals.of("g1", "ge"), streams, retryQueue, patient, metrics);
    streams.hold("g1");
    CompletableFuture<Collected> buffered = collect.collect(events("g1", "u-1", 3));
    CompletableFuture<Void> closed =
        CompletableFuture.runAsync(
            () -> {
              try {
                collect.close();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                collect.collect(List.of(event("ge", "u-2", 1))).getNow(null)
                    instanceof Collected.Overloaded);
    assertThat(closed).isNotDone();
    streams.release("g1");

    closed.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertThat(await(buffered)).isEqualTo(new Collected.Durable(3));
    assertThat(streams.stored("g1")).hasSize(3);
  }

  private static Collected await(CompletableFuture<Collected> future) throws Exception {
    return future.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Counts what the delivery path reports. */
  static final class CountingMetrics implements DeliveryMetrics {
    final AtomicInteger accepted = new AtomicInteger();
    final AtomicInteger streamRejected = new AtomicInteger();
    final AtomicInteger sentToRetryQueue = new AtomicInteger();
    final AtomicInteger undeliverable = new AtomicInteger();

    @Override
    public void accepted(String portal, int events) {
      accepted.addAndGet(events);
    }

    @Override
    public void put(String portal, int records, long nanos) {}

    @Override
    public void streamRejected(String portal, int records) {
      streamRejected.addAndGet(records);
    }

    @Override
    public void sentToRetryQueue(String portal, int events) {
      sentToRetryQueue.addAndGet(events);
    }

    @Override
    public void undeliverable(String portal, int events) {
      undeliverable.addAndGet(events);
    }
  }
}
