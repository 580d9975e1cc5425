package io.newsrec.model.stream;

import io.newsrec.model.Recommender;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds decoded interaction records into the served model: the sink of an {@link
 * InteractionSource}.
 *
 * <p>Updates are applied one at a time (the sources deliver from one thread per shard, and the
 * model's {@code update} is only promised to run beside {@code recommend}, not beside itself).
 * Records seen again within the last {@code dedupWindow} event ids are dropped: streams deliver at
 * least once, and counting a click twice would skew popularity.
 */
public final class OnlineLearner implements Consumer<InteractionRecords.Decoded> {

  private static final Logger log = LoggerFactory.getLogger(OnlineLearner.class);

  private final Recommender recommender;
  private final Map<String, Boolean> recentEventIds;
  private final AtomicLong applied = new AtomicLong();
  private final AtomicLong duplicates = new AtomicLong();
  private final AtomicLong rejected = new AtomicLong();
  private volatile long lastEventTimeMs = Long.MIN_VALUE;

  /**
   * @param recommender the served model
   * @param dedupWindow how many recent event ids to remember (memory: about 100 bytes each)
   */
  public OnlineLearner(Recommender recommender, int dedupWindow) {
    if (dedupWindow < 0) {
      throw new IllegalArgumentException("dedupWindow must be >= 0");
    }
    this.recommender = recommender;
    this.recentEventIds =
        new LinkedHashMap<>(Math.min(dedupWindow, 1 << 16), 0.75f, false) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > dedupWindow;
          }
        };
  }

  @Override
  public void accept(InteractionRecords.Decoded record) {
    switch (record) {
      case InteractionRecords.Decoded.Rejected r -> {
        // Rate-limited to powers of two so a poisoned stream cannot flood the log.
        long n = rejected.incrementAndGet();
        if (Long.bitCount(n) == 1) {
          log.warn("interaction record rejected ({} so far): {}", n, r.reason());
        }
      }
      case InteractionRecords.Decoded.Accepted a -> apply(a);
    }
  }

  private synchronized void apply(InteractionRecords.Decoded.Accepted record) {
    if (record.eventId() != null && recentEventIds.put(record.eventId(), Boolean.TRUE) != null) {
      duplicates.incrementAndGet();
      return;
    }
    recommender.update(record.interaction());
    lastEventTimeMs = Math.max(lastEventTimeMs, record.interaction().timeMs());
    applied.incrementAndGet();
  }

  /** Interactions applied to the model so far. */
  public long applied() {
    return applied.get();
  }

  /** Records dropped because their event id was seen recently. */
  public long duplicates() {
    return duplicates.get();
  }

  /** Records that were not valid interactions. */
  public long rejected() {
    return rejected.get();
  }

  /** The newest event time applied, epoch ms, or {@link Long#MIN_VALUE} before the first. */
  public long lastEventTimeMs() {
    return lastEventTimeMs;
  }
}
