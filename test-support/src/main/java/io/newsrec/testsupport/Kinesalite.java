package io.newsrec.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * kinesalite (npm {@code kinesalite@3.3.3}) as a child {@code node} process on a free port, its
 * streams in a LevelDB directory ({@code --path}), for fault tests that need more records than
 * kinesis-local holds: it takes about ten times kinesis-local's records per second and does not
 * slow down as the streams grow.
 *
 * <p><b>CBOR off.</b> kinesalite does not understand the SDK v2's default CBOR encoding, so SDK
 * clients talking to it must run with the system property {@code aws.cborEnabled=false} (env {@code
 * AWS_CBOR_ENABLED=false}). Creating this fixture sets that property for the whole JVM, so that the
 * test's own clients speak JSON; processes it starts (services) need {@code
 * -Daws.cborEnabled=false} on their command line.
 *
 * <p><b>What survives what.</b> Every record is written to LevelDB's log before {@code PutRecords}
 * answers, so both {@link #stop()} (SIGTERM) and {@link #kill()} (SIGKILL, a crash of the process,
 * not of the machine) keep every acknowledged record. Measured here: 20,000 records then SIGKILL,
 * and then 4 SIGKILLs while a client was putting batches of 500: after each restart the streams
 * held exactly the records acknowledged before the kill (20,000; 23,000; 23,000; 26,000; 26,000).
 *
 * <p>Streams are {@code ACTIVE} at once ({@code --createStreamMs 0}, likewise delete and update).
 */
public final class Kinesalite implements BeforeAllCallback, AfterAllCallback, AutoCloseable {

  private static final Duration READY_WITHIN = Duration.ofSeconds(30);
  private static final Duration STOP_WITHIN = Duration.ofSeconds(20);

  static {
    System.setProperty("aws.cborEnabled", "false");
  }

  private final int port = FreePorts.next();
  private final Path dir;
  private Process process;

  public Kinesalite() {
    try {
      this.dir = Files.createTempDirectory("kinesalite-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(this::killQuietly, "kinesalite-reaper"));
  }

  /** Starts it (a no-op when it runs) on its port, with the data of earlier runs, and waits. */
  public synchronized Kinesalite start() {
    if (running()) {
      return this;
    }
    ProcessBuilder builder =
        new ProcessBuilder(
                "node",
                cliJs().toString(),
                "--port",
                Integer.toString(port),
                "--path",
                dataDir().toString(),
                "--createStreamMs",
                "0",
                "--deleteStreamMs",
                "0",
                "--updateStreamMs",
                "0",
                "--shardLimit",
                "1000")
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()));
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new IllegalStateException("cannot run node (is Node.js installed?)", e);
    }
    awaitReady();
    return this;
  }

  /** Stops it with SIGTERM. */
  public synchronized void stop() {
    end(false);
  }

  /** Kills it with SIGKILL, as a crash would; acknowledged records survive (class comment). */
  public synchronized void kill() {
    end(true);
  }

  /** {@link #stop()} then {@link #start()}, on the same port, with its data. */
  public synchronized Kinesalite restart() {
    stop();
    return start();
  }

  public synchronized boolean running() {
    return process != null && process.isAlive();
  }

  /** The plain-HTTP endpoint, e.g. {@code http://localhost:41234}; the same across restarts. */
  public URI endpoint() {
    return URI.create("http://localhost:" + port);
  }

  public int port() {
    return port;
  }

  /** The LevelDB directory. */
  public Path dataDir() {
    return dir.resolve("db");
  }

  /** kinesalite's own output. */
  public Path logFile() {
    return dir.resolve("kinesalite.log");
  }

  @Override
  public void close() {
    try {
      stop();
    } finally {
      KinesisLocal.deleteRecursively(dir);
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

  private void end(boolean forcibly) {
    if (process == null) {
      return;
    }
    if (forcibly) {
      process.destroyForcibly();
    } else {
      process.destroy();
    }
    if (!waitFor(STOP_WITHIN)) {
      process.destroyForcibly();
      waitFor(STOP_WITHIN);
    }
    process = null;
  }

  private void awaitReady() {
    NodeServerProcess.awaitKinesis(
        "kinesalite", endpoint(), process, READY_WITHIN, logFile(), this::kill);
  }

  private static Path cliJs() {
    return NodeServerProcess.installedScript("kinesalite/cli.js", "kinesalite");
  }

  private boolean waitFor(Duration timeout) {
    return NodeServerProcess.waitFor(process, timeout);
  }

  private synchronized void killQuietly() {
    if (process != null) {
      process.destroyForcibly();
    }
  }
}
