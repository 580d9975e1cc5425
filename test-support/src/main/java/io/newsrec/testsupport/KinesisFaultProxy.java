package io.newsrec.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.cbor.CBORFactory;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * An HTTP proxy in front of kinesis-local that makes {@code PutRecords} fail <em>in part</em>, as
 * real Kinesis does under throttling, which the emulator itself never does.
 *
 * <p>Records chosen by {@link #rejectOnce} are taken out of the request before it reaches the
 * emulator and come back in the response as {@code ProvisionedThroughputExceededException}, at
 * their position, with {@code FailedRecordCount} counting them: the stream never holds them, so a
 * test sees exactly what a client that re-sends only the failed records leaves in the stream.
 * Everything else passes through unchanged. Works with the SDK's default CBOR and with JSON.
 *
 * <p>Point the code under test at {@link #endpoint()} instead of the emulator's.
 */
public final class KinesisFaultProxy implements AfterAllCallback, AutoCloseable {

  static final String THROTTLED = "ProvisionedThroughputExceededException";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper CBOR = new ObjectMapper(new CBORFactory());
  private static final Set<String> UNFORWARDED_HEADERS =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "transfer-encoding");

  private final URI target;
  private final HttpServer server;
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final List<List<String>> calls = new CopyOnWriteArrayList<>();
  private final Set<String> rejectedOnce = ConcurrentHashMap.newKeySet();
  private final AtomicInteger rejected = new AtomicInteger();
  private volatile Predicate<String> rejectKey = key -> false;
  private volatile int callsBeforeOutage = Integer.MAX_VALUE;

  /** Proxies {@code target} (kinesis-local's plain-HTTP endpoint); listens at once. */
  public KinesisFaultProxy(URI target) {
    this.target = target;
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  /**
   * From now on, rejects each record whose partition key matches the first time it is put; the same
   * record (same key, same data) put again passes.
   */
  public void rejectOnce(Predicate<String> partitionKey) {
    rejectKey = partitionKey;
  }

  /** Lets every record through from now on. */
  public void rejectNone() {
    rejectKey = key -> false;
  }

  /**
   * Lets the next {@code calls} {@code PutRecords} calls through, then answers every later one with
   * HTTP 500 {@code InternalFailure} (the SDK retries those, then gives up): an outage that starts
   * in the middle of a multi-call put.
   */
  public void failWholeCallsAfter(int calls) {
    callsBeforeOutage = this.calls.size() + calls;
  }

  /** The partition keys of each {@code PutRecords} call received so far, in order. */
  public List<List<String>> putRecordsCalls() {
    return List.copyOf(calls);
  }

  /** How many records were rejected so far. */
  public int rejectedCount() {
    return rejected.get();
  }

  public URI endpoint() {
    return URI.create("http://localhost:" + server.getAddress().getPort());
  }

  @Override
  public void close() {
    server.stop(0);
    client.close();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      String action = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      String type = exchange.getRequestHeaders().getFirst("Content-Type");
      ObjectMapper codec = type != null && type.contains("cbor") ? CBOR : JSON;
      if (action != null && action.endsWith(".PutRecords")) {
        putRecords(exchange, codec, body);
      } else {
        HttpResponse<byte[]> response = forward(exchange, body);
        reply(exchange, response, response.body());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.sendResponseHeaders(502, -1);
    }
  }

  private void putRecords(HttpExchange exchange, ObjectMapper codec, byte[] body)
      throws IOException, InterruptedException {
    ObjectNode request = (ObjectNode) codec.readTree(body);
    ArrayNode records = (ArrayNode) request.get("Records");
    List<String> keys = new ArrayList<>();
    records.forEach(record -> keys.add(record.get("PartitionKey").asText()));
    calls.add(List.copyOf(keys));
    if (calls.size() > callsBeforeOutage) {
      byte[] out =
          codec.writeValueAsBytes(
              codec
                  .createObjectNode()
                  .put("__type", "InternalFailure")
                  .put("message", "injected by KinesisFaultProxy"));
      exchange.getResponseHeaders().set("Content-Type", contentType(exchange));
      exchange.sendResponseHeaders(500, out.length);
      exchange.getResponseBody().write(out);
      return;
    }
    boolean[] reject = new boolean[records.size()];
    ArrayNode passing = codec.createArrayNode();
    for (int i = 0; i < records.size(); i++) {
      JsonNode record = records.get(i);
      String identity =
          keys.get(i) + '\n' + Base64.getEncoder().encodeToString(record.get("Data").binaryValue());
      reject[i] = rejectKey.test(keys.get(i)) && rejectedOnce.add(identity);
      if (!reject[i]) {
        passing.add(record);
      }
    }
    if (passing.size() == records.size()) {
      HttpResponse<byte[]> response = forward(exchange, body);
      reply(exchange, response, response.body());
      return;
    }
    rejected.addAndGet(records.size() - passing.size());
    request.set("Records", passing);
    HttpResponse<byte[]> response =
        passing.isEmpty() ? null : forward(exchange, codec.writeValueAsBytes(request));
    if (response != null && response.statusCode() != 200) {
      reply(exchange, response, response.body()); // The whole call failed: pass that on.
      return;
    }
    ObjectNode merged = codec.createObjectNode();
    ArrayNode results = merged.putArray("Records");
    JsonNode passed = response == null ? null : codec.readTree(response.body());
    int failed = passed == null ? 0 : passed.path("FailedRecordCount").asInt();
    for (int i = 0, p = 0; i < records.size(); i++) {
      if (reject[i]) {
        results
            .addObject()
            .put("ErrorCode", THROTTLED)
            .put("ErrorMessage", "Rate exceeded for shard (injected by KinesisFaultProxy)");
        failed++;
      } else {
        results.add(passed.get("Records").get(p++));
      }
    }
    merged.put("FailedRecordCount", failed);
    merged.put("EncryptionType", "NONE");
    byte[] out = codec.writeValueAsBytes(merged);
    exchange.getResponseHeaders().set("Content-Type", contentType(exchange));
    exchange.sendResponseHeaders(200, out.length);
    exchange.getResponseBody().write(out);
  }

  private static String contentType(HttpExchange exchange) {
    return exchange.getRequestHeaders().getFirst("Content-Type");
  }

  private HttpResponse<byte[]> forward(HttpExchange exchange, byte[] body)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(target.resolve(exchange.getRequestURI().getRawPath()))
            .method(exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    exchange
        .getRequestHeaders()
        .forEach(
            (name, values) -> {
              if (!UNFORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(v -> request.header(name, v));
              }
            });
    return client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void reply(HttpExchange exchange, HttpResponse<?> response, byte[] body)
      throws IOException {
    response
        .headers()
        .map()
        .forEach(
            (name, values) -> {
              if (!UNFORWARDED_HEADERS.contains(name.toLowerCase(Locale.ROOT))
                  && !name.startsWith(":")) {
                exchange.getResponseHeaders().put(name, values);
              }
            });
    exchange.sendResponseHeaders(response.statusCode(), body.length == 0 ? -1 : body.length);
    exchange.getResponseBody().write(body);
  }
}
