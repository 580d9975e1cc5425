package io.newsrec.bench.load;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

/**
 * One load run: where to send, what, how hard, for how long.
 *
 * @param target the server
 * @param requests encoded requests ({@link HttpConnection#post}), sent round-robin
 * @param eventsPerRequest events in each request, for events/s
 * @param connections keep-alive connections, one sender thread each
 * @param ratePerSecond requests/s of an open-loop run, at fixed intervals; 0 for a closed-loop run
 *     (each connection sends its next request as soon as the previous is answered: the maximum)
 * @param warmup sent first and not measured (JIT, connection pools, TCP windows)
 * @param duration the measured phase
 */
public record LoadSpec(
    InetSocketAddress target,
    List<byte[]> requests,
    int eventsPerRequest,
    int connections,
    double ratePerSecond,
    Duration warmup,
    Duration duration) {

  public LoadSpec {
    requests = List.copyOf(requests);
    if (requests.isEmpty() || connections < 1 || ratePerSecond < 0) {
      throw new IllegalArgumentException("need requests, connections >= 1 and a rate >= 0");
    }
  }

  public boolean openLoop() {
    return ratePerSecond > 0;
  }

  LoadSpec measuring(Duration phase) {
    return new LoadSpec(
        target, requests, eventsPerRequest, connections, ratePerSecond, Duration.ZERO, phase);
  }
}
