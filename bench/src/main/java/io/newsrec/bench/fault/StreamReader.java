package io.newsrec.bench.fault;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.ProvisionedThroughputExceededException;
import software.amazon.awssdk.services.kinesis.model.Shard;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/** Reads back every record of a stream, all shards, from the trim horizon to the tip. */
final class StreamReader {

  private final KinesisClient kinesis;

  StreamReader(KinesisClient kinesis) {
    this.kinesis = kinesis;
  }

  List<byte[]> readAll(String stream) throws InterruptedException {
    var data = new ArrayList<byte[]>();
    for (Shard shard : kinesis.listShards(r -> r.streamName(stream)).shards()) {
      String iterator =
          kinesis
              .getShardIterator(
                  r ->
                      r.streamName(stream)
                          .shardId(shard.shardId())
                          .shardIteratorType(ShardIteratorType.TRIM_HORIZON))
              .shardIterator();
      while (iterator != null) {
        GetRecordsResponse page = getRecords(iterator);
        page.records().forEach(r -> data.add(r.data().asByteArray()));
        boolean atTip = page.records().isEmpty() && zero(page.millisBehindLatest());
        iterator = atTip ? null : page.nextShardIterator();
      }
    }
    return data;
  }

  private GetRecordsResponse getRecords(String iterator) throws InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try {
        return kinesis.getRecords(r -> r.shardIterator(iterator).limit(10_000));
      } catch (ProvisionedThroughputExceededException e) {
        if (attempt == 20) {
          throw e;
        }
        Thread.sleep(200L); // the emulator enforces the per-shard read limit (5 calls/s)
      }
    }
  }

  private static boolean zero(Long millisBehind) {
    return millisBehind == null || millisBehind == 0;
  }
}
