package io.newsrec.events;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Checks one untrusted JSON event against contract v1 and answers a {@link Validated}: the rules
 * are documented in {@code pageview-v1.schema.json}, and a test keeps the two in agreement. Fields
 * the contract does not know are ignored, so that newer trackers keep working (forward
 * compatibility).
 *
 * <p>Two rules depend on the deployment and are not in the schema: the portal must be one of the
 * configured {@link Portals}, and {@code eventTime} must lie within {@code maxAge} before and
 * {@code maxAhead} after now (browsers' clocks are wrong by minutes to hours; a tracker may hold
 * events offline for days).
 */
public final class PageviewValidator {

  public static final Duration DEFAULT_MAX_AGE = Duration.ofDays(30);
  public static final Duration DEFAULT_MAX_AHEAD = Duration.ofDays(1);

  private final Portals portals;
  private final Clock clock;
  private final Duration maxAge;
  private final Duration maxAhead;

  public PageviewValidator(Portals portals, Clock clock, Duration maxAge, Duration maxAhead) {
    this.portals = portals;
    this.clock = clock;
    this.maxAge = maxAge;
    this.maxAhead = maxAhead;
  }

  public PageviewValidator(Portals portals, Clock clock) {
    this(portals, clock, DEFAULT_MAX_AGE, DEFAULT_MAX_AHEAD);
  }

  /**
   * A validator of the shape only (any well-formed portal id, any time): for decoding events that
   * were validated on the way in, such as records read back from a stream or a queue.
   */
  static PageviewValidator structural() {
    return new PageviewValidator(null, Clock.systemUTC(), null, null);
  }

  /** Validates a single event; error paths are bare field names. */
  public Validated validate(JsonNode node) {
    return validate(node, "");
  }

  /** Validates one item; error paths start with {@code pathPrefix} (e.g. {@code "[3]."}). */
  public Validated validate(JsonNode node, String pathPrefix) {
    if (node == null || !node.isObject()) {
      String where =
          pathPrefix.endsWith(".") ? pathPrefix.substring(0, pathPrefix.length() - 1) : pathPrefix;
      return new Validated.Invalid(
          List.of(new FieldError(where.isEmpty() ? "$" : where, "must be an object")));
    }
    FieldReader in = new FieldReader(node, pathPrefix);
    UUID eventId = eventId(in);
    String portal = portal(in);
    String userId = in.requiredString("userId", PageviewLimits.MAX_ID_LENGTH);
    String sessionId = in.requiredString("sessionId", PageviewLimits.MAX_ID_LENGTH);
    String url = url(in);
    String articleId = in.optionalString("articleId", PageviewLimits.MAX_ID_LENGTH);
    Instant eventTime = eventTime(in);
    long timeOnPageMs = in.requiredInteger("timeOnPageMs", 0, PageviewLimits.MAX_TIME_ON_PAGE_MS);
    int scrollDepthPct = (int) in.requiredInteger("scrollDepthPct", 0, 100);
    int linkClicks = (int) in.requiredInteger("linkClicks", 0, PageviewLimits.MAX_LINK_CLICKS);
    String referrer = in.optionalString("referrer", PageviewLimits.MAX_URL_LENGTH);
    String recommendationId = in.optionalString("recommendationId", PageviewLimits.MAX_ID_LENGTH);
    if (!in.errors().isEmpty()) {
      return new Validated.Invalid(in.errors(), portal);
    }
    return new Validated.Valid(
        new Pageview(
            eventId,
            portal,
            userId,
            sessionId,
            url,
            articleId,
            eventTime,
            timeOnPageMs,
            scrollDepthPct,
            linkClicks,
            referrer,
            recommendationId));
  }

  private static UUID eventId(FieldReader in) {
    String text = in.requiredString("eventId", 36);
    if (text == null) {
      return null;
    }
    if (!isCanonicalUuid(text)) {
      in.error("eventId", "must be a UUID");
      return null;
    }
    return UUID.fromString(text);
  }

  /**
   * The canonical 8-4-4-4-12 hexadecimal form ({@code UUID.fromString} alone accepts {@code
   * "1-1-1-1-1"}); checked by hand, as a regular expression cost a few percent of a request.
   */
  static boolean isCanonicalUuid(String text) {
    if (text.length() != 36) {
      return false;
    }
    for (int i = 0; i < 36; i++) {
      char c = text.charAt(i);
      boolean ok =
          i == 8 || i == 13 || i == 18 || i == 23
              ? c == '-'
              : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private String portal(FieldReader in) {
    String portal = in.requiredString("portal", 32);
    if (portal == null) {
      return null;
    }
    boolean known = portals == null ? Portals.isWellFormed(portal) : portals.contains(portal);
    if (!known) {
      in.error("portal", "is not a known portal");
      return null;
    }
    return portal;
  }

  private static String url(FieldReader in) {
    String url = in.requiredString("url", PageviewLimits.MAX_URL_LENGTH);
    if (url == null) {
      return null;
    }
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme))
          && uri.getHost() != null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // falls through to the error below
    }
    in.error("url", "must be an absolute http(s) URL");
    return null;
  }

  private Instant eventTime(FieldReader in) {
    String text = in.requiredString("eventTime", 64);
    if (text == null) {
      return null;
    }
    Instant time;
    try {
      time = IsoTimes.parse(text);
    } catch (DateTimeParseException e) {
      in.error("eventTime", "must be an ISO-8601 date-time with offset, e.g. 2026-11-27T10:15:30Z");
      return null;
    }
    if (maxAge != null) {
      Instant now = clock.instant();
      if (time.isBefore(now.minus(maxAge)) || time.isAfter(now.plus(maxAhead))) {
        in.error(
            "eventTime", "must lie between " + maxAge + " before and " + maxAhead + " after now");
        return null;
      }
    }
    return time;
  }
}
