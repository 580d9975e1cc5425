package io.newsrec.model.stream.kinesis;

import io.newsrec.model.stream.InteractionRecords;
import io.newsrec.model.stream.InteractionSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.kinesis.KinesisClient;
import software.amazon.awssdk.services.kinesis.KinesisClientBuilder;
import software.amazon.awssdk.services.kinesis.model.ListShardsRequest;
import software.amazon.awssdk.services.kinesis.model.ListShardsResponse;
import software.amazon.awssdk.services.kinesis.model.ResourceNotFoundException;
import software.amazon.awssdk.services.kinesis.model.Shard;

/**
 * {@link InteractionSource} over Kinesis with plain {@code GetShardIterator}/{@code GetRecords}
 * polling: one reader (a virtual thread) per shard, shards re-listed periodically so that a reshard
 * or a stream created after start-up is picked up. No checkpoints are kept: the model's artifact is
 * the checkpoint, and the start position says where to begin after a restart.
 */
public final class KinesisInteractionSource implements InteractionSource {

  private static final Logger log = LoggerFactory.getLogger(KinesisInteractionSource.class);

  private final KinesisClient client;
  private final KinesisSourceConfig config;
  private final Set<String> startedShards = ConcurrentHashMap.newKeySet();
  private final List<Thread> threads = new ArrayList<>();
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Consumer<InteractionRecords.Decoded> sink;
  private volatile boolean firstListingDone;

  private final boolean ownsClient;

  /** The client is owned by the caller, who closes it after {@link #close()}. */
  public KinesisInteractionSource(KinesisClient client, KinesisSourceConfig config) {
    this(client, config, false);
  }

  private KinesisInteractionSource(
      KinesisClient client, KinesisSourceConfig config, boolean ownsClient) {
    this.client = client;
    this.config = config;
    this.ownsClient = ownsClient;
  }

  /**
   * A source with its own client: default credentials chain (IRSA on EKS, environment variables
   * locally), the configured region and, when set, the endpoint override.
   */
  public static InteractionSource create(KinesisSourceConfig config) {
    KinesisClientBuilder builder = KinesisClient.builder().region(Region.of(config.region()));
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return new KinesisInteractionSource(builder.build(), config, true);
  }

  @Override
  public synchronized void start(Consumer<InteractionRecords.Decoded> sink) {
    if (this.sink != null) {
      throw new IllegalStateException("already started");
    }
    this.sink = sink;
    // The first listing runs before start() returns, so LATEST means "after start-up".
    discoverShards();
    firstListingDone = true;
    threads.add(Thread.ofVirtual().name("kinesis-discovery").start(this::discoverPeriodically));
  }

  private void discoverPeriodically() {
    while (!sleep(config.shardDiscoveryInterval().toMillis())) {
      discoverShards();
    }
  }

  private void discoverShards() {
    for (String stream : config.streams()) {
      try {
        for (Shard shard : listShards(stream)) {
          startReader(stream, shard.shardId());
        }
      } catch (ResourceNotFoundException e) {
        log.info("stream {} does not exist yet; looking again later", stream);
      } catch (SdkException e) {
        log.warn("listing the shards of {} failed; retrying later: {}", stream, e.toString());
      }
    }
  }

  private List<Shard> listShards(String stream) {
    List<Shard> shards = new ArrayList<>();
    ListShardsResponse page =
        client.listShards(ListShardsRequest.builder().streamName(stream).build());
    shards.addAll(page.shards());
    while (page.nextToken() != null) {
      page = client.listShards(ListShardsRequest.builder().nextToken(page.nextToken()).build());
      shards.addAll(page.shards());
    }
    return shards;
  }

  private synchronized void startReader(String stream, String shardId) {
    if (stopped.getCount() == 0 || !startedShards.add(stream + "/" + shardId)) {
      return;
    }
    // Shards that appear after the first listing (a reshard, a stream created later) are new:
    // read them whole so that nothing written to them is skipped.
    boolean fromStart =
        firstListingDone
            || config.startPosition() == KinesisSourceConfig.StartPosition.TRIM_HORIZON;
    ShardReader reader = new ShardReader(client, config, stream, shardId, fromStart, this::sleep);
    // Taken now, not in the reader's thread, so that LATEST means "after start() returned".
    reader.openIterator();
    threads.add(
        Thread.ofVirtual().name("kinesis-" + shardId).start(() -> reader.run(sink, this::isOpen)));
  }

  private boolean isOpen() {
    return stopped.getCount() > 0;
  }

  /** Waits up to {@code millis}; returns {@code true} when the source was closed meanwhile. */
  private boolean sleep(long millis) {
    try {
      return stopped.await(millis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public void close() {
    stopped.countDown();
    List<Thread> toJoin;
    synchronized (this) {
      toJoin = List.copyOf(threads);
    }
    for (Thread thread : toJoin) {
      try {
        thread.join(config.maxBackoff().toMillis() + 5_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    if (ownsClient) {
      client.close();
    }
  }
}
