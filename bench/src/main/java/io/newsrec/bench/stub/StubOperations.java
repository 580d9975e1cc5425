package io.newsrec.bench.stub;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.LongAdder;

/** The Kinesis operations the stub answers, independent of the HTTP version they came over. */
final class StubOperations {

  private final LongAdder records = new LongAdder();
  private final LongAdder putCalls = new LongAdder();

  long records() {
    return records.sum();
  }

  long putCalls() {
    return putCalls.sum();
  }

  /** The JSON answer to {@code X-Amz-Target: Kinesis_20131202.<operation>} with this body. */
  String answer(String target, byte[] body) {
    String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
    return switch (operation) {
      case "PutRecords" -> {
        int count = count(body, KinesisStub.PARTITION_KEY);
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
}
