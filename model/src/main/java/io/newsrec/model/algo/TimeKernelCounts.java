package io.newsrec.model.algo;

import it.unimi.dsi.fastutil.ints.Int2DoubleMap;
import it.unimi.dsi.fastutil.ints.Int2DoubleMaps;
import it.unimi.dsi.fastutil.ints.Int2DoubleOpenHashMap;
import it.unimi.dsi.fastutil.ints.Int2ObjectOpenHashMap;
import it.unimi.dsi.fastutil.longs.Long2ObjectOpenHashMap;

/**
 * Weighted counts of {@code source → target} events (a click: source {@link #ANY}; a next click:
 * source = the article before it) read <em>around</em> a time: each event counts {@code 2^(-|t -
 * now| / halfLife)}, on either side of {@code now}.
 *
 * <p>Why two-sided: a request is usually later than everything learned, and then this is the plain
 * time-decayed count. But a state may also hold clicks later than a request: a consumer that
 * replays a backlog, or protocol A of {@code quality.md}, where the sessions that started before
 * the evaluated hour run on into it. Decayed to the state's clock, the few clicks hours past the
 * request would outweigh those at its time; read around the request's time, the clicks nearest to
 * it count most. On g1 that is +0.012 NDCG@20 in protocol A, and the same ranking as before in B
 * (see {@code bench/README.md}).
 *
 * <p>Stored in minute buckets of event time, each holding its events in two forward-decayed forms
 * (against the bucket's start, with + and - exponent), so a read costs one {@code pow} per bucket
 * and is exact for every bucket wholly before or after {@code now}; in the bucket that holds {@code
 * now} all events are taken as before it (one counted up to {@code 2^(1 min / halfLife)} too much).
 * Reads look a fixed number of half-lives either way (the span). Not thread-safe: one writer,
 * readers that do not overlap it.
 */
public final class TimeKernelCounts {
  /** The source of events that have none (plain clicks). */
  public static final int ANY = -1;

  private static final long MINUTE = 60_000L;

  private final double halfLifeMs;
  private final double span;
  private final Long2ObjectOpenHashMap<Int2ObjectOpenHashMap<Sums>> buckets =
      new Long2ObjectOpenHashMap<>();
  private long oldestMinute = Long.MAX_VALUE;

  /**
   * @param halfLifeMs the kernel's half-life
   * @param span half-lives read on either side of a request (3: events beyond count under 1/8)
   */
  public TimeKernelCounts(double halfLifeMs, double span) {
    if (!(halfLifeMs > 0) || Double.isInfinite(halfLifeMs)) {
      throw new IllegalArgumentException("half-life must be finite and > 0: " + halfLifeMs);
    }
    if (!(span > 0) || span > 1_000) {
      throw new IllegalArgumentException("span must be in (0, 1000] half-lives: " + span);
    }
    this.span = span;
    this.halfLifeMs = halfLifeMs;
  }

  /** Records {@code source → target} at {@code timeMs} with weight {@code weight}. */
  public void add(int source, int target, long timeMs, double weight) {
    long minute = Math.floorDiv(timeMs, MINUTE);
    oldestMinute = Math.min(oldestMinute, minute);
    Int2ObjectOpenHashMap<Sums> bucket = buckets.get(minute);
    if (bucket == null) {
      buckets.put(minute, bucket = new Int2ObjectOpenHashMap<>());
    }
    Sums sums = bucket.get(source);
    if (sums == null) {
      bucket.put(source, sums = new Sums());
    }
    // t - start lies in [0, 1 min): both factors stay within [2^(-1/halfLife-in-min), 1]
    double offset = (timeMs - minute * MINUTE) / halfLifeMs;
    sums.late.addTo(target, weight * Math.pow(2.0, offset));
    sums.early.addTo(target, weight * Math.pow(2.0, -offset));
  }

  /** Adds the kernel-weighted counts of {@code source}'s targets around {@code nowMs} to out. */
  public void scoreAround(int source, long nowMs, Scores out) {
    long now = Math.floorDiv(nowMs, MINUTE);
    long minutes = (long) Math.ceil(span * halfLifeMs / MINUTE);
    for (long minute = now - minutes; minute <= now + minutes; minute++) {
      Int2ObjectOpenHashMap<Sums> bucket = buckets.get(minute);
      Sums sums = bucket == null ? null : bucket.get(source);
      if (sums == null) {
        continue;
      }
      long start = minute * MINUTE;
      // a later bucket: 2^(-(t - now)/h) = 2^(-(start - now)/h) × 2^(-(t - start)/h)
      boolean later = start > nowMs;
      double factor = Math.pow(2.0, -Math.abs(nowMs - start) / halfLifeMs);
      // the fast iterable reuses one entry: a read passes thousands of them
      for (Int2DoubleMap.Entry e : Int2DoubleMaps.fastIterable(later ? sums.early : sums.late)) {
        out.add(e.getIntKey(), factor * e.getDoubleValue());
      }
    }
  }

  /** Drops every bucket of a minute that ends before {@code cutoffMs}. */
  public void expireBefore(long cutoffMs) {
    long last = Math.floorDiv(cutoffMs, MINUTE);
    if (oldestMinute >= last) {
      return;
    }
    if (last - oldestMinute > buckets.size()) {
      // a long jump (a restored artifact, a replay): walk the buckets, not the empty minutes
      buckets.keySet().removeIf((long m) -> m < last);
    } else {
      for (long m = oldestMinute; m < last; m++) {
        buckets.remove(m);
      }
    }
    oldestMinute = last;
  }

  /** Minute buckets held (tests, memory accounting). */
  public int buckets() {
    return buckets.size();
  }

  private static final class Sums {
    final Int2DoubleOpenHashMap late = new Int2DoubleOpenHashMap(4);
    final Int2DoubleOpenHashMap early = new Int2DoubleOpenHashMap(4);
  }
}
