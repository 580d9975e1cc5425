package io.newsrec.model;

/**
 * One weighted interaction the model learns from: a reader opened an article.
 *
 * @param portal portal id (g1, ge, ...); each portal has its own state
 * @param userId reader id (anonymous or logged in)
 * @param sessionId session id
 * @param articleId article id
 * @param timeMs event time, milliseconds since the epoch
 * @param weight engagement weight, 1.0 for a plain click (from time on page, scroll, clicks)
 * @param referrerType how the reader came to this page, a short class such as {@code internal},
 *     {@code search} or {@code social} (g1's {@code click_referrer_type} codes in the published
 *     data); {@code null} when unknown
 */
public record Interaction(
    String portal,
    String userId,
    String sessionId,
    String articleId,
    long timeMs,
    double weight,
    String referrerType) {

  /** The longest {@link #referrerType}: a class, not a URL. */
  public static final int MAX_REFERRER_TYPE_LENGTH = 32;

  /** An interaction whose referrer is unknown. */
  public Interaction(
      String portal,
      String userId,
      String sessionId,
      String articleId,
      long timeMs,
      double weight) {
    this(portal, userId, sessionId, articleId, timeMs, weight, null);
  }
}
