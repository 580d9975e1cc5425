package io.newsrec.bench.stub;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.LongAdder;

/**
 * A Kinesis endpoint that accepts every record at once, so that a benchmark measures the
 * ingest-service and not an emulator (kinesis-local takes about 1,200 records/s on this machine).
 *
 * <p>It speaks the AWS JSON 1.1 protocol only: run the client with {@code -Daws.cborEnabled=false}
 * (env {@code AWS_CBOR_ENABLED=false}). {@code PutRecords} answers one success per record, counted
 * by its {@code "PartitionKey"} fields; the stream-management calls a service makes at start-up
 * ({@code CreateStream}, {@code DescribeStream}, {@code DescribeStreamSummary}, {@code
 * ListStreams}) answer "exists and active". Nothing is stored.
 */
public final class KinesisStub implements AutoCloseable {

  private static final byte[] PARTITION_KEY =
      "\"PartitionKey\"".getBytes(StandardCharsets.US_ASCII);

  private final HttpServer server;
  private final ExecutorService executor;
  private final LongAdder records = new LongAdder();
  private final LongAdder putCalls = new LongAdder();

  private KinesisStub(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  /** Starts on {@code port} of the loopback address; 0 picks a free port. */
  public static KinesisStub start(int port) throws IOException {
    var server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 256);
    // Virtual threads: the SDK keeps a few dozen connections open, each with its own handler.
    var executor = Executors.newVirtualThreadPerTaskExecutor();
    var stub = new KinesisStub(server, executor);
    server.createContext("/", stub::handle);
    server.setExecutor(executor);
    server.start();
    return stub;
  }

  public int port() {
    return server.getAddress().getPort();
  }

  public String endpoint() {
    return "http://127.0.0.1:" + port();
  }

  /** Records accepted by {@code PutRecords} (and {@code PutRecord}) since start. */
  public long records() {
    return records.sum();
  }

  public long putCalls() {
    return putCalls.sum();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
      String response = answer(operation, body);
      byte[] bytes = response.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
      exchange.getResponseHeaders().set("x-amzn-RequestId", "stub");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private String answer(String operation, byte[] body) {
    return switch (operation) {
      case "PutRecords" -> {
        int count = count(body, PARTITION_KEY);
        records.add(count);
        putCalls.increment();
        yield StubResponses.putRecords(count);
      }
      case "PutRecord" -> {
        records.increment();
        putCalls.increment();
        yield StubResponses.PUT_RECORD;
      }
      case "DescribeStream" -> StubResponses.describeStream(streamName(body));
      case "DescribeStreamSummary" -> StubResponses.describeStreamSummary(streamName(body));
      case "ListStreams" -> StubResponses.LIST_STREAMS;
      default -> "{}";
    };
  }

  /**
   * Occurrences of the key {@code needle} in a JSON object of {@code haystack}: a key follows
   * {@code '{'} or {@code ','} (the SDK writes no whitespace), whereas the same text inside a string
   * value has its quotes escaped, so a partition key cannot fake one.
   */
  static int count(byte[] haystack, byte[] needle) {
    int found = 0;
    outer:
    for (int i = 1; i <= haystack.length - needle.length; i++) {
      if (haystack[i - 1] != '{' && haystack[i - 1] != ',') {
        continue;
      }
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      found++;
      i += needle.length - 1;
    }
    return found;
  }

  private static String streamName(byte[] body) {
    String json = new String(body, StandardCharsets.UTF_8);
    int key = json.indexOf("\"StreamName\"");
    if (key < 0) {
      return "stream";
    }
    int start = json.indexOf('"', json.indexOf(':', key) + 1) + 1;
    return json.substring(start, json.indexOf('"', start));
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  /** Runs a stub on the port given as the first argument (default 0) until killed. */
  public static void main(String[] args) throws IOException {
    var stub = start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
    System.out.println("kinesis stub listening on " + stub.endpoint());
  }
}
