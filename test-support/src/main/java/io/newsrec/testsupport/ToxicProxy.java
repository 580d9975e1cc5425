package io.newsrec.testsupport;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A TCP proxy on a free local port in front of a server, that a test can {@link #cut()} and {@link
 * #restore()}: while cut, connections are refused and open ones are reset, so the server looks down
 * to its clients while it keeps its data. This is how fault tests take kinesis-local "down" without
 * the emulator losing acknowledged records (see {@link KinesisLocal}).
 *
 * <p>Point the code under test at {@link #endpoint()} instead of the server's endpoint.
 */
public final class ToxicProxy implements AfterAllCallback, AutoCloseable {

  private final int targetPort;
  private final int port = FreePorts.next();
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private ServerSocket listener;

  /** Proxies {@code localhost:targetPort}; listens at once. */
  public ToxicProxy(int targetPort) {
    this.targetPort = targetPort;
    restore();
  }

  /** The server looks down: new connections are refused, open ones are reset. */
  public synchronized void cut() {
    if (listener == null) {
      return;
    }
    closeQuietly(listener);
    listener = null;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
    open.clear();
  }

  /** The server is reachable again, on the same port. */
  public synchronized void restore() {
    if (listener != null) {
      return;
    }
    try {
      ServerSocket socket = new ServerSocket();
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listener = socket;
      Thread.ofVirtual().name("toxic-proxy-accept-" + port).start(() -> accept(socket));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on " + port, e);
    }
  }

  public synchronized boolean isCut() {
    return listener == null;
  }

  /** e.g. {@code http://localhost:41236}; stable across cut and restore. */
  public URI endpoint() {
    return URI.create("http://localhost:" + port);
  }

  public int port() {
    return port;
  }

  @Override
  public void close() {
    cut();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      Socket client;
      try {
        client = socket.accept();
      } catch (IOException closedByCut) {
        return;
      }
      try {
        Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        open.add(client);
        open.add(server);
        if (socket.isClosed()) { // cut() ran between accept and here: do not let it through.
          closeQuietly(client);
          closeQuietly(server);
          continue;
        }
        Thread.ofVirtual().start(() -> pump(client, server));
        Thread.ofVirtual().start(() -> pump(server, client));
      } catch (IOException targetDown) {
        closeQuietly(client); // The client sees its connection dropped, as the target's would.
      }
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try (InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream()) {
      int n;
      while ((n = in.read(buffer)) >= 0) {
        out.write(buffer, 0, n);
        out.flush();
      }
    } catch (IOException e) {
      // One side went away: close both below.
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Closeable closeable) {
    try {
      closeable.close();
    } catch (IOException ignored) {
      // Closing is all we wanted.
    }
  }
}
