package io.newsrec.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports, for servers that cannot bind port 0 themselves. */
public final class FreePorts {
  /**
   * Ports are drawn below Linux's default ephemeral range (32768-60999). A port the kernel handed
   * out for port 0 lies inside that range, and so does the local port of every outgoing connection:
   * in the seconds between choosing such a port and a Node.js server binding it, any client socket
   * of the build (an SDK call, a Maven download) could take it, which once failed a CI run with
   * EADDRINUSE. Below the range only another server asking for that very port can.
   */
  static final int LOWEST = 20_000;

  static final int HIGHEST = 32_000;

  private static final Set<Integer> GIVEN = new HashSet<>();

  private FreePorts() {}

  /**
   * A port that was free on every interface a moment ago and that this JVM has not handed out
   * before. Another process may still bind it first; the fixtures fail loudly if it happens.
   */
  public static synchronized int next() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    for (int attempt = 0; attempt < 200; attempt++) {
      int port = random.nextInt(LOWEST, HIGHEST);
      if (!GIVEN.contains(port) && bindable(port)) {
        GIVEN.add(port);
        return port;
      }
    }
    // a crowded machine: let the kernel choose, as before
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      GIVEN.add(socket.getLocalPort());
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free port", e);
    }
  }

  /**
   * Whether the wildcard address can bind it, as Node.js servers do (":::port"); that fails too
   * when any one address, loopback included, holds the port.
   */
  private static boolean bindable(int port) {
    try (ServerSocket any = new ServerSocket(port)) {
      return any.getLocalPort() == port;
    } catch (IOException e) {
      return false;
    }
  }
}
