package io.newsrec.model;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.function.Consumer;

/**
 * The recommender as the rest of the system sees it: learns online from interactions, answers
 * requests, and writes its state to a model artifact (restored by its implementation's {@code
 * read(InputStream)} factory).
 *
 * <p>Thread-safety: {@link #update} and {@link #recommend} may be called from different threads.
 */
public interface Recommender {

  /** Learns from one interaction, in time proportional to the session's length. */
  void update(Interaction interaction);

  /**
   * Learns from a whole history, as a training job does: by default each interaction through {@link
   * #update}; a model that learns more from a history than from its clicks one by one (the hybrid
   * fits its re-ranker) overrides it.
   *
   * @param inTimeOrder the interactions, oldest first
   * @param progress gets a line now and then on what training does (may be a no-op)
   */
  default void train(List<Interaction> inTimeOrder, Consumer<String> progress) {
    for (Interaction interaction : inTimeOrder) {
      update(interaction);
    }
  }

  /** Ranks the catalogue of the request's portal for the request. */
  Recommendations recommend(RecommendRequest request);

  /** Writes the whole state as a model artifact. */
  void writeTo(OutputStream out) throws IOException;
}
