package io.newsrec.model.eval;

import io.newsrec.model.Interaction;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.tukaani.xz.XZInputStream;

/**
 * The g1 clicks ({@code clicks/clicks_hour_NNN.csv.xz}, read directly), held in columns: one row
 * per click, in file order (each session's clicks contiguous and in time order), with the hour
 * (file number) of the session's start and the click's 1-based position in its session.
 *
 * <p>Module API: the serving benchmark builds the full state with {@link #forEachInTimeOrder}.
 */
public final class G1Clicks {
  /** The default data folder, relative to the repository root. */
  public static final Path DEFAULT_FOLDER = Path.of("../shared/data/globo-g1");

  final int[] user;
  final long[] session;
  final int[] article;
  final long[] time;
  final short[] hour;
  final short[] position;
  final short[] sessionSize;

  /** {@code click_referrer_type}, 0 when the field is empty (unknown). */
  final short[] referrer;

  final int[] hourStartRow;
  private final int size;

  private G1Clicks(Columns c, int[] hourStartRow) {
    this.size = c.n;
    this.user = Arrays.copyOf(c.user, c.n);
    this.session = Arrays.copyOf(c.session, c.n);
    this.article = Arrays.copyOf(c.article, c.n);
    this.time = Arrays.copyOf(c.time, c.n);
    this.hour = Arrays.copyOf(c.hour, c.n);
    this.position = Arrays.copyOf(c.position, c.n);
    this.sessionSize = Arrays.copyOf(c.sessionSize, c.n);
    this.referrer = Arrays.copyOf(c.referrer, c.n);
    this.hourStartRow = hourStartRow;
  }

  /** Columns already read (tests). */
  static G1Clicks of(Columns columns, int[] hourStartRow) {
    return new G1Clicks(columns, hourStartRow);
  }

  /**
   * Reads every {@code clicks/clicks_hour_NNN.csv.xz} under {@code folder}, in hour order.
   *
   * @param progress called with each hour read (may be a no-op)
   */
  public static G1Clicks load(Path folder, IntConsumer progress) throws IOException {
    return load(folder, Integer.MAX_VALUE, progress);
  }

  /** Reads the first {@code maxHours} hourly files (all when fewer). */
  public static G1Clicks load(Path folder, int maxHours, IntConsumer progress) throws IOException {
    Path clicks = folder.resolve("clicks");
    int hours = 0;
    while (hours < maxHours && Files.exists(clicks.resolve(fileName(hours)))) {
      hours++;
    }
    if (hours == 0) {
      throw new IOException("no clicks_hour_000.csv.xz under " + clicks.toAbsolutePath());
    }
    Columns c = new Columns();
    int[] hourStartRow = new int[hours + 1];
    for (int h = 0; h < hours; h++) {
      hourStartRow[h] = c.n;
      try (InputStream in = new XZInputStream(Files.newInputStream(clicks.resolve(fileName(h))))) {
        readCsv(in, (short) h, c);
      }
      progress.accept(h);
    }
    hourStartRow[hours] = c.n;
    return new G1Clicks(c, hourStartRow);
  }

  static String fileName(int hour) {
    return String.format("clicks_hour_%03d.csv.xz", hour);
  }

  /** Parses one hourly CSV (header first) into {@code c}. */
  static void readCsv(InputStream in, short hour, Columns c) throws IOException {
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
    r.readLine();
    long[] f = new long[12];
    long lastSession = Long.MIN_VALUE;
    short pos = 0;
    for (String line = r.readLine(); line != null; line = r.readLine()) {
      if (line.isEmpty()) {
        continue;
      }
      int k = 0;
      long v = 0;
      for (int i = 0; i < line.length(); i++) {
        char ch = line.charAt(i);
        if (ch == ',') {
          f[k++] = v;
          v = 0;
        } else if (ch >= '0' && ch <= '9') {
          v = v * 10 + (ch - '0');
        }
      }
      f[k] = v;
      pos = f[1] == lastSession ? (short) (pos + 1) : 1;
      lastSession = f[1];
      c.add((int) f[0], f[1], (int) f[4], f[5], hour, pos, (short) f[3]);
      c.referrer[c.n - 1] = k >= 11 && f[11] > 0 && f[11] <= Short.MAX_VALUE ? (short) f[11] : 0;
    }
  }

  /** Number of clicks. */
  public int size() {
    return size;
  }

  /** Number of hourly files. */
  public int hours() {
    return hourStartRow.length - 1;
  }

  /** Row {@code row} as an interaction of {@code portal} with weight 1. */
  public Interaction interaction(int row, String portal) {
    return new Interaction(
        portal,
        Integer.toString(user[row]),
        Long.toString(session[row]),
        Integer.toString(article[row]),
        time[row],
        1.0,
        referrerType(row));
  }

  /**
   * Row {@code row}'s {@code click_referrer_type} as the interactions carry it, null if unknown.
   */
  public String referrerType(int row) {
    short code = referrer[row];
    return code == 0
        ? null
        : code < REFERRER_NAMES.length ? REFERRER_NAMES[code] : Integer.toString(code);
  }

  /** One shared string per small code (g1 has seven). */
  private static final String[] REFERRER_NAMES = new String[128];

  static {
    for (int i = 0; i < REFERRER_NAMES.length; i++) {
      REFERRER_NAMES[i] = Integer.toString(i);
    }
  }

  /** Row indices sorted by click time (then session, then position): the replay order. */
  public int[] timeOrder() {
    if (size >= (1 << 22)) {
      throw new IllegalStateException("more than 4M clicks: widen the packing below");
    }
    // key = (ms since the first click) << 22 | row: 44 days of ms fit in 32 bits
    long base = Arrays.stream(time).min().orElse(0);
    long[] keys = new long[size];
    for (int i = 0; i < size; i++) {
      keys[i] = ((time[i] - base) << 22) | i;
    }
    Arrays.parallelSort(keys);
    int[] order = new int[size];
    for (int i = 0; i < size; i++) {
      order[i] = (int) (keys[i] & ((1 << 22) - 1));
    }
    return order;
  }

  /** Calls {@code sink} with every click as an interaction of {@code portal}, in time order. */
  public void forEachInTimeOrder(String portal, Consumer<Interaction> sink) {
    for (int row : timeOrder()) {
      sink.accept(interaction(row, portal));
    }
  }

  /** Growable columns while reading. */
  static final class Columns {
    int n;
    int[] user = new int[1 << 16];
    long[] session = new long[1 << 16];
    int[] article = new int[1 << 16];
    long[] time = new long[1 << 16];
    short[] hour = new short[1 << 16];
    short[] position = new short[1 << 16];
    short[] sessionSize = new short[1 << 16];
    short[] referrer = new short[1 << 16];

    void add(int u, long s, int a, long t, short h, short pos, short sz) {
      if (n == user.length) {
        int m = n * 2;
        user = Arrays.copyOf(user, m);
        session = Arrays.copyOf(session, m);
        article = Arrays.copyOf(article, m);
        time = Arrays.copyOf(time, m);
        hour = Arrays.copyOf(hour, m);
        position = Arrays.copyOf(position, m);
        sessionSize = Arrays.copyOf(sessionSize, m);
        referrer = Arrays.copyOf(referrer, m);
      }
      user[n] = u;
      session[n] = s;
      article[n] = a;
      time[n] = t;
      hour[n] = h;
      position[n] = pos;
      sessionSize[n++] = sz;
    }
  }
}
