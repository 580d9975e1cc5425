package io.newsrec.testsupport;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * kinesis-local (npm {@code kinesis-local@0.6.2}, i.e. kinesis-mock) as a child {@code node}
 * process on a free plain-HTTP port, for integration and fault tests.
 *
 * <p>Use it as a JUnit extension ({@code @RegisterExtension static final KinesisLocal KINESIS = new
 * KinesisLocal();} starts it before all tests of the class and closes it after), or call {@link
 * #start()} and {@link #close()} yourself.
 *
 * <p><b>What survives what.</b> The emulator keeps streams in memory and, with persistence on (as
 * here), writes the whole state to {@link #dataFile()} every {@code persistInterval} and once more
 * when it is stopped gracefully. So:
 *
 * <ul>
 *   <li>{@link #stop()} (SIGTERM) then {@link #start()}, or {@link #restart()}: every record it
 *       acknowledged is still there, on the same port.
 *   <li>{@link #kill()} (SIGKILL, a crash) then {@link #start()}: records acknowledged after the
 *       last periodic write are <em>lost</em>, and a kill during a write (it rewrites the whole
 *       file in place) leaves a broken file that the next start refuses. Measured here with 200 ms
 *       writes and 2,000 records of 1 KB between kills: each kill lost the last 500 acknowledged
 *       records, and the third left a 0-byte file, after which the emulator exited at start. That
 *       is the emulator, not the code under test: a test that counts losses must not take Kinesis
 *       down with {@code kill()}. Use {@link #stop()}, or, to make Kinesis unreachable without
 *       touching its data, put a {@link ToxicProxy} in front of it and {@code cut()} it.
 * </ul>
 *
 * <p>{@link #endpoint()} is a {@link ToxicProxy} in front of the emulator, on a port that stays the
 * same across restarts. {@link #stop()} and {@link #kill()} cut it first, which closes the clients'
 * connections: kinesis-mock's HTTP server otherwise waits up to 30 s for idle keep-alive
 * connections before it shuts down and writes its data.
 *
 * <p>Requires {@code node} on the {@code PATH} and the package installed by {@code local/setup.sh}
 * under {@code <repo>/local/node_modules}.
 */
public final class KinesisLocal implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  /** Often enough that a kill loses little, rarely enough that writing the state costs little. */
  public static final Duration DEFAULT_PERSIST_INTERVAL = Duration.ofMillis(500);

  private static final Duration READY_WITHIN = Duration.ofSeconds(30);
  private static final Duration STOP_WITHIN = Duration.ofSeconds(40);

  private final Duration persistInterval;
  private final int emulatorPort = FreePorts.next();
  private final int tlsPort = FreePorts.next();
  private final ToxicProxy front = new ToxicProxy(emulatorPort);
  private final Path dir;
  private Process process;

  public KinesisLocal() {
    this(DEFAULT_PERSIST_INTERVAL);
  }

  public KinesisLocal(Duration persistInterval) {
    this.persistInterval = persistInterval;
    try {
      this.dir = Files.createTempDirectory("kinesis-local-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    front.cut();
    Runtime.getRuntime().addShutdownHook(new Thread(this::killQuietly, "kinesis-local-reaper"));
  }

  /** Starts the emulator (a no-op when it runs) and waits until it answers. */
  public synchronized KinesisLocal start() {
    if (running()) {
      return this;
    }
    Path main = mainJs();
    ProcessBuilder builder =
        new ProcessBuilder("node", main.toString())
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    Map<String, String> env = builder.environment();
    env.put("KINESIS_MOCK_PLAIN_PORT", Integer.toString(emulatorPort));
    env.put("KINESIS_MOCK_TLS_PORT", Integer.toString(tlsPort));
    env.put("KINESIS_MOCK_CERT_PATH", main.resolveSibling("server.json").toString());
    env.put("SHOULD_PERSIST_DATA", "true");
    env.put("LOAD_DATA_IF_EXISTS", "true");
    env.put("PERSIST_PATH", dir.resolve("data").toString());
    env.put("PERSIST_INTERVAL", persistInterval.toMillis() + "ms");
    env.put("SHARD_LIMIT", "1000");
    env.put("LOG_LEVEL", "WARN");
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node (is Node.js installed?)", e);
    }
    awaitReady();
    front.restore();
    return this;
  }

  /** Stops it gracefully (SIGTERM): it writes its state first, so nothing acknowledged is lost. */
  public synchronized void stop() {
    stop(true);
  }

  private void stop(boolean keepState) {
    if (process == null) {
      return;
    }
    front.cut();
    Path snapshot = keepState ? snapshotWrittenAfterCut() : null;
    process.destroy();
    if (!waitFor(STOP_WITHIN)) {
      process.destroyForcibly();
      waitFor(STOP_WITHIN);
      throw new IllegalStateException("kinesis-local did not stop within " + STOP_WITHIN);
    }
    process = null;
    if (snapshot != null && !isCompleteJson(dataFile())) {
      try {
        Files.copy(snapshot, dataFile(), StandardCopyOption.REPLACE_EXISTING);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * A copy of the state file as written after the front was cut, or null when none came in time.
   *
   * <p>kinesis-mock rewrites its file in place every {@code persistInterval}, and a SIGTERM that
   * lands during such a write can crash it mid-write ({@code ERR_STREAM_DESTROYED}, seen once in CI
   * in a restart) and leave a truncated file that the next start refuses, losing everything. Once
   * the front is cut nothing acknowledged can change the state, so the second write that ends after
   * the cut (the first may have begun before it) holds every acknowledged record: it is copied, and
   * put back if the shutdown leaves a broken file. Waiting for it also sends the SIGTERM just after
   * a write, far from the next. Gives up after a few intervals, e.g. when a large state takes
   * longer than an interval to write; the stop is then as it was.
   */
  private Path snapshotWrittenAfterCut() {
    Path file = dataFile();
    long interval = persistInterval.toMillis();
    long poll = Math.clamp(interval / 10, 5, 50);
    WriteWatch watch = new WriteWatch(file, Math.clamp(interval / 4, 2 * poll, 100));
    try {
      await()
          .atMost(Duration.ofMillis(4 * interval + 2_000))
          .pollDelay(Duration.ofMillis(poll))
          .pollInterval(Duration.ofMillis(poll))
          .until(() -> !process.isAlive() || watch.ended(2));
    } catch (ConditionTimeoutException e) {
      return null;
    }
    if (!process.isAlive()) {
      return null;
    }
    Path copy = dir.resolve("kinesis-data.after-cut.json");
    try {
      Files.copy(file, copy, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      return null;
    }
    // a write that began while copying could have torn the copy: then there is none
    return modifiedNanos(file) == watch.last && isCompleteJson(copy) ? copy : null;
  }

  /**
   * Counts the writes to a file that end while it is watched: a write has ended when the file has
   * not changed for {@code quietMillis} since it last did.
   */
  private static final class WriteWatch {
    private final Path file;
    private final long quietMillis;
    long last;
    private long changedAt = -1;
    private int writes;

    WriteWatch(Path file, long quietMillis) {
      this.file = file;
      this.quietMillis = quietMillis;
      this.last = modifiedNanos(file);
    }

    /** Looks at the file once more; whether {@code count} writes have ended since watching. */
    boolean ended(int count) {
      long now = modifiedNanos(file);
      if (now != last) {
        last = now;
        changedAt = System.currentTimeMillis();
      } else if (changedAt >= 0 && System.currentTimeMillis() - changedAt >= quietMillis) {
        changedAt = -1;
        writes++;
      }
      return writes >= count;
    }
  }

  /** The file's modification time in ns since the epoch, -1 when there is none. */
  private static long modifiedNanos(Path file) {
    try {
      return Files.getLastModifiedTime(file).to(TimeUnit.NANOSECONDS);
    } catch (IOException e) {
      return -1;
    }
  }

  /** Whether {@code file} holds one whole JSON document (a truncated state file does not). */
  static boolean isCompleteJson(Path file) {
    try (JsonParser parser = JSON.createParser(file.toFile())) {
      if (parser.nextToken() == null) {
        return false;
      }
      parser.skipChildren();
      return parser.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  private static final JsonFactory JSON = new JsonFactory();

  /** Kills it (SIGKILL), as a crash would: see the class comment for what is lost. */
  public synchronized void kill() {
    if (process == null) {
      return;
    }
    front.cut();
    process.destroyForcibly();
    waitFor(STOP_WITHIN);
    process = null;
  }

  /** {@link #stop()} then {@link #start()}, on the same port, with its data. */
  public synchronized KinesisLocal restart() {
    stop();
    return start();
  }

  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** The plain-HTTP endpoint, e.g. {@code http://localhost:41234}; stable across restarts. */
  public URI endpoint() {
    return front.endpoint();
  }

  /** The port of {@link #endpoint()}. */
  public int port() {
    return front.port();
  }

  /** Where the emulator writes its state. */
  public Path dataFile() {
    return dir.resolve("data").resolve("kinesis-data.json");
  }

  /** The emulator's own output (warnings and errors). */
  public Path logFile() {
    return dir.resolve("kinesis-local.log");
  }

  @Override
  public void close() {
    try {
      // its data is deleted next: no need to make sure the last write is whole
      stop(false);
    } finally {
      deleteRecursively(dir);
    }
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    start();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void awaitReady() {
    URI direct = URI.create("http://localhost:" + emulatorPort);
    NodeServerProcess.awaitKinesis(
        "kinesis-local", direct, process, READY_WITHIN, logFile(), this::kill);
  }

  private static Path mainJs() {
    return NodeServerProcess.installedScript("kinesis-local/main.js", "kinesis-local");
  }

  private boolean waitFor(Duration timeout) {
    return NodeServerProcess.waitFor(process, timeout);
  }

  private synchronized void killQuietly() {
    if (process != null) {
      process.destroyForcibly();
    }
  }

  static void deleteRecursively(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
