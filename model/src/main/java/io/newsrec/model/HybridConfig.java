package io.newsrec.model;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * The hybrid's hyperparameters: few, with defaults chosen on the g1 evaluation (see {@code
 * bench/README.md}, "Model evaluation"). Keys are the SageMaker hyperparameter names; values arrive
 * as strings.
 *
 * @param popularityHalfLifeMinutes {@code popularity_half_life_minutes}: half-life of "most read
 *     around the request's time", a click counting {@code 2^(-|t - now| / h)} on either side of the
 *     request (see {@link io.newsrec.model.algo.TimeKernelCounts})
 * @param transitionsHalfLifeMinutes {@code transitions_half_life_minutes}: half-life of the
 *     sequential rules "read A, then B"
 * @param transitionsWindow {@code transitions_window}: earlier clicks that feed a rule when it is
 *     learned (scoring reads the rules out of the session's last click only)
 * @param knnNeighbours {@code knn_neighbours}: neighbour sessions that vote (k)
 * @param knnSample {@code knn_sample}: most recent sessions considered per clicked article
 * @param knnHalfLifeMinutes {@code knn_half_life_minutes}: half-life of a neighbour's vote by the
 *     time since its last click
 * @param weightKnn {@code weight_knn}: weight of the max-normalized session-kNN score
 * @param weightTransitions {@code weight_transitions}: weight of the max-normalized rules score
 * @param weightPopularity {@code weight_popularity}: weight of the max-normalized popularity
 * @param freshnessHalfLifeHours {@code freshness_half_life_hours}: an article's boost {@code 1 +
 *     weight_freshness × 2^(-age/h)} fades with its age since first seen
 * @param weightFreshness {@code weight_freshness}: size of that boost (0 = off)
 * @param articleHorizonHours {@code article_horizon_hours}: articles not clicked for this long are
 *     never recommended and their state is dropped
 * @param sessionHorizonHours {@code session_horizon_hours}: sessions that started longer ago are
 *     dropped (and the artifact keeps this much history)
 * @param maxSessions {@code max_sessions}: cap on sessions kept per portal
 * @param userHistory {@code user_history}: exclude (and learn from) what a known reader has read
 * @param userHistorySize {@code user_history_size}: a reader's last reads kept as a list; earlier
 *     ones are still excluded, through a 1 KiB Bloom filter per reader who read more
 * @param maxUsers {@code max_users}: readers remembered per portal (least recently seen go first)
 * @param weightCovisit {@code weight_covisit}: weight of real-time co-visitation, what other
 *     sessions clicked right after the session's last click, counted around the request's time with
 *     a short half-life
 * @param covisitHalfLifeMinutes {@code covisit_half_life_minutes}: its half-life
 * @param weightTrending {@code weight_trending}: weight of the rise in an article's click rate
 * @param trendingHalfLifeMinutes {@code trending_half_life_minutes}: the short half-life whose rate
 *     is compared with that of {@link io.newsrec.model.algo.Trending#BASELINE_HALF_LIVES} times it
 * @param rankerTrees {@code ranker_trees}: trees of each of the rankers whose average is the
 *     learned re-ranker that {@code train} fits (see {@link io.newsrec.model.rank.Ranker}); 0 = no
 *     re-ranker, the fixed-weight hybrid alone
 * @param rankerMembers {@code ranker_members}: rankers averaged into the re-ranker (default 6: on
 *     g1 +0.0013 NDCG@20 in protocol A over one, for about five times the re-ranking time per
 *     request; eight scored no better, see bench/README.md)
 * @param rankerLists {@code ranker_lists}: most recommendation lists {@code train} collects to fit
 *     it (each ~3.4 KB while training; the clicks scored are spread evenly over the history)
 */
public record HybridConfig(
    double popularityHalfLifeMinutes,
    double transitionsHalfLifeMinutes,
    int transitionsWindow,
    int knnNeighbours,
    int knnSample,
    double knnHalfLifeMinutes,
    double weightKnn,
    double weightTransitions,
    double weightPopularity,
    double freshnessHalfLifeHours,
    double weightFreshness,
    double articleHorizonHours,
    double sessionHorizonHours,
    int maxSessions,
    boolean userHistory,
    int userHistorySize,
    int maxUsers,
    double weightCovisit,
    double covisitHalfLifeMinutes,
    double weightTrending,
    double trendingHalfLifeMinutes,
    int rankerTrees,
    int rankerMembers,
    int rankerLists) {

  /** The defaults, as a SageMaker hyperparameter map. */
  public static final Map<String, String> DEFAULTS = defaults();

  public HybridConfig {
    require(
        popularityHalfLifeMinutes > 0 && popularityHalfLifeMinutes < 1e9,
        "popularity_half_life_minutes must be > 0 and finite");
    require(transitionsHalfLifeMinutes > 0, "transitions_half_life_minutes must be > 0");
    require(transitionsWindow >= 1, "transitions_window must be >= 1");
    require(knnNeighbours >= 1, "knn_neighbours must be >= 1");
    require(knnSample >= 1, "knn_sample must be >= 1");
    require(knnHalfLifeMinutes > 0, "knn_half_life_minutes must be > 0");
    require(weightKnn >= 0 && weightTransitions >= 0 && weightPopularity >= 0, "weights >= 0");
    require(weightFreshness >= 0 && freshnessHalfLifeHours > 0, "freshness must be >= 0");
    require(articleHorizonHours > 0, "article_horizon_hours must be > 0");
    require(sessionHorizonHours > 0, "session_horizon_hours must be > 0");
    require(maxSessions >= 1 && userHistorySize >= 1 && maxUsers >= 1, "caps must be >= 1");
    require(
        weightCovisit >= 0 && covisitHalfLifeMinutes > 0 && covisitHalfLifeMinutes < 1e9,
        "weight_covisit must be >= 0, covisit_half_life_minutes > 0 and finite");
    require(weightTrending >= 0 && trendingHalfLifeMinutes > 0, "trending must be >= 0");
    require(rankerTrees >= 0 && rankerTrees <= 5_000, "ranker_trees must be in [0, 5000]");
    require(rankerMembers >= 1 && rankerMembers <= 16, "ranker_members must be in [1, 16]");
    require(rankerLists >= 1 && rankerLists <= 500_000, "ranker_lists must be in [1, 500000]");
  }

  /**
   * Parses SageMaker-style hyperparameters; missing keys take {@link #DEFAULTS}.
   *
   * @throws IllegalArgumentException naming an unknown key or a bad value
   */
  public static HybridConfig parse(Map<String, String> hyperparameters) {
    Map<String, String> all = new LinkedHashMap<>(DEFAULTS);
    for (Map.Entry<String, String> e : hyperparameters.entrySet()) {
      if (!DEFAULTS.containsKey(e.getKey())) {
        throw new IllegalArgumentException(
            "unknown hyperparameter '"
                + e.getKey()
                + "'; known: "
                + new TreeSet<>(DEFAULTS.keySet()));
      }
      all.put(e.getKey(), e.getValue());
    }
    return new HybridConfig(
        num(all, "popularity_half_life_minutes"),
        num(all, "transitions_half_life_minutes"),
        (int) num(all, "transitions_window"),
        (int) num(all, "knn_neighbours"),
        (int) num(all, "knn_sample"),
        num(all, "knn_half_life_minutes"),
        num(all, "weight_knn"),
        num(all, "weight_transitions"),
        num(all, "weight_popularity"),
        num(all, "freshness_half_life_hours"),
        num(all, "weight_freshness"),
        num(all, "article_horizon_hours"),
        num(all, "session_horizon_hours"),
        (int) num(all, "max_sessions"),
        bool(all, "user_history"),
        (int) num(all, "user_history_size"),
        (int) num(all, "max_users"),
        num(all, "weight_covisit"),
        num(all, "covisit_half_life_minutes"),
        num(all, "weight_trending"),
        num(all, "trending_half_life_minutes"),
        integer(all, "ranker_trees"),
        integer(all, "ranker_members"),
        integer(all, "ranker_lists"));
  }

  /** This configuration as a complete hyperparameter map (written into the artifact). */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("popularity_half_life_minutes", str(popularityHalfLifeMinutes));
    m.put("transitions_half_life_minutes", str(transitionsHalfLifeMinutes));
    m.put("transitions_window", Integer.toString(transitionsWindow));
    m.put("knn_neighbours", Integer.toString(knnNeighbours));
    m.put("knn_sample", Integer.toString(knnSample));
    m.put("knn_half_life_minutes", str(knnHalfLifeMinutes));
    m.put("weight_knn", str(weightKnn));
    m.put("weight_transitions", str(weightTransitions));
    m.put("weight_popularity", str(weightPopularity));
    m.put("freshness_half_life_hours", str(freshnessHalfLifeHours));
    m.put("weight_freshness", str(weightFreshness));
    m.put("article_horizon_hours", str(articleHorizonHours));
    m.put("session_horizon_hours", str(sessionHorizonHours));
    m.put("max_sessions", Integer.toString(maxSessions));
    m.put("user_history", Boolean.toString(userHistory));
    m.put("user_history_size", Integer.toString(userHistorySize));
    m.put("max_users", Integer.toString(maxUsers));
    m.put("weight_covisit", str(weightCovisit));
    m.put("covisit_half_life_minutes", str(covisitHalfLifeMinutes));
    m.put("weight_trending", str(weightTrending));
    m.put("trending_half_life_minutes", str(trendingHalfLifeMinutes));
    m.put("ranker_trees", Integer.toString(rankerTrees));
    m.put("ranker_members", Integer.toString(rankerMembers));
    m.put("ranker_lists", Integer.toString(rankerLists));
    return m;
  }

  private static Map<String, String> defaults() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("popularity_half_life_minutes", "10");
    m.put("transitions_half_life_minutes", "240");
    m.put("transitions_window", "3");
    m.put("knn_neighbours", "100");
    m.put("knn_sample", "500");
    m.put("knn_half_life_minutes", "120");
    m.put("weight_knn", "1.0");
    m.put("weight_transitions", "0.5");
    m.put("weight_popularity", "0.3");
    m.put("freshness_half_life_hours", "6");
    m.put("weight_freshness", "0.5");
    m.put("article_horizon_hours", "24");
    m.put("session_horizon_hours", "24");
    m.put("max_sessions", "2000000");
    m.put("user_history", "true");
    m.put("user_history_size", "200");
    m.put("max_users", "2000000");
    m.put("weight_covisit", "0.5");
    m.put("covisit_half_life_minutes", "10");
    m.put("weight_trending", "0.3");
    m.put("trending_half_life_minutes", "5");
    m.put("ranker_trees", "200");
    m.put("ranker_members", "6");
    m.put("ranker_lists", "100000");
    return Map.copyOf(m);
  }

  private static double num(Map<String, String> m, String key) {
    String raw = m.get(key).trim();
    try {
      double v = Double.parseDouble(raw);
      if (Double.isNaN(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("hyperparameter '" + key + "' is not a number: " + raw);
    }
  }

  /** A whole number: "200" or "200.0", not "0.5" (which {@code (int)} would silently make 0). */
  private static int integer(Map<String, String> m, String key) {
    double v = num(m, key);
    if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(
          "hyperparameter '" + key + "' is not a whole number: " + m.get(key).trim());
    }
    return (int) v;
  }

  private static boolean bool(Map<String, String> m, String key) {
    String raw = m.get(key).trim().toLowerCase(java.util.Locale.ROOT);
    if (!raw.equals("true") && !raw.equals("false")) {
      throw new IllegalArgumentException("hyperparameter '" + key + "' is not true/false: " + raw);
    }
    return Boolean.parseBoolean(raw);
  }

  private static String str(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }
}
