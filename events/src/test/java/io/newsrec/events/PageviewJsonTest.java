package io.newsrec.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageviewJsonTest {

  private static final Pageview FULL =
      new Pageview(
          UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
          "g1",
          "u-123",
          "s-9",
          "https://g1.globo.com/a.ghtml",
          "a-77",
          Instant.parse("2026-11-27T09:59:58.250Z"),
          15000,
          80,
          2,
          "https://www.google.com/",
          "r-5");

  @Test
  void anEventEncodesToTheDocumentedFieldNamesWithAnIsoEventTime() {
    String json = new String(PageviewJson.encode(FULL), StandardCharsets.UTF_8);

    assertThat(json)
        .isEqualTo(
            "{\"eventId\":\"3f2504e0-4f89-41d3-9a0c-0305e82c3301\",\"portal\":\"g1\","
                + "\"userId\":\"u-123\",\"sessionId\":\"s-9\",\"url\":\"https://g1.globo.com/a.ghtml\","
                + "\"articleId\":\"a-77\",\"eventTime\":\"2026-11-27T09:59:58.250Z\","
                + "\"timeOnPageMs\":15000,\"scrollDepthPct\":80,\"linkClicks\":2,"
                + "\"referrer\":\"https://www.google.com/\",\"recommendationId\":\"r-5\"}");
  }

  @Test
  void absentOptionalFieldsAreLeftOutAndReadBackAsNull() {
    Pageview bare = Examples.pageview("ge", "u-1", 3);

    String json = new String(PageviewJson.encode(bare), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("referrer").doesNotContain("recommendationId");
    assertThat(PageviewJson.decode(json.getBytes(StandardCharsets.UTF_8))).isEqualTo(bare);
  }

  @Test
  void anEventSurvivesARoundTrip() {
    assertThat(PageviewJson.decode(PageviewJson.encode(FULL))).isEqualTo(FULL);
  }

  @Test
  void aBatchSurvivesARoundTripInOrder() {
    List<Pageview> batch =
        List.of(FULL, Examples.pageview("ge", "u-2", 1), Examples.pageview("gshow", "u-3", 2));

    assertThat(PageviewJson.decodeBatch(PageviewJson.encodeBatch(batch))).isEqualTo(batch);
  }

  @Test
  void aSingleObjectDecodesAsABatchOfOne() {
    assertThat(PageviewJson.decodeBatch(PageviewJson.encode(FULL))).containsExactly(FULL);
  }

  @Test
  void decodingSomethingThatIsNotAPageviewFailsWithTheFieldsNamed() {
    assertThatThrownBy(() -> PageviewJson.decode("{\"portal\":\"g1\"}".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("eventId");
    assertThatThrownBy(() -> PageviewJson.decode("{not json".getBytes()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("not JSON");
  }

  @Test
  void trustedDecodingDoesNotApplyTheDeploymentsPortalSetOrTimeWindow() {
    Pageview old =
        new Pageview(
            new UUID(1, 2),
            "otherportal",
            "u",
            "s",
            "http://x.com/",
            null,
            Instant.parse("2017-10-01T00:00:00Z"),
            0,
            0,
            0,
            null,
            null);

    assertThat(PageviewJson.decode(PageviewJson.encode(old))).isEqualTo(old);
  }
}
