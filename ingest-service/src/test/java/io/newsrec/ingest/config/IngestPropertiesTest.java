package io.newsrec.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsrec.ingest.testing.FakeDeliveryApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** A bad configuration stops the service at start-up, with the key named. */
class IngestPropertiesTest {

  private final WebApplicationContextRunner runner =
      new WebApplicationContextRunner()
          .withUserConfiguration(FakeDeliveryApplication.class)
          .withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
          .withPropertyValues(
              "newsrec.ingest.portals=g1,ge",
              "newsrec.ingest.max-body-size=1MB",
              "newsrec.ingest.max-batch-size=500",
              "newsrec.ingest.linger=5ms",
              "newsrec.ingest.max-in-flight-events=10000",
              "newsrec.ingest.max-concurrent-puts=2",
              "newsrec.ingest.put-attempts=3",
              "newsrec.ingest.first-backoff=10ms",
              "newsrec.ingest.call-timeout=2s",
              "newsrec.ingest.retry-after=2s",
              "newsrec.ingest.event-max-age=30d",
              "newsrec.ingest.event-max-ahead=1d",
              "newsrec.ingest.rate-limit.enabled=false",
              "newsrec.ingest.rate-limit.max-clients=10",
              "newsrec.ingest.stream-prefix=pageviews-",
              "newsrec.ingest.retry-queue=pageviews-retry");

  @Test
  void aCompleteConfigurationStarts() {
    runner.run(context -> assertThat(context).hasNotFailed());
  }

  @Test
  void aBatchLimitAbovePutRecordsLimitIsRefused() {
    runner
        .withPropertyValues("newsrec.ingest.max-batch-size=501")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("max-batch-size in 1..500"));
  }

  @Test
  void aPortalIdThatCannotNameAStreamIsRefused() {
    runner
        .withPropertyValues("newsrec.ingest.portals=g1,G_E")
        .run(
            context -> assertThat(context).getFailure().hasStackTraceContaining("portal id 'G_E'"));
  }

  @Test
  void aBufferSmallerThanOnePutIsRefused() {
    runner
        .withPropertyValues("newsrec.ingest.max-in-flight-events=100")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .hasStackTraceContaining("inconsistent delivery settings"));
  }

  @Test
  void originsOfPortalsNotServedAreIgnored() {
    runner
        .withPropertyValues("newsrec.ingest.cors-origins.gshow=https://gshow.globo.com")
        .run(
            context ->
                assertThat(context.getBean(IngestProperties.class).corsOrigins())
                    .doesNotContainKey("gshow"));
  }
}
