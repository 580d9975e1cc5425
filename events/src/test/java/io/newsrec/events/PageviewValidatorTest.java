package io.newsrec.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PageviewValidatorTest {

  private final PageviewValidator validator = Examples.validator();

  @Test
  void aCompleteEventIsValidAndKeepsEveryField() {
    Validated verdict = validator.validate(Examples.validJson());

    assertThat(verdict)
        .isEqualTo(
            new Validated.Valid(
                new Pageview(
                    UUID.fromString("3f2504e0-4f89-41d3-9a0c-0305e82c3301"),
                    "g1",
                    "u-123",
                    "s-9",
                    "https://g1.globo.com/economia/noticia/abc.ghtml",
                    "a-77",
                    Instant.parse("2026-11-27T09:59:58.250Z"),
                    15000,
                    80,
                    2,
                    "https://www.google.com/",
                    "r-5")));
  }

  @Test
  void unknownFieldsAreIgnoredSoThatNewerTrackersKeepWorking() {
    ObjectNode json = Examples.validJson();
    json.put("viewportWidth", 1280);
    json.putObject("experiment").put("arm", "b");

    assertThat(validator.validate(json)).isInstanceOf(Validated.Valid.class);
  }

  @Test
  void optionalFieldsMayBeAbsentNullOrEmpty() {
    ObjectNode json = Examples.validJson();
    json.remove("articleId");
    json.putNull("referrer");
    json.put("recommendationId", "");

    Pageview event = ((Validated.Valid) validator.validate(json)).pageview();

    assertThat(event.articleId()).isNull();
    assertThat(event.referrer()).isNull();
    assertThat(event.recommendationId()).isNull();
  }

  @Test
  void everyBrokenFieldIsNamedAtOnce() {
    ObjectNode json = Examples.validJson();
    json.put("eventId", "1-1-1-1-1");
    json.put("portal", "nope");
    json.put("userId", "   ");
    json.remove("sessionId");
    json.put("url", "ftp://g1.globo.com/x");
    json.put("eventTime", "27/11/2026");
    json.put("timeOnPageMs", -1);
    json.put("scrollDepthPct", 101);
    json.put("linkClicks", "2");
    json.put("referrer", 7);

    assertThat(errors(validator.validate(json)))
        .containsExactly(
            "eventId: must be a UUID",
            "portal: is not a known portal",
            "userId: must not be blank",
            "sessionId: is required",
            "url: must be an absolute http(s) URL",
            "eventTime: must be an ISO-8601 date-time with offset, e.g. 2026-11-27T10:15:30Z",
            "timeOnPageMs: must be between 0 and 86400000",
            "scrollDepthPct: must be between 0 and 100",
            "linkClicks: must be an integer",
            "referrer: must be a string or null");
  }

  @Test
  void scrollDepthIsAcceptedFromZeroToOneHundredInclusive() {
    for (int pct : new int[] {0, 100}) {
      ObjectNode json = Examples.validJson();
      json.put("scrollDepthPct", pct);
      assertThat(validator.validate(json)).as("%d%%", pct).isInstanceOf(Validated.Valid.class);
    }
    ObjectNode negative = Examples.validJson();
    negative.put("scrollDepthPct", -1);
    assertThat(errors(validator.validate(negative)))
        .containsExactly("scrollDepthPct: must be between 0 and 100");
  }

  @Test
  void fractionalNumbersAreNotIntegers() {
    ObjectNode json = Examples.validJson();
    json.put("timeOnPageMs", 1.5);

    assertThat(errors(validator.validate(json)))
        .containsExactly("timeOnPageMs: must be an integer");
  }

  @Test
  void stringsLongerThanTheirBoundAreRejected() {
    ObjectNode json = Examples.validJson();
    json.put("userId", "u".repeat(PageviewLimits.MAX_ID_LENGTH + 1));
    json.put("url", "https://g1.globo.com/" + "p".repeat(PageviewLimits.MAX_URL_LENGTH));

    assertThat(errors(validator.validate(json)))
        .containsExactly(
            "userId: must be at most 128 characters", "url: must be at most 2048 characters");
  }

  @Test
  void anIdOfExactlyTheBoundIsAccepted() {
    ObjectNode json = Examples.validJson();
    json.put("userId", "u".repeat(PageviewLimits.MAX_ID_LENGTH));

    assertThat(validator.validate(json)).isInstanceOf(Validated.Valid.class);
  }

  @Test
  void eventTimesOutsideTheWindowAroundNowAreRejected() {
    // The fixed clock says 2026-11-27T10:00Z; the window is 30 days back and 1 day ahead.
    assertThat(verdictAt("2026-10-28T10:00:00Z")).isInstanceOf(Validated.Valid.class);
    assertThat(verdictAt("2026-10-28T09:59:59Z")).isInstanceOf(Validated.Invalid.class);
    assertThat(verdictAt("2026-11-28T10:00:00Z")).isInstanceOf(Validated.Valid.class);
    assertThat(verdictAt("2026-11-28T10:00:01Z")).isInstanceOf(Validated.Invalid.class);
  }

  @Test
  void anEventTimeWithAnOffsetIsReadAsTheSameInstant() {
    ObjectNode json = Examples.validJson();
    json.put("eventTime", "2026-11-27T06:59:58.250-03:00");

    assertThat(((Validated.Valid) validator.validate(json)).pageview().eventTime())
        .isEqualTo(Instant.parse("2026-11-27T09:59:58.250Z"));
  }

  @Test
  void aUrlWithoutAHostIsNotAbsolute() {
    ObjectNode json = Examples.validJson();
    json.put("url", "https:/relative/path");

    assertThat(errors(validator.validate(json)))
        .containsExactly("url: must be an absolute http(s) URL");
  }

  @Test
  void errorPathsCarryTheBatchIndexPrefix() {
    ObjectNode json = Examples.validJson();
    json.put("scrollDepthPct", 250);

    assertThat(errors(validator.validate(json, "[3].")))
        .containsExactly("[3].scrollDepthPct: must be between 0 and 100");
  }

  @Test
  void anItemThatIsNotAnObjectIsNamedByItsIndex() {
    assertThat(
            errors(validator.validate(PageviewJson.MAPPER.getNodeFactory().textNode("x"), "[2].")))
        .containsExactly("[2]: must be an object");
  }

  private Validated verdictAt(String eventTime) {
    ObjectNode json = Examples.validJson();
    json.put("eventTime", eventTime);
    return validator.validate(json);
  }

  static java.util.List<String> errors(Validated verdict) {
    assertThat(verdict).isInstanceOf(Validated.Invalid.class);
    return ((Validated.Invalid) verdict)
        .errors().stream().map(e -> e.path() + ": " + e.message()).toList();
  }

  @Test
  void eventIdMustBeTheCanonicalUuidForm() {
    assertThat(PageviewValidator.isCanonicalUuid("3f2504e0-4f89-41d3-9a0c-0305e82c3301")).isTrue();
    assertThat(PageviewValidator.isCanonicalUuid("3F2504E0-4F89-41D3-9A0C-0305E82C3301")).isTrue();
    for (String bad :
        List.of(
            "1-1-1-1-1",
            "3f2504e0-4f89-41d3-9a0c-0305e82c330",
            "3f2504e0-4f89-41d3-9a0c-0305e82c33011",
            "3f2504e0f4f89-41d3-9a0c-0305e82c3301",
            "3f2504e0-4f89-41d3-9a0c-0305e82c330g",
            "3f2504e0-4f89-41d3-9a0c+0305e82c3301",
            "")) {
      assertThat(PageviewValidator.isCanonicalUuid(bad)).as(bad).isFalse();
    }
  }
}
