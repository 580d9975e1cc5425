package io.newsrec.bench.fault;

import io.newsrec.testsupport.ToxicProxy;

/**
 * Makes Kinesis unreachable and brings it back, without losing what it had acknowledged: an outage
 * is Kinesis unreachable, not Kinesis losing its data (which kinesis-local does when killed with
 * SIGKILL between two of its periodic writes).
 */
public interface Outage {

  void begin() throws InterruptedException;

  void end() throws InterruptedException;

  /** What {@link #begin()} does, for the report. */
  String describe();

  /** kinesis-local stopped (SIGTERM: it writes its state) and started again on the same port. */
  static Outage stopAndStart(Runnable stop, Runnable start) {
    return new Outage() {
      @Override
      public void begin() {
        stop.run();
      }

      @Override
      public void end() {
        start.run();
      }

      @Override
      public String describe() {
        return "kinesis-local stopped (SIGTERM) and restarted";
      }
    };
  }

  /** A proxy in front of Kinesis (the services' endpoint) cut and restored. */
  static Outage proxyCut(ToxicProxy proxy) {
    return new Outage() {
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
        return "proxy in front of kinesis-local cut and restored";
      }
    };
  }
}
