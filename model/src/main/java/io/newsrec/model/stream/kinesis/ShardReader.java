package io.newsrec.model.stream.kinesis;

import io.newsrec.model.stream.InteractionRecords;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongPredicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.model.ExpiredIteratorException;
import software.amazon.awssdk.services.kinesis.model.GetRecordsRequest;
import software.amazon.awssdk.services.kinesis.model.GetRecordsResponse;
import software.amazon.awssdk.services.kinesis.model.GetShardIteratorRequest;
import software.amazon.awssdk.services.kinesis.model.Record;
import software.amazon.awssdk.services.kinesis.model.ShardIteratorType;

/**
 * Polls one shard until it is closed (resharded) or the source stops. Waits {@code pollInterval}
 * after an empty batch, and doubles the wait up to {@code maxBackoff} after throttling or errors.
 */
final class ShardReader {

  private static final Logger log = LoggerFactory.getLogger(ShardReader.class);

  private final KinesisClient client;
  private final KinesisSourceConfig config;
  private final String stream;
  private final String shardId;
  private final boolean fromStart;
  private final LongPredicate sleep;
  private String lastSequenceNumber;
  private String iterator;

  /**
   * @param sleep waits the given milliseconds and answers {@code true} when the source closed
   */
  ShardReader(
      KinesisClient client,
      KinesisSourceConfig config,
      String stream,
      String shardId,
      boolean fromStart,
      LongPredicate sleep) {
    this.client = client;
    this.config = config;
    this.stream = stream;
    this.shardId = shardId;
    this.fromStart = fromStart;
    this.sleep = sleep;
  }

  /** Takes the first shard iterator now; on failure {@link #run} retries with backoff. */
  void openIterator() {
    try {
      iterator = newIterator();
    } catch (SdkException e) {
      log.warn("no iterator yet for shard {} of {}: {}", shardId, stream, e.toString());
    }
  }

  void run(Consumer<InteractionRecords.Decoded> sink, BooleanSupplier open) {
    long pollMs = config.pollInterval().toMillis();
    long backoffMs = pollMs;
    while (open.getAsBoolean()) {
      try {
        if (iterator == null) {
          iterator = newIterator();
        }
        GetRecordsResponse response =
            client.getRecords(
                GetRecordsRequest.builder()
                    .shardIterator(iterator)
                    .limit(config.maxRecords())
                    .build());
        for (Record record : response.records()) {
          sink.accept(InteractionRecords.decode(record.data().asByteArrayUnsafe()));
          lastSequenceNumber = record.sequenceNumber();
        }
        iterator = response.nextShardIterator();
        if (iterator == null) {
          log.info("shard {} of {} is closed; its children are read by discovery", shardId, stream);
          return;
        }
        backoffMs = pollMs;
        // A full batch means the reader is behind: ask again at once.
        if (response.records().size() < config.maxRecords() && sleep.test(pollMs)) {
          return;
        }
      } catch (ExpiredIteratorException e) {
        iterator = null; // re-made from the last sequence number on the next turn
      } catch (SdkException e) {
        if (!open.getAsBoolean()) {
          return;
        }
        log.warn(
            "reading shard {} of {} failed; retrying in {} ms: {}",
            shardId,
            stream,
            backoffMs,
            e.toString());
        if (sleep.test(backoffMs)) {
          return;
        }
        backoffMs = Math.min(backoffMs * 2, config.maxBackoff().toMillis());
      }
    }
  }

  private String newIterator() {
    GetShardIteratorRequest.Builder request =
        GetShardIteratorRequest.builder().streamName(stream).shardId(shardId);
    if (lastSequenceNumber != null) {
      request
          .shardIteratorType(ShardIteratorType.AFTER_SEQUENCE_NUMBER)
          .startingSequenceNumber(lastSequenceNumber);
    } else if (fromStart) {
      request.shardIteratorType(ShardIteratorType.TRIM_HORIZON);
    } else {
      request.shardIteratorType(ShardIteratorType.LATEST);
    }
    return client.getShardIterator(request.build()).shardIterator();
  }
}
