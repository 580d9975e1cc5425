package io.newsrec.model.serve;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.newsrec.model.Recommendations;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SageMaker inference contract over the JDK's HTTP server: {@code GET /ping}, {@code POST
 * /invocations}, and {@code POST /endpoints/{name}/invocations} (the path the AWS SDK's {@code
 * InvokeEndpoint} calls, so that a {@code SageMakerRuntimeClient} with an endpoint override reaches
 * this server unchanged).
 *
 * <p>The server listens before the model is loaded; {@code /ping} answers 503 until {@link #serve}
 * is called, which is how SageMaker knows when to send traffic.
 */
public final class InvocationServer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(InvocationServer.class);
  static final int MAX_BODY_BYTES = 64 * 1024;

  // One buffer per request thread (a fixed pool), so a request allocates no 64 KiB array.
  private static final ThreadLocal<byte[]> BODY_BUFFER =
      ThreadLocal.withInitial(() -> new byte[MAX_BODY_BYTES + 1]);

  private final HttpServer server;
  private final ExecutorService executor;
  private final Clock clock;
  private final AtomicReference<ServedModel> model = new AtomicReference<>();

  private InvocationServer(HttpServer server, ExecutorService executor, Clock clock) {
    this.server = server;
    this.executor = executor;
    this.clock = clock;
  }

  /**
   * Starts listening.
   *
   * @param port the port, or 0 for a free one
   * @param threads request threads; a small fixed pool keeps the tail latency low on few cores
   */
  public static InvocationServer start(int port, int threads, Clock clock) throws IOException {
    // The JDK server leaves Nagle's algorithm on by default, so a response written as headers
    // then body can wait for the client's delayed ACK. Read once, when the first server starts.
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    // A deep accept queue: a burst of new connections during a pause must wait, not be dropped
    // (a dropped SYN is retried by the client only after a second or more).
    HttpServer server = HttpServer.create(new InetSocketAddress(port), 1024);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    InvocationServer invocations = new InvocationServer(server, executor, clock);
    server.createContext("/", invocations::handle);
    server.setExecutor(executor);
    server.start();
    return invocations;
  }

  /** Starts answering with this model (or swaps it for a newer one). */
  public void serve(ServedModel served) {
    model.set(served);
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String path = exchange.getRequestURI().getPath();
      String method = exchange.getRequestMethod();
      if (path.equals("/ping")) {
        ping(exchange, method);
      } else if (path.equals("/invocations") || isEndpointInvocation(path)) {
        if (!method.equals("POST")) {
          problem(exchange, 405, "Method Not Allowed", null, "use POST");
        } else {
          invoke(exchange);
        }
      } else {
        problem(exchange, 404, "Not Found", null, "no route for " + path);
      }
    } catch (RuntimeException e) {
      log.error("invocation failed", e);
      problem(exchange, 500, "Internal Server Error", null, "the model failed to answer");
    }
  }

  /** {@code /endpoints/{name}/invocations}, with exactly one non-empty name segment. */
  private static boolean isEndpointInvocation(String path) {
    if (!path.startsWith("/endpoints/") || !path.endsWith("/invocations")) {
      return false;
    }
    String name = path.substring("/endpoints/".length(), path.length() - "/invocations".length());
    return !name.isEmpty() && name.indexOf('/') < 0;
  }

  private void ping(HttpExchange exchange, String method) throws IOException {
    if (!method.equals("GET") && !method.equals("HEAD")) {
      problem(exchange, 405, "Method Not Allowed", null, "use GET");
    } else if (model.get() == null) {
      problem(exchange, 503, "Service Unavailable", null, "the model is loading");
    } else {
      send(exchange, 200, "application/json", "{\"status\":\"ok\"}".getBytes());
    }
  }

  private void invoke(HttpExchange exchange) throws IOException {
    long started = System.nanoTime();
    ServedModel served = model.get();
    if (served == null) {
      problem(exchange, 503, "Service Unavailable", null, "the model is loading");
      return;
    }
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    if (contentType != null && !contentType.toLowerCase().contains("json")) {
      problem(exchange, 415, "Unsupported Media Type", null, "send application/json");
      return;
    }
    byte[] body = BODY_BUFFER.get();
    int length = readAtMost(exchange.getRequestBody(), body);
    if (length > MAX_BODY_BYTES) {
      // Read what is left (up to a bound) so that the client sees the 413, not a reset
      // connection that its SDK would retry.
      discardAtMost(exchange.getRequestBody(), body, 16 * MAX_BODY_BYTES);
      problem(exchange, 413, "Content Too Large", "body", "at most " + MAX_BODY_BYTES + " bytes");
      return;
    }
    switch (InvocationCodec.parse(body, length, clock.millis())) {
      case InvocationCodec.Parsed.Invalid invalid ->
          problem(exchange, 400, "Bad Request", invalid.field(), invalid.message());
      case InvocationCodec.Parsed.Valid valid -> {
        Recommendations recommendations = served.recommender().recommend(valid.request());
        ByteArrayOutputStream out = new ByteArrayOutputStream(2048);
        long tookMicros = (System.nanoTime() - started) / 1_000;
        InvocationCodec.writeResponse(out, recommendations, served, tookMicros);
        send(exchange, 200, "application/json", out.toByteArray());
      }
    }
  }

  private static int readAtMost(InputStream in, byte[] into) throws IOException {
    int length = 0;
    for (int n; length < into.length && (n = in.read(into, length, into.length - length)) > 0; ) {
      length += n;
    }
    return length;
  }

  private static void discardAtMost(InputStream in, byte[] scratch, long limit) throws IOException {
    for (long read = 0; read < limit; ) {
      int n = in.read(scratch, 0, scratch.length);
      if (n < 0) {
        return;
      }
      read += n;
    }
  }

  private static void problem(
      HttpExchange exchange, int status, String title, String field, String detail)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    InvocationCodec.writeProblem(out, status, title, field, detail);
    send(exchange, status, "application/problem+json", out.toByteArray());
  }

  private static void send(HttpExchange exchange, int status, String type, byte[] body)
      throws IOException {
    exchange.getResponseHeaders().set("Content-Type", type);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : body.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
