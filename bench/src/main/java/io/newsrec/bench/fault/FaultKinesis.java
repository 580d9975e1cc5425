package io.newsrec.bench.fault;

import io.newsrec.testsupport.Kinesalite;
import io.newsrec.testsupport.KinesisLocal;
import io.newsrec.testsupport.ToxicProxy;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * The Kinesis server of a fault run, how it goes down, and what the services need to talk to it.
 *
 * <p>Servers: {@code kinesalite} (LevelDB on disk, ~10 times kinesis-local's speed, keeps every
 * acknowledged record across SIGKILL: the large run's default) and {@code kinesis-local}
 * (kinesis-mock: slows down and stalls on its whole-state writes past ~15,000 records, loses
 * records on SIGKILL). Outages: {@code kill} (SIGKILL, then started again on the same port; only
 * kinesalite), {@code stop} (SIGTERM, then started again), {@code proxy} (a {@link ToxicProxy}
 * between the services and the server cut and restored; the server itself untouched).
 */
public final class FaultKinesis implements AutoCloseable {

  private final AutoCloseable server;
  private final ToxicProxy proxy;
  private final URI direct;
  private final Outage outage;
  private final List<String> serviceJvmArgs;
  private final String name;

  private FaultKinesis(
      AutoCloseable server,
      URI direct,
      ToxicProxy proxy,
      Outage outage,
      List<String> serviceJvmArgs,
      String name) {
    this.server = server;
    this.direct = direct;
    this.proxy = proxy;
    this.outage = outage;
    this.serviceJvmArgs = serviceJvmArgs;
    this.name = name;
  }

  /**
   * Starts {@code server} ({@code kinesalite} or {@code kinesis-local}) with {@code outageKind}
   * ({@code kill}, {@code stop} or {@code proxy}; empty: {@code kill} for kinesalite, {@code proxy}
   * for kinesis-local).
   *
   * @param persist kinesis-local's whole-state write interval (ignored by kinesalite)
   */
  public static FaultKinesis start(String server, String outageKind, Duration persist) {
    return switch (server) {
      case "kinesalite" -> kinesalite(outageKind);
      case "kinesis-local" -> kinesisLocal(outageKind, persist);
      default ->
          throw new IllegalArgumentException(
              "unknown Kinesis server " + server + ": kinesalite or kinesis-local");
    };
  }

  private static FaultKinesis kinesalite(String outageKind) {
    var kinesalite = new Kinesalite().start();
    var proxy = new ToxicProxy(kinesalite.port());
    Outage outage =
        switch (outageKind.isEmpty() ? "kill" : outageKind) {
          case "kill" ->
              Outage.of(
                  "kinesalite killed (SIGKILL) and restarted on the same port",
                  kinesalite::kill,
                  kinesalite::start);
          case "stop" ->
              Outage.of(
                  "kinesalite stopped (SIGTERM) and restarted on the same port",
                  kinesalite::stop,
                  kinesalite::start);
          case "proxy" -> Outage.proxyCut(proxy, "kinesalite");
          default -> throw unknownOutage(outageKind);
        };
    // kinesalite speaks the AWS JSON protocol only; the Kinesalite fixture sets the same property
    // in this JVM for the audit's clients.
    return new FaultKinesis(
        kinesalite,
        kinesalite.endpoint(),
        proxy,
        outage,
        List.of("-Daws.cborEnabled=false"),
        "kinesalite");
  }

  private static FaultKinesis kinesisLocal(String outageKind, Duration persist) {
    var kinesisLocal = new KinesisLocal(persist).start();
    var proxy = new ToxicProxy(kinesisLocal.port());
    Outage outage =
        switch (outageKind.isEmpty() ? "proxy" : outageKind) {
          case "stop" -> Outage.stopAndStart(kinesisLocal::stop, kinesisLocal::start);
          case "proxy" -> Outage.proxyCut(proxy, "kinesis-local");
          case "kill" ->
              throw new IllegalArgumentException(
                  "kinesis-local loses acknowledged records on SIGKILL: use --outage=stop|proxy");
          default -> throw unknownOutage(outageKind);
        };
    return new FaultKinesis(
        kinesisLocal, kinesisLocal.endpoint(), proxy, outage, List.of(), "kinesis-local");
  }

  private static IllegalArgumentException unknownOutage(String kind) {
    return new IllegalArgumentException("unknown outage " + kind + ": kill, stop or proxy");
  }

  /** Where the services find Kinesis: through the proxy for a proxy outage, else the server. */
  public URI servicesEndpoint() {
    return outage instanceof Outage.ProxyCut ? proxy.endpoint() : direct;
  }

  /** The server itself, for the audit's read-back. */
  public URI directEndpoint() {
    return direct;
  }

  public Outage outage() {
    return outage;
  }

  /** JVM options the services need for this server (CBOR off for kinesalite). */
  public List<String> serviceJvmArgs() {
    return serviceJvmArgs;
  }

  public String name() {
    return name;
  }

  @Override
  public void close() throws Exception {
    try {
      proxy.close();
    } finally {
      server.close();
    }
  }
}
