package io.newsrec.ingest.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A bad configuration stops the service at start-up with the key named: binding {@code
 * newsrec.ingest.*} (what Spring does at start-up) fails.
 */
class IngestPropertiesTest {

  private static Map<String, String> complete() {
    Map<String, String> p = new HashMap<>();
    p.put("newsrec.ingest.portals", "g1,ge");
    p.put("newsrec.ingest.max-body-size", "1MB");
    p.put("newsrec.ingest.read-budget", "32MB");
    p.put("newsrec.ingest.max-batch-size", "500");
    p.put("newsrec.ingest.linger", "5ms");
    p.put("newsrec.ingest.max-in-flight-events", "10000");
    p.put("newsrec.ingest.max-concurrent-puts", "2");
    p.put("newsrec.ingest.put-attempts", "3");
    p.put("newsrec.ingest.first-backoff", "10ms");
    p.put("newsrec.ingest.call-timeout", "2s");
    p.put("newsrec.ingest.retry-after", "2s");
    p.put("newsrec.ingest.event-max-age", "30d");
    p.put("newsrec.ingest.event-max-ahead", "1d");
    p.put("newsrec.ingest.rate-limit.enabled", "false");
    p.put("newsrec.ingest.rate-limit.max-clients", "10");
    p.put("newsrec.ingest.stream-prefix", "pageviews-");
    p.put("newsrec.ingest.retry-queue", "pageviews-retry");
    return p;
  }

  private static IngestProperties bind(Map<String, String> properties) {
    return new Binder(new MapConfigurationPropertySource(properties))
        .bindOrCreate("newsrec.ingest", IngestProperties.class);
  }

  private static IngestProperties bindWith(String key, String value) {
    Map<String, String> p = complete();
    p.put(key, value);
    return bind(p);
  }

  @Test
  void aCompleteConfigurationBindsWithItsDeliverySettings() {
    IngestProperties properties = bind(complete());

    assertThat(properties.portalSet().ids()).containsExactlyInAnyOrder("g1", "ge");
    assertThat(properties.delivery().linger()).isEqualTo(Duration.ofMillis(5));
    assertThat(properties.delivery().maxBatchSize()).isEqualTo(500);
    // every attempt (3), the retry queue and slack: 2 s * (3 + 2) + 1 s
    assertThat(properties.requestTimeout()).isEqualTo(Duration.ofSeconds(11));
  }

  @Test
  void aBatchLimitAbovePutRecordsLimitIsRefused() {
    assertThatThrownBy(() -> bindWith("newsrec.ingest.max-batch-size", "501"))
        .isInstanceOf(BindException.class)
        .hasStackTraceContaining("max-batch-size in 1..500");
  }

  @Test
  void aPortalIdThatCannotNameAStreamIsRefused() {
    assertThatThrownBy(() -> bindWith("newsrec.ingest.portals", "g1,G_E"))
        .hasStackTraceContaining("portal id 'G_E'");
  }

  @Test
  void aBufferSmallerThanOnePutIsRefused() {
    assertThatThrownBy(() -> bindWith("newsrec.ingest.max-in-flight-events", "100"))
        .hasStackTraceContaining("inconsistent delivery settings");
  }

  @Test
  void aRetryAfterUnderOneSecondIsRefused() {
    assertThatThrownBy(() -> bindWith("newsrec.ingest.retry-after", "500ms"))
        .hasStackTraceContaining("retry-after >= 1s");
  }

  @Test
  void originsOfPortalsNotServedAreIgnored() {
    Map<String, String> p = complete();
    p.put("newsrec.ingest.cors-origins.g1", "https://g1.globo.com,http://localhost:3000");
    p.put("newsrec.ingest.cors-origins.gshow", "https://gshow.globo.com");

    assertThat(bind(p).corsOrigins())
        .containsOnlyKeys("g1")
        .containsEntry("g1", java.util.List.of("https://g1.globo.com", "http://localhost:3000"));
  }
}
