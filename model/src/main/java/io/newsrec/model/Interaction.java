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
 */
public record Interaction(
    String portal, String userId, String sessionId, String articleId, long timeMs, double weight) {}
