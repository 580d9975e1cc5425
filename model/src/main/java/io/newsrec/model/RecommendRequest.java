package io.newsrec.model;

import java.util.List;
import java.util.Set;

/**
 * A request for recommendations.
 *
 * @param portal portal id
 * @param userId reader id, or {@code null} when unknown
 * @param sessionClicks article ids clicked in the current session, oldest first (may be empty)
 * @param count how many items to return
 * @param exclude article ids never to return (besides those the reader already read)
 * @param currentArticle the article being read, for "read next" and related articles, or {@code
 *     null}
 * @param nowMs the time of the request, milliseconds since the epoch
 * @param referrerType how the reader came to the page being read ({@link
 *     Interaction#referrerType}), or {@code null} when unknown
 */
public record RecommendRequest(
    String portal,
    String userId,
    List<String> sessionClicks,
    int count,
    Set<String> exclude,
    String currentArticle,
    long nowMs,
    String referrerType) {

  /** A request whose referrer is unknown. */
  public RecommendRequest(
      String portal,
      String userId,
      List<String> sessionClicks,
      int count,
      Set<String> exclude,
      String currentArticle,
      long nowMs) {
    this(portal, userId, sessionClicks, count, exclude, currentArticle, nowMs, null);
  }

  public RecommendRequest {
    sessionClicks = sessionClicks == null ? List.of() : List.copyOf(sessionClicks);
    exclude = exclude == null ? Set.of() : Set.copyOf(exclude);
  }
}
