package io.newsrec.model;

import java.io.IOException;
import java.io.OutputStream;

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

  /** Ranks the catalogue of the request's portal for the request. */
  Recommendations recommend(RecommendRequest request);

  /** Writes the whole state as a model artifact. */
  void writeTo(OutputStream out) throws IOException;
}
