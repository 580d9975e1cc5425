package io.newsrec.retry.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.delivery.aws.AwsSettings;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LongPollingTimeoutsTest {

  private final AwsSettings settings =
      AwsSettings.local(URI.create("http://k"), URI.create("http://s"))
          .withTimeouts(Duration.ofSeconds(10), Duration.ofSeconds(3), 2);

  @Test
  void anAttemptLastsThePollPlusTheConfiguredAttemptTimeout() {
    AwsSettings polling = RetryWorkerConfiguration.forLongPolling(settings, Duration.ofSeconds(10));

    assertThat(polling.attemptTimeout()).isEqualTo(Duration.ofSeconds(13));
    assertThat(polling.callTimeout()).isEqualTo(Duration.ofSeconds(39)); // 3 attempts of 13 s
    assertThat(polling.maxRetries()).isEqualTo(2);
  }

  @Test
  void aLongerConfiguredCallTimeoutIsKept() {
    AwsSettings polling =
        RetryWorkerConfiguration.forLongPolling(
            settings.withTimeouts(Duration.ofMinutes(2), Duration.ofSeconds(3), 2),
            Duration.ofSeconds(1));

    assertThat(polling.attemptTimeout()).isEqualTo(Duration.ofSeconds(4));
    assertThat(polling.callTimeout()).isEqualTo(Duration.ofMinutes(2));
  }
}
