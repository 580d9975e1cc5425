package io.newsrec.testsupport;

import java.net.URI;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;

/**
 * Prints the records of streams, for {@code local/send-sample-events.sh}: {@code ShowStream
 * <kinesis-endpoint> <stream>...}. Prints each record as {@code <stream> <shard> <data>} and a
 * count per stream.
 */
public final class ShowStream {

  private ShowStream() {}

  public static void main(String[] args) {
    if (args.length < 2) {
      System.err.println("usage: ShowStream <kinesis-endpoint> <stream>...");
      System.exit(2);
    }
    try (KinesisClient kinesis = TestAws.kinesis(URI.create(args[0]))) {
      for (int i = 1; i < args.length; i++) {
        List<StreamRecord> records = KinesisTestStreams.readAll(kinesis, args[i]);
        for (StreamRecord r : records) {
          System.out.println(args[i] + " " + r.shardId() + " " + r.text());
        }
        System.out.println(args[i] + ": " + records.size() + " records");
      }
    }
  }
}
