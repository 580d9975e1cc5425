package io.newsrec.model.serve;

import io.newsrec.model.Recommender;
import io.newsrec.model.stream.OnlineLearner;
import java.time.Instant;

/**
 * The model being served and what a response says about it.
 *
 * @param recommender the model
 * @param version the artifact's version (a prefix of its SHA-256), or {@code empty}
 * @param loadedAt when the artifact was loaded
 * @param learner the online learner feeding the model, or {@code null} when it learns nothing
 */
public record ServedModel(
    Recommender recommender, String version, Instant loadedAt, OnlineLearner learner) {

  /** Interactions learnt online since loading. */
  long updates() {
    return learner == null ? 0 : learner.applied();
  }

  /** The newest event time learnt online, or {@code null}. */
  Instant lastEventTime() {
    return learner == null || learner.applied() == 0
        ? null
        : Instant.ofEpochMilli(learner.lastEventTimeMs());
  }
}
