package io.newsrec.bench.fault;

import io.newsrec.testsupport.ToxicProxy;

/**
 * Takes Kinesis away and brings it back. An outage here must not lose what Kinesis acknowledged:
 * kinesalite keeps every acknowledged record across SIGKILL (its LevelDB log is written before it
 * answers), whereas kinesis-local loses those since its last periodic write, so it is only ever
 * stopped gracefully or cut off behind a proxy.
 */
public sealed interface Outage permits Outage.ServerDown, Outage.ProxyCut {

  void begin() throws InterruptedException;

  void end() throws InterruptedException;

  /** What {@link #begin()} does, for the report. */
  String describe();

  /** The server process taken down ({@code down}: a stop or a kill) and started again. */
  record ServerDown(String describe, Runnable down, Runnable up) implements Outage {
    @Override
    public void begin() {
      down.run();
    }

    @Override
    public void end() {
      up.run();
    }
  }

  /** A proxy in front of Kinesis (the services' endpoint) cut and restored. */
  record ProxyCut(ToxicProxy proxy, String server) implements Outage {
    @Override
    public void begin() {
      proxy.cut();
    }

    @Override
    public void end() {
      proxy.restore();
    }

    @Override
    public String describe() {
      return "proxy in front of " + server + " cut and restored";
    }
  }

  static Outage of(String describe, Runnable down, Runnable up) {
    return new ServerDown(describe, down, up);
  }

  /** kinesis-local stopped (SIGTERM: it writes its state) and started again on the same port. */
  static Outage stopAndStart(Runnable stop, Runnable start) {
    return of("kinesis-local stopped (SIGTERM) and restarted", stop, start);
  }

  static Outage proxyCut(ToxicProxy proxy, String server) {
    return new ProxyCut(proxy, server);
  }
}
