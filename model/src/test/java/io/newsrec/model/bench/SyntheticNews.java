package io.newsrec.model.bench;

import io.newsrec.model.Interaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A day of clicks on a news portal shaped like g1's, for benchmarks that must run without the g1
 * data: about {@code clicksPerHour} clicks an hour, articles published all day whose draw fades
 * with their age (half-life 4 h) and varies a lot between them (log-normal), sessions of 1 to 20
 * clicks (geometric, mean ~2.5) about a minute apart, and a next click that is one of the few
 * articles related to the last one two times in five (what gives co-visitation and session-kNN
 * something to find), and how each reader came to each page (a session enters from the home page, a
 * search or social media, then reads on from the portal's pages; drawn from its own stream, so the
 * clicks are those of the same seed before the types were added). Deterministic for a seed.
 */
final class SyntheticNews {
  static final String PORTAL = "g1";
  private static final long MINUTE = 60_000L;
  private static final int RELATED = 5;
  private static final double AGE_HALF_LIFE_MIN = 240;
  private static final int ARTICLES_PER_HOUR = 60;

  /** How sessions enter, one in ten from each outside source; their later clicks are internal. */
  private static final String[] ENTRANCES = {
    "direct",
    "direct",
    "direct",
    "internal",
    "internal",
    "internal",
    "internal",
    "internal",
    "search",
    "social"
  };

  /**
   * The history, in time order, the session prefixes of its last hour to ask with, and the referrer
   * type of each prefix's last click.
   */
  record Day(
      List<Interaction> clicks,
      List<List<String>> lastHourPrefixes,
      List<String> lastHourReferrers,
      long endMs) {}

  private SyntheticNews() {}

  static Day generate(long seed, int hours, int clicksPerHour) {
    SplittableRandom random = new SplittableRandom(seed);
    SplittableRandom ways = new SplittableRandom(seed + 1);
    long startMs = 1_506_800_000_000L; // October 2017, as the g1 data
    int minutes = hours * 60;
    int articles = hours * ARTICLES_PER_HOUR + 200; // 200 already out at the start
    long[] published = new long[articles];
    double[] draw = new double[articles];
    for (int a = 0; a < articles; a++) {
      published[a] =
          a < 200
              ? startMs - random.nextLong(12 * 60 * MINUTE)
              : startMs + random.nextLong(minutes * MINUTE);
      draw[a] = Math.exp(1.5 * random.nextGaussian());
    }
    // per minute, the cumulative weights of the articles out by then, overall and per topic
    double[][] cumulative = new double[minutes][articles];
    for (int m = 0; m < minutes; m++) {
      long t = startMs + m * MINUTE;
      double sum = 0;
      for (int a = 0; a < articles; a++) {
        if (published[a] <= t) {
          double ageMin = (t - published[a]) / (double) MINUTE;
          sum += draw[a] * Math.pow(0.5, ageMin / AGE_HALF_LIFE_MIN);
        }
        cumulative[m][a] = sum;
      }
    }
    int sessions = (int) ((long) clicksPerHour * hours / 2.5);
    List<Interaction> clicks = new ArrayList<>(clicksPerHour * hours + 1000);
    List<List<String>> prefixes = new ArrayList<>();
    List<String> referrers = new ArrayList<>();
    long endMs = startMs + minutes * MINUTE;
    for (int s = 0; s < sessions; s++) {
      long t = startMs + random.nextLong(minutes * MINUTE);
      String session = "s" + s;
      String user = "u" + random.nextInt(sessions / 2);
      int length = 1;
      while (length < 20 && random.nextDouble() < 0.6) {
        length++;
      }
      List<String> read = new ArrayList<>(length);
      String entrance = ENTRANCES[ways.nextInt(ENTRANCES.length)];
      int last = -1;
      long lastMs = t;
      for (int k = 0; k < length && t < endMs; k++) {
        int minute = (int) ((t - startMs) / MINUTE);
        int article = pick(cumulative[minute], random);
        if (last >= 0 && random.nextDouble() < 0.4) {
          int related = related(last, random.nextInt(RELATED), articles);
          if (published[related] <= t) {
            article = related;
          }
        }
        String way = k == 0 ? entrance : "internal";
        clicks.add(new Interaction(PORTAL, user, session, "a" + article, t, 1.0, way));
        read.add("a" + article);
        last = article;
        lastMs = t;
        t += (long) (-Math.log(1 - random.nextDouble()) * MINUTE);
      }
      if (read.size() >= 2 && lastMs > endMs - 60 * MINUTE) {
        prefixes.add(read.subList(0, read.size() - 1));
        referrers.add(read.size() == 2 ? entrance : "internal");
      }
    }
    clicks.sort(Comparator.comparingLong(Interaction::timeMs));
    return new Day(clicks, prefixes, referrers, endMs);
  }

  /** The {@code j}-th of the few articles "related" to {@code a} (a fixed scatter of ids). */
  private static int related(int a, int j, int articles) {
    return (int) ((a * 7919L + (j + 1) * 104_729L) % articles);
  }

  private static int pick(double[] cumulative, SplittableRandom random) {
    double x = random.nextDouble() * cumulative[cumulative.length - 1];
    int lo = 0;
    int hi = cumulative.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (cumulative[mid] > x) {
        hi = mid;
      } else {
        lo = mid + 1;
      }
    }
    return lo;
  }
}
