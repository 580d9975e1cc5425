package io.newsrec.model;

import io.newsrec.model.algo.Scores;
import io.newsrec.model.state.ArtifactCodec;
import io.newsrec.model.state.PortalModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The news recommender: a hybrid of session-kNN with neighbour recency, time-decayed sequential
 * rules, popularity around the request's time, real-time co-visitation (what other readers clicked
 * right after the article around the request's time) and trending (the rise of an article's click
 * rate), max-normalized and summed with the weights of {@link HybridConfig}; already-read articles
 * excluded, only articles clicked within the horizon recommended. Learns online, one {@link
 * Interaction} at a time; each portal has its own state.
 *
 * <p>Thread-safety: one {@link ReentrantReadWriteLock} per portal. {@link #update} (one writer, the
 * stream consumer) takes the write lock of its portal for the microseconds an update lasts; {@link
 * #recommend} takes the read lock, so requests run in parallel with each other and a portal's
 * updates never stall another portal's requests.
 */
public final class HybridRecommender implements Recommender {
  private final HybridConfig config;
  private final Map<String, Guarded> portals = new ConcurrentHashMap<>();

  private HybridRecommender(HybridConfig config) {
    this.config = config;
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
    restored.portals().forEach((portal, model) -> r.portals.put(portal, new Guarded(model)));
    return r;
  }

  /** The hyperparameters in force. */
  public HybridConfig config() {
    return config;
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
      Scores scores = g.model.score(clicks, null, request.userId(), request.nowMs());
      for (String excluded : request.exclude()) {
        int id = g.model.idOf(excluded);
        if (id >= 0) {
          scores.set(id, Double.NEGATIVE_INFINITY);
        }
      }
      List<Recommendations.Item> items = new ArrayList<>(request.count());
      for (PortalModel.Ranked r : g.model.top(scores, request.count())) {
        items.add(new Recommendations.Item(r.articleId(), r.score(), r.sources()));
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
      ArtifactCodec.write(config, snapshot, out);
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
