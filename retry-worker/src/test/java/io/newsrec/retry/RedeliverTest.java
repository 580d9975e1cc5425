package io.newsrec.retry;

import static io.newsrec.testsupport.TestPageviews.pageview;
import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.delivery.RetryMessage;
import io.newsrec.events.Pageview;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class RedeliverTest {

  private final FakeStreams streams = new FakeStreams();
  private final List<Duration> pauses = new ArrayList<>();
  private final Redeliver redeliver =
      new Redeliver(
          streams,
          3,
          Duration.ofMillis(100),
          pause -> {
            pauses.add(pause);
            return (Executor) Runnable::run;
          });

  private final List<Pageview> events =
      List.of(pageview("g1", "a", 1), pageview("g1", "b", 2), pageview("g1", "a", 3));
  private final RetryMessage message = new RetryMessage("g1", events);

  @Test
  void everyEventPutAtOnceIsRedelivered() {
    Redelivery outcome = redeliver.redeliver(message).join();

    assertThat(outcome).isEqualTo(new Redelivery.Redelivered("g1", 3));
    assertThat(streams.stream).containsExactlyElementsOf(events);
    assertThat(pauses).isEmpty();
  }

  @Test
  void afterAPartialFailureOnlyTheRefusedEventsArePutAgain() {
    streams.thenReject(e -> e.userId().equals("b"));

    Redelivery outcome = redeliver.redeliver(message).join();

    assertThat(outcome).isEqualTo(new Redelivery.Redelivered("g1", 3));
    assertThat(streams.calls).containsExactly(events, List.of(events.get(1)));
    assertThat(pauses).containsExactly(Duration.ofMillis(100));
  }

  @Test
  void afterTheLastAttemptWhatIsStillRefusedIsReportedWithWhatWasTaken() {
    streams.thenReject(e -> e.userId().equals("b")).thenReject(e -> true).thenReject(e -> true);

    Redelivery outcome = redeliver.redeliver(message).join();

    assertThat(outcome)
        .isEqualTo(new Redelivery.NotRedelivered("g1", 2, List.of(events.get(1)), null));
    assertThat(((Redelivery.NotRedelivered) outcome).unreachable()).isFalse();
    assertThat(pauses).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200));
  }

  @Test
  void aStreamThatDoesNotAnswerLeavesEveryEventUndeliveredWithTheCause() {
    IllegalStateException down = new IllegalStateException("connection refused");
    streams.thenFail(down).thenFail(down).thenFail(down);

    Redelivery outcome = redeliver.redeliver(message).join();

    assertThat(outcome).isEqualTo(new Redelivery.NotRedelivered("g1", 0, events, down));
    assertThat(((Redelivery.NotRedelivered) outcome).unreachable()).isTrue();
    assertThat(streams.calls).hasSize(3);
  }

  @Test
  void aFailureFollowedByAnAnswerRedeliversEverything() {
    streams.thenFail(new IllegalStateException("timeout"));

    assertThat(redeliver.redeliver(message).join()).isEqualTo(new Redelivery.Redelivered("g1", 3));
    assertThat(streams.stream).containsExactlyElementsOf(events);
  }
}
