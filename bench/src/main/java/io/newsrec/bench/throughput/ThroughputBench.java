package io.newsrec.bench.throughput;

import io.newsrec.bench.load.HttpConnection;
import io.newsrec.bench.load.LoadGenerator;
import io.newsrec.bench.load.LoadResult;
import io.newsrec.bench.load.LoadSpec;
import io.newsrec.bench.traffic.SampleTraffic;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The ingest-service's throughput and latency, in rounds: per round, (a) batches to {@code POST
 * /pageview} as fast as the server answers, (b) the very same requests to {@code POST /bench/noop}
 * of the same server (the ceiling: HTTP, body read, no work), and (c) single-event requests,
 * open-loop at a fixed rate, for latency. Interleaving the three per round spreads any drift of the
 * machine (other builds on its 2 cores) over all of them.
 */
public final class ThroughputBench {

  /**
   * @param rounds measured rounds (medians are reported)
   * @param warmup per kind of load, before the first round
   * @param duration of each measured run
   * @param batchSize events per batch request
   * @param batchConnections concurrent batch requests (closed loop)
   * @param singleRate single-event requests per second (open loop)
   * @param singleConnections connections of the open-loop run (enough that none waits for one)
   */
  public record Settings(
      int rounds,
      Duration warmup,
      Duration duration,
      int batchSize,
      int batchConnections,
      double singleRate,
      int singleConnections) {}

  /** One round's three measurements. */
  public record Round(LoadResult batch, LoadResult ceiling, LoadResult single) {}

  private final Settings settings;
  private final List<byte[]> batchBodies = new ArrayList<>();
  private final List<byte[]> singleBodies = new ArrayList<>();

  public ThroughputBench(Settings settings, SampleTraffic traffic) {
    this.settings = settings;
    // Distinct bodies, encoded before the clock starts, so that the client costs ~nothing.
    for (int i = 0; i < 64; i++) {
      batchBodies.add(traffic.freshBody(settings.batchSize()));
    }
    for (int i = 0; i < 4_096; i++) {
      singleBodies.add(traffic.freshBody(1));
    }
  }

  public List<Round> run(InetSocketAddress server, Consumer<String> progress)
      throws InterruptedException {
    LoadGenerator.run(batch(server, "/pageview", settings.warmup()));
    LoadGenerator.run(batch(server, "/bench/noop", settings.warmup()));
    LoadGenerator.run(single(server, settings.warmup()));
    var rounds = new ArrayList<Round>();
    for (int r = 1; r <= settings.rounds(); r++) {
      LoadResult batch = LoadGenerator.run(batch(server, "/pageview", settings.duration()));
      LoadResult ceiling = LoadGenerator.run(batch(server, "/bench/noop", settings.duration()));
      LoadResult single = LoadGenerator.run(single(server, settings.duration()));
      rounds.add(new Round(batch, ceiling, single));
      progress.accept(
          String.format(
              "round %d: batch %.0f ev/s (%d failed), ceiling %.0f ev/s, single p50 %.2f ms"
                  + " p99 %.2f ms at %.0f req/s (%d failed)",
              r,
              batch.eventsPerSecond(),
              batch.failures(),
              ceiling.eventsPerSecond(),
              single.p50Millis(),
              single.p99Millis(),
              single.requestsPerSecond(),
              single.failures()));
    }
    return rounds;
  }

  private LoadSpec batch(InetSocketAddress server, String path, Duration duration) {
    return new LoadSpec(
        server,
        requests(path, batchBodies),
        settings.batchSize(),
        settings.batchConnections(),
        0,
        Duration.ZERO,
        duration);
  }

  private LoadSpec single(InetSocketAddress server, Duration duration) {
    return new LoadSpec(
        server,
        requests("/pageview", singleBodies),
        1,
        settings.singleConnections(),
        settings.singleRate(),
        Duration.ZERO,
        duration);
  }

  private static List<byte[]> requests(String path, List<byte[]> bodies) {
    return bodies.stream().map(b -> HttpConnection.post(path, "application/json", b)).toList();
  }
}
