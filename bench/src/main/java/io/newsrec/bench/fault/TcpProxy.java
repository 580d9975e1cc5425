package io.newsrec.bench.fault;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay in front of a server, which the fault test can cut: while cut, open connections are
 * reset and new ones are closed at once, so the server is unreachable to its clients without losing
 * what it had already stored (an outage of Kinesis is Kinesis unreachable, not Kinesis losing its
 * data).
 */
public final class TcpProxy implements AutoCloseable {

  private final ServerSocket listener;
  private final InetSocketAddress upstream;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile boolean cut;

  public TcpProxy(InetSocketAddress upstream) throws IOException {
    this.upstream = upstream;
    this.listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
    Thread.ofVirtual().name("proxy-accept").start(this::accept);
  }

  public int port() {
    return listener.getLocalPort();
  }

  /** Makes the server unreachable: resets every open connection and refuses new ones. */
  public void cut() {
    cut = true;
    for (Socket socket : open) {
      closeQuietly(socket);
    }
  }

  /** Makes the server reachable again. */
  public void restore() {
    cut = false;
  }

  private void accept() {
    while (!listener.isClosed()) {
      try {
        Socket client = listener.accept();
        if (cut) {
          closeQuietly(client);
          continue;
        }
        Thread.ofVirtual().start(() -> relay(client));
      } catch (IOException e) {
        return; // listener closed
      }
    }
  }

  private void relay(Socket client) {
    try (client;
        Socket server = new Socket()) {
      server.connect(upstream, 2_000);
      server.setTcpNoDelay(true);
      client.setTcpNoDelay(true);
      open.add(client);
      open.add(server);
      Thread back = Thread.ofVirtual().start(() -> pump(server, client));
      pump(client, server);
      back.join();
    } catch (IOException | InterruptedException e) {
      // a cut or a closed peer ends the relay
    } finally {
      open.remove(client);
    }
  }

  private void pump(Socket from, Socket to) {
    byte[] buffer = new byte[16 * 1024];
    try {
      InputStream in = from.getInputStream();
      OutputStream out = to.getOutputStream();
      for (int n = in.read(buffer); n >= 0 && !cut; n = in.read(buffer)) {
        out.write(buffer, 0, n);
      }
    } catch (IOException e) {
      // peer closed or cut
    } finally {
      closeQuietly(from);
      closeQuietly(to);
      open.remove(from);
      open.remove(to);
    }
  }

  private static void closeQuietly(Socket socket) {
    try {
      socket.setSoLinger(true, 0); // a reset, as a dead host's would-be peer sees
      socket.close();
    } catch (IOException ignored) {
      // already closed
    }
  }

  @Override
  public void close() {
    cut();
    closeQuietly(new Socket());
    try {
      listener.close();
    } catch (IOException ignored) {
      // already closed
    }
  }
}
