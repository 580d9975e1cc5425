package io.newsrec.bench.load;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A JDK HTTP server on a free loopback port, standing in for the ingest-service in unit tests. */
public final class TinyServer implements AutoCloseable {

  private final HttpServer server;

  public TinyServer(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
    server.createContext("/", handler);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.start();
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  /** Reads the whole request and answers {@code status} with {@code body} (chunked if asked). */
  public static void answer(HttpExchange exchange, int status, byte[] body, boolean chunked)
      throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      if (body.length == 0 && !chunked) {
        exchange.sendResponseHeaders(status, -1);
        return;
      }
      exchange.sendResponseHeaders(status, chunked ? 0 : body.length);
      exchange.getResponseBody().write(body);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
