package io.newsrec.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Creates streams and reads them back whole, through the real SDK, for test assertions. */
public final class KinesisTestStreams {

  private KinesisTestStreams() {}

  /**
   * Creates {@code stream} (if missing) with {@code shards} shards and waits until it is ACTIVE.
   */
  public static void create(KinesisClient kinesis, String stream, int shards) {
    try {
      kinesis.createStream(b -> b.streamName(stream).shardCount(shards));
    } catch (ResourceInUseException exists) {
      // Already there: wait for it below like for a new one.
    }
    kinesis
        .waiter()
        .waitUntilStreamExists(
            b -> b.streamName(stream),
            w ->
                w.maxAttempts(300)
                    .backoffStrategyV2(
                        BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100))));
  }

  /**
   * Every record of {@code stream}: all shards, each from {@code TRIM_HORIZON} to its current end,
   * shard by shard (within a shard in sequence order, which is the put order per partition key).
   */
  public static List<StreamRecord> readAll(KinesisClient kinesis, String stream) {
    List<StreamRecord> all = new ArrayList<>();
    List<Shard> shards = kinesis.listShards(b -> b.streamName(stream)).shards();
    for (Shard shard : shards) {
      String iterator =
          kinesis
              .getShardIterator(
                  b ->
                      b.streamName(stream)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        String current = iterator;
        GetRecordsResponse page = kinesis.getRecords(b -> b.shardIterator(current).limit(10_000));
        for (Record r : page.records()) {
          all.add(
              new StreamRecord(
                  shard.shardId(),
                  r.sequenceNumber(),
                  r.partitionKey(),
                  r.data().asByteArray(),
                  r.approximateArrivalTimestamp()));
        }
        boolean atEnd =
            page.records().isEmpty()
                && (page.millisBehindLatest() == null || page.millisBehindLatest() == 0);
        iterator = atEnd ? null : page.nextShardIterator();
      }
    }
    return all;
  }
}
