package io.newsrec.model.train;

import io.newsrec.model.HybridRecommender;
import io.newsrec.model.Recommender;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/** The production {@link ModelFactory}: the hybrid recommender. */
public final class HybridModelFactory implements ModelFactory {

  @Override
  public Recommender create(Map<String, String> hyperparameters) {
    return HybridRecommender.create(hyperparameters);
  }

  @Override
  public Recommender read(InputStream artifact) throws IOException {
    return HybridRecommender.read(artifact);
  }
}
