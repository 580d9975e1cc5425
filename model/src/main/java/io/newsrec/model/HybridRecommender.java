package io.newsrec.model;

import io.newsrec.model.algo.Scores;
import io.newsrec.model.rank.BoostedTrees;
import io.newsrec.model.rank.Ranker;
import io.newsrec.model.rank.RankingExamples;
import io.newsrec.model.state.ArtifactCodec;
import io.newsrec.model.state.PortalModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Consumer;

/**
 * The news recommender: a hybrid of session-kNN with neighbour recency, time-decayed sequential
 * rules, popularity around the request's time, real-time co-visitation (what other readers clicked
 * right after the article around the request's time) and trending (the rise of an article's click
 * rate), max-normalized and summed with the weights of {@link HybridConfig}; already-read articles
 * excluded, only articles clicked within the horizon recommended. Learns online, one {@link
 * Interaction} at a time; each portal has its own state.
 *
 * <p>When {@link #train} fitted one, a learned re-ranker ({@link io.newsrec.model.rank.Ranker})
 * re-orders the best {@link Ranker#CANDIDATES} of each list by the components' scores and the
 * request's context; it is shared by the portals (its features are all relative to the request) and
 * does not change while serving, whereas the state it reads goes on learning.
 *
 * <p>Thread-safety: one {@link ReentrantReadWriteLock} per portal. {@link #update} (one writer, the
 * stream consumer) takes the write lock of its portal for the microseconds an update lasts; {@link
 * #recommend} takes the read lock, so requests run in parallel with each other and a portal's
 * updates never stall another portal's requests.
 */
public final class HybridRecommender implements Recommender {
  /** What a re-ranked item adds to its sources. */
  static final String RANKER_SOURCE = "ranker";

  private final HybridConfig config;
  private final Map<String, Guarded> portals;

  /** Null until {@link #train} fits one or an artifact brings one. */
  private volatile BoostedTrees ranker;

  private HybridRecommender(HybridConfig config) {
    this(config, new ConcurrentHashMap<>());
  }

  private HybridRecommender(HybridConfig config, Map<String, Guarded> portals) {
    this.config = config;
    this.portals = portals;
  }

  /**
   * A fresh model.
   *
   * @param hyperparameters SageMaker-style hyperparameters; see {@link HybridConfig} for keys and
   *     {@link HybridConfig#DEFAULTS} for defaults
   * @throws IllegalArgumentException on an unknown key or an invalid value
   */
  public static HybridRecommender create(Map<String, String> hyperparameters) {
    return new HybridRecommender(HybridConfig.parse(hyperparameters));
  }

  /** Restores a model from an artifact written by {@link #writeTo}. */
  public static HybridRecommender read(InputStream in) throws IOException {
    ArtifactCodec.Restored restored = ArtifactCodec.read(in);
    HybridRecommender r = new HybridRecommender(restored.config());
    r.ranker = restored.ranker();
    restored.portals().forEach((portal, model) -> r.portals.put(portal, new Guarded(model)));
    return r;
  }

  /** The hyperparameters in force. */
  public HybridConfig config() {
    return config;
  }

  /** Whether a learned re-ranker orders the lists. */
  public boolean hasRanker() {
    return ranker != null;
  }

  /**
   * This model's state (shared, not copied: what either learns, both know) answering with the fixed
   * weights alone, as a baseline for the re-ranker's cost and gain.
   */
  public HybridRecommender withoutRanker() {
    return new HybridRecommender(config, portals);
  }

  /**
   * Replays the history through {@link #update} and, unless {@code ranker_trees} is 0, fits the
   * re-ranker on the way: before learning a click that has earlier clicks in its session, it asks
   * for that session's recommendations exactly as a request would ({@link #recommend}'s scoring:
   * the session's clicks so far, the reader, how the reader came to the last of them, the click's
   * time) and keeps the best {@link Ranker#CANDIDATES} with which one was clicked. At most {@code
   * ranker_lists} such clicks, spread evenly over the history; lists that miss the click teach
   * nothing and are dropped. Fewer than {@link Ranker#MIN_LISTS} lists keep the fixed-weight
   * hybrid.
   */
  @Override
  public void train(List<Interaction> inTimeOrder, Consumer<String> progress) {
    if (config.rankerTrees() == 0) {
      Recommender.super.train(inTimeOrder, progress);
      return;
    }
    long start = System.nanoTime();
    RankingExamples examples =
        RankerTraining.replay(inTimeOrder, config.rankerLists(), this::update, this::example);
    double replaySeconds = (System.nanoTime() - start) / 1e9;
    if (examples.groups() < Ranker.MIN_LISTS) {
      progress.accept(
          String.format(
              Locale.ROOT,
              "ranker: %d lists held the clicked article, fewer than %d; serving the"
                  + " fixed-weight hybrid",
              examples.groups(),
              Ranker.MIN_LISTS));
      return;
    }
    long fitStart = System.nanoTime();
    Ranker.Fitted fitted =
        Ranker.fit(examples, config.rankerTrees(), config.rankerMembers(), (m, t, loss) -> {});
    ranker = fitted.trees();
    progress.accept(
        String.format(
            Locale.ROOT,
            "ranker: %d lists collected while replaying %d interactions (%.1f s), %d rankers of %d"
                + " trees fitted in %.1f s, loss per list %.4f -> %.4f (mean of the rankers);"
                + " %d split steps to score a candidate",
            examples.groups(),
            inTimeOrder.size(),
            replaySeconds,
            config.rankerMembers(),
            config.rankerTrees(),
            (System.nanoTime() - fitStart) / 1e9,
            Ranker.Fitted.mean(fitted.firstLoss()),
            Ranker.Fitted.mean(fitted.lastLoss()),
            ranker.steps()));
  }

  /**
   * Adds the list a session would have been recommended just before it clicked {@code click} (as
   * {@link #recommend} scores it) to {@code into}, when the click is among its best candidates.
   */
  private void example(
      Interaction click, List<String> sessionSoFar, String referrerType, RankingExamples into) {
    Guarded g = portals.get(click.portal());
    if (g == null) {
      return; // a portal's first click: nothing to recommend yet
    }
    g.lock.readLock().lock();
    try {
      Scores scores =
          g.model.score(sessionSoFar, null, click.userId(), referrerType, click.timeMs());
      g.model.addRankingExample(
          scores, g.model.idOf(click.articleId()), sessionSoFar.size(), click.timeMs(), into);
    } finally {
      g.lock.readLock().unlock();
    }
  }

  @Override
  public void update(Interaction interaction) {
    Objects.requireNonNull(interaction.portal(), "portal");
    Objects.requireNonNull(interaction.sessionId(), "sessionId");
    Objects.requireNonNull(interaction.articleId(), "articleId");
    Guarded g = portals.computeIfAbsent(interaction.portal(), p -> new Guarded(newModel()));
    g.lock.writeLock().lock();
    try {
      g.model.learn(interaction);
    } finally {
      g.lock.writeLock().unlock();
    }
  }

  @Override
  public Recommendations recommend(RecommendRequest request) {
    Guarded g = portals.get(request.portal());
    if (g == null || request.count() <= 0) {
      return new Recommendations(List.of());
    }
    List<String> clicks = request.sessionClicks();
    String current = request.currentArticle();
    if (current != null && (clicks.isEmpty() || !current.equals(clicks.getLast()))) {
      clicks = new ArrayList<>(clicks);
      clicks.add(current);
    }
    g.lock.readLock().lock();
    try {
      Scores scores =
          g.model.score(clicks, null, request.userId(), request.referrerType(), request.nowMs());
      for (String excluded : request.exclude()) {
        int id = g.model.idOf(excluded);
        if (id >= 0) {
          scores.set(id, Double.NEGATIVE_INFINITY);
        }
      }
      BoostedTrees trees = ranker;
      int reranked =
          trees == null
              ? 0
              : g.model.rerank(scores, trees, Ranker.CANDIDATES, clicks.size(), request.nowMs());
      List<Recommendations.Item> items = new ArrayList<>(request.count());
      for (PortalModel.Ranked r : g.model.top(scores, request.count())) {
        List<String> sources = r.sources();
        if (items.size() < reranked) {
          sources = new ArrayList<>(sources);
          sources.add(RANKER_SOURCE);
        }
        items.add(new Recommendations.Item(r.articleId(), r.score(), sources));
      }
      return new Recommendations(items);
    } finally {
      g.lock.readLock().unlock();
    }
  }

  @Override
  public void writeTo(OutputStream out) throws IOException {
    Map<String, PortalModel> snapshot = new LinkedHashMap<>();
    List<Guarded> locked = new ArrayList<>();
    try {
      for (Map.Entry<String, Guarded> e : portals.entrySet()) {
        // a read lock per portal: requests go on, the writer waits while the portal is written
        e.getValue().lock.readLock().lock();
        locked.add(e.getValue());
        snapshot.put(e.getKey(), e.getValue().model);
      }
      ArtifactCodec.write(config, ranker, snapshot, out);
    } finally {
      locked.forEach(g -> g.lock.readLock().unlock());
    }
  }

  private PortalModel newModel() {
    return new PortalModel(config);
  }

  private record Guarded(PortalModel model, ReentrantReadWriteLock lock) {
    Guarded(PortalModel model) {
      this(model, new ReentrantReadWriteLock());
    }
  }
}
