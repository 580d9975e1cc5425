package io.newsrec.events;

import java.time.Instant;
import java.util.UUID;

/**
 * One pageview, contract v1: what the tracker sends to {@code POST /pageview} and what the portal's
 * Kinesis stream carries.
 *
 * <p>A {@code Pageview} is always valid: build one from untrusted input through the validator,
 * which answers field-level errors instead.
 *
 * @param eventId made by the tracker; the idempotency key that dedups retries downstream
 * @param portal portal id (g1, ge, gshow, ...), one of the configured portals
 * @param userId anonymous first-party id or logged-in id; the Kinesis partition key
 * @param sessionId the tracker's session id
 * @param url the page's URL
 * @param articleId the article's id when the page is an article, else {@code null}
 * @param eventTime when the page was viewed, by the browser's clock
 * @param timeOnPageMs visible time on the page, milliseconds, {@code >= 0}
 * @param scrollDepthPct deepest scroll, percent of the page, 0..100
 * @param linkClicks links clicked on the page, {@code >= 0}
 * @param referrer the referring URL, or {@code null}
 * @param recommendationId the recommendation the reader arrived from, or {@code null}
 */
public record Pageview(
    UUID eventId,
    String portal,
    String userId,
    String sessionId,
    String url,
    String articleId,
    Instant eventTime,
    long timeOnPageMs,
    int scrollDepthPct,
    int linkClicks,
    String referrer,
    String recommendationId) {}
