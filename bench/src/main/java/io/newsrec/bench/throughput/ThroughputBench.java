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
import java.util.Map;
import java.util.TreeMap;
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
   * @param skipBatches only the single-event runs (a quick latency check; batch and ceiling are
   *     reported as 0)
   * @param sweepSizes further batch sizes, each measured against the do-nothing endpoint with the
   *     same bodies, so the ratio to the ceiling is seen as a function of the batch size
   * @param sweepConnections concurrent requests of the sweep's runs (closed loop): small batches
   *     wait out the linger, so few connections would measure the linger, not the server
   */
  public record Settings(
      int rounds,
      Duration warmup,
      Duration duration,
      int batchSize,
      int batchConnections,
      double singleRate,
      int singleConnections,
      boolean skipBatches,
      List<Integer> sweepSizes,
      int sweepConnections) {}

  /** One round's three measurements, and the batch-size sweep. */
  public record Round(
      LoadResult batch, LoadResult ceiling, LoadResult single, Map<Integer, Pair> sweep) {}

  /** {@code POST /pageview} and the do-nothing endpoint with the very same bodies. */
  public record Pair(LoadResult batch, LoadResult ceiling) {}

  private final Settings settings;
  private final Map<Integer, List<byte[]>> bodiesBySize = new TreeMap<>();
  private final List<byte[]> singleBodies = new ArrayList<>();

  public ThroughputBench(Settings settings, SampleTraffic traffic) {
    this.settings = settings;
    // Distinct bodies, encoded before the clock starts, so that the client costs ~nothing.
    List<Integer> sizes = new ArrayList<>(settings.sweepSizes());
    sizes.add(settings.batchSize());
    for (int size : sizes) {
      if (!bodiesBySize.containsKey(size)) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
          bodies.add(traffic.freshBody(size));
        }
        bodiesBySize.put(size, bodies);
      }
    }
    for (int i = 0; i < 4_096; i++) {
      singleBodies.add(traffic.freshBody(1));
    }
  }

  public List<Round> run(InetSocketAddress server, Consumer<String> progress)
      throws InterruptedException {
    if (!settings.skipBatches()) {
      LoadGenerator.run(batch(server, "/pageview", settings.batchSize(), settings.warmup()));
      LoadGenerator.run(batch(server, "/bench/noop", settings.batchSize(), settings.warmup()));
    }
    LoadGenerator.run(single(server, settings.warmup()));
    var rounds = new ArrayList<Round>();
    for (int r = 1; r <= settings.rounds(); r++) {
      LoadResult batch =
          settings.skipBatches()
              ? LoadResult.NONE
              : LoadGenerator.run(
                  batch(server, "/pageview", settings.batchSize(), settings.duration()));
      LoadResult ceiling =
          settings.skipBatches()
              ? LoadResult.NONE
              : LoadGenerator.run(
                  batch(server, "/bench/noop", settings.batchSize(), settings.duration()));
      Map<Integer, Pair> sweep = new TreeMap<>();
      if (!settings.skipBatches()) {
        for (int size : settings.sweepSizes()) {
          sweep.put(
              size,
              new Pair(
                  LoadGenerator.run(
                      batch(
                          server,
                          "/pageview",
                          size,
                          settings.sweepConnections(),
                          settings.duration())),
                  LoadGenerator.run(
                      batch(
                          server,
                          "/bench/noop",
                          size,
                          settings.sweepConnections(),
                          settings.duration()))));
        }
      }
      LoadResult single = LoadGenerator.run(single(server, settings.duration()));
      rounds.add(new Round(batch, ceiling, single, sweep));
      int round = r;
      sweep.forEach(
          (size, pair) ->
              progress.accept(
                  String.format(
                      "round %d: %d-event batches %.0f ev/s, ceiling %.0f ev/s (ratio %.3f)",
                      round,
                      size,
                      pair.batch().eventsPerSecond(),
                      pair.ceiling().eventsPerSecond(),
                      pair.batch().eventsPerSecond() / pair.ceiling().eventsPerSecond())));
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

  private LoadSpec batch(InetSocketAddress server, String path, int size, Duration duration) {
    return batch(server, path, size, settings.batchConnections(), duration);
  }

  private LoadSpec batch(
      InetSocketAddress server, String path, int size, int connections, Duration duration) {
    return new LoadSpec(
        server,
        requests(path, bodiesBySize.get(size)),
        size,
        connections,
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
