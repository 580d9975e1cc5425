package io.newsrec.model.rank;

import java.util.List;

/**
 * The features a learned ranker reads for one candidate article of one request, computed by {@code
 * PortalModel.rankFeatures} from the hybrid's own components. All are relative to the request (a
 * share of the best, a rank, a log of a count or an age), so one ranker carries over between hours
 * of heavy and light traffic.
 */
public final class RankFeatures {
  private RankFeatures() {}

  /** First of the five components' max-normalized scores, in the hybrid's source order. */
  public static final int COMPONENT = 0;

  /** The hybrid's fused score (weights, freshness boost). */
  public static final int FUSED = 5;

  /** The candidate's place in the hybrid's list, 0 = first. */
  public static final int RANK = 6;

  /** Clicks of the session in the request. */
  public static final int SESSION_LENGTH = 7;

  /** ln(1 + minutes since the article was first clicked). */
  public static final int AGE = 8;

  /** ln(1 + minutes since its latest click). */
  public static final int SINCE_LAST_CLICK = 9;

  /** ln(1 + its clicks counted around the request's time). */
  public static final int POPULARITY = 10;

  /** ln(1 + its rule strength from the session's last click). */
  public static final int RULES = 11;

  /** ln(1 + the best kNN vote of the request): how much the neighbours had to say. */
  public static final int KNN_EVIDENCE = 12;

  /** ln(1 + the most counted next click of the last article): how trodden its paths are. */
  public static final int COVISIT_EVIDENCE = 13;

  /** ln(1 + articles above it in session-kNN), {@link #ABSENT} when kNN did not score it. */
  public static final int KNN_RANK = 14;

  /** ln(1 + articles above it in popularity), {@link #ABSENT} when unscored. */
  public static final int POPULARITY_RANK = 15;

  /** ln(1 + articles above it in co-visitation), {@link #ABSENT} when unscored. */
  public static final int COVISIT_RANK = 16;

  /**
   * ln(1 + its clicks counted around the request's time that followed another click of their
   * session): what readers go on to read on the site, where {@link #POPULARITY} also counts what
   * brought them in (search, social, a push).
   */
  public static final int WITHIN_SESSION_POPULARITY = 17;

  /**
   * Share of those clicks among all its clicks around the request's time (0 to 1), -1 when the
   * popularity was not counted around it (a quiet portal's fallback to the decayed counts).
   */
  public static final int WITHIN_SESSION_SHARE = 18;

  /**
   * ln(1 + its clicks around the request's time by sessions that entered at the request's first
   * click, at any later position): where readers who came in where this one did went on to read.
   */
  public static final int FROM_ENTRY = 19;

  /** ln(1 + articles above it in {@link #FROM_ENTRY}), {@link #ABSENT} when none clicked it. */
  public static final int FROM_ENTRY_RANK = 20;

  /**
   * ln(1 + how often readers went from the session's click before the last straight to it, around
   * the request's time): the co-visitation component read one click further back, a second view of
   * where the session is heading when the paths out of its last click are few or noisy.
   */
  public static final int FROM_PREVIOUS = 21;

  /** ln(1 + articles above it in {@link #FROM_PREVIOUS}), {@link #ABSENT} when none went there. */
  public static final int FROM_PREVIOUS_RANK = 22;

  /**
   * ln(1 + how often readers went from it straight to the session's last click, around the
   * request's time): the paths into the article being read, where co-visitation reads the paths out
   * of it; the articles read just before this one (the other side of the same story, the page
   * readers come from).
   */
  public static final int TO_LAST = 23;

  /** ln(1 + articles above it in {@link #TO_LAST}), {@link #ABSENT} when none went from it. */
  public static final int TO_LAST_RANK = 24;

  /**
   * ln(1 + its clicks around the request's time by readers who came to their page the way this
   * reader came to the page being read, {@link io.newsrec.model.Interaction#referrerType}: from a
   * search, a social network, the portal's own pages), -1 when the request's way is unknown.
   * Readers who arrive from a search read differently from those who browse the home page.
   */
  public static final int SAME_REFERRER_POPULARITY = 25;

  /**
   * ln(1 + articles above it in {@link #SAME_REFERRER_POPULARITY}), {@link #ABSENT} when none of
   * those readers clicked it or the way is unknown.
   */
  public static final int SAME_REFERRER_RANK = 26;

  /**
   * {@link #SAME_REFERRER_POPULARITY}'s clicks as a share of all its clicks around the request (at
   * most 1), -1 when the way is unknown or nothing was read around the request.
   */
  public static final int SAME_REFERRER_SHARE = 27;

  /**
   * ln(1 + the reader's earlier reads, those of the request's session aside), -1 when the request
   * names no reader or one never seen: a first visit, a regular, a heavy reader.
   */
  public static final int READER_READS = 28;

  /**
   * The reader's mean ln(1 + minutes since the article's first click) at their last reads (at most
   * 20, a moving mean), -1 when unknown: whether this reader reads the breaking story or the older
   * piece. Protocol A's requests name no reader.
   */
  public static final int READER_AGE = 29;

  /**
   * The candidate's {@link #AGE} minus {@link #READER_AGE}: how far it is from the age this reader
   * reads at, 0 when unknown.
   */
  public static final int READER_AGE_GAP = 30;

  /**
   * The candidate's ln(decayed "most read" count / the portal's most read article's) minus the
   * reader's mean of the same at their last reads: whether it is as mainstream or as niche as what
   * this reader reads, 0 when unknown.
   */
  public static final int READER_SHARE_GAP = 31;

  public static final int COUNT = 32;

  /**
   * Features of the re-rankers fitted before {@link #WITHIN_SESSION_POPULARITY} was added
   * (artifacts written before commit 9a95e76). New features are only ever appended, so such a
   * ranker reads the same columns of today's rows and is still served (see {@link
   * BoostedTrees#widened}).
   */
  public static final int FIRST_COUNT = 17;

  /** The rank feature of an article a component did not score: beyond any real rank. */
  public static final float ABSENT = 20f;

  /** Names, in order, for reports. */
  public static final List<String> NAMES =
      List.of(
          "session-knn",
          "transitions",
          "popularity",
          "co-visitation",
          "trending",
          "fused",
          "rank",
          "session-length",
          "log-age-min",
          "log-since-last-click-min",
          "log-popularity",
          "log-rules",
          "log-knn-evidence",
          "log-covisit-evidence",
          "log-knn-rank",
          "log-popularity-rank",
          "log-covisit-rank",
          "log-within-session-popularity",
          "within-session-share",
          "log-from-entry",
          "log-from-entry-rank",
          "log-from-previous",
          "log-from-previous-rank",
          "log-to-last",
          "log-to-last-rank",
          "log-same-referrer-popularity",
          "log-same-referrer-rank",
          "same-referrer-share",
          "log-reader-reads",
          "reader-age",
          "reader-age-gap",
          "reader-share-gap");
}
