package io.newsrec.model.train;

import io.newsrec.model.Recommender;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * How the container entry points make a model: new from hyperparameters ({@code train}, and {@code
 * serve} without an artifact) or restored from an artifact. Tests pass fakes.
 */
public interface ModelFactory {

  /**
   * A new, empty model.
   *
   * @throws IllegalArgumentException when a hyperparameter is unknown or out of range
   */
  Recommender create(Map<String, String> hyperparameters);

  /** A model restored from an artifact written by {@link Recommender#writeTo}. */
  Recommender read(InputStream artifact) throws IOException;
}
