package io.newsrec.ingest.web;

import static io.newsrec.ingest.testing.Pageviews.events;
import static io.newsrec.ingest.testing.Pageviews.json;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MetricsEndpointTest extends EndpointTest {

  @Test
  void prometheusShowsPerPortalDeliveryMeters() {
    assertThat(http.postJson("/pageview", json(events("ge", "metrics-u", 3))).statusCode())
        .isEqualTo(202);
    http.postJson("/pageview", "{\"portal\":\"ge\"}");

    String scrape = http.get("/actuator/prometheus").body();

    assertThat(scrape)
        .containsPattern("newsrec_ingest_events_accepted_total\\{.*portal=\"ge\".*} [1-9]")
        .containsPattern("newsrec_ingest_events_invalid_total\\{.*portal=\"ge\".*} [1-9]")
        .contains("newsrec_ingest_buffer_depth{")
        .contains("newsrec_ingest_batch_size_records_count{")
        .contains("newsrec_ingest_put_latency_seconds_bucket{");
  }
}
