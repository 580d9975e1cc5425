package io.newsrec.delivery.aws;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;

class ReachabilityTest {

  private final AtomicLong now = new AtomicLong(0);
  private final AtomicInteger probes = new AtomicInteger();
  private final AtomicBoolean probeAnswers = new AtomicBoolean(true);
  private final Reachability reachability =
      new Reachability(
          Duration.ofSeconds(5),
          now::get,
          () -> {
            probes.incrementAndGet();
            return probeAnswers.get();
          });

  @Test
  void withoutRecentCallsItProbes() {
    probeAnswers.set(false);

    assertThat(reachability.reachable()).isFalse();
    assertThat(probes).hasValue(1);
  }

  @Test
  void aRecentAnswerSparesTheProbe() {
    reachability.observe(null);

    assertThat(reachability.reachable()).isTrue();
    assertThat(probes).hasValue(0);
  }

  @Test
  void anErrorResponseIsAnAnswerButNoResponseIsSilence() {
    reachability.observe(ProvisionedThroughputExceededException.builder().message("slow").build());
    assertThat(reachability.reachable()).isTrue();

    now.addAndGet(1);
    reachability.observe(SdkClientException.create("connection refused"));
    assertThat(reachability.reachable()).isFalse();
    assertThat(probes).hasValue(0);
  }

  @Test
  void anObservationGoesStaleAfterTheFreshnessWindow() {
    reachability.observe(null);
    now.addAndGet(Duration.ofSeconds(5).toNanos());
    probeAnswers.set(false);

    assertThat(reachability.reachable()).isFalse();
    assertThat(probes).hasValue(1);
  }
}
