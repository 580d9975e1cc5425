package io.newsrec.delivery.aws;

import io.newsrec.delivery.StreamNames;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.kinesis.model.ResourceInUseException;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates, in {@code local} mode only, what the collection path writes to: a {@code
 * pageviews-<portal>} stream per portal, the retry queue and its dead-letter queue with the redrive
 * policy. Idempotent: what exists is kept (the queues' attributes are brought to the plan). In
 * {@code aws} mode nothing is created: the infrastructure code owns those resources.
 */
public final class LocalProvisioning {

  private static final Logger log = LoggerFactory.getLogger(LocalProvisioning.class);

  /**
   * @param portals one stream each
   * @param shardsPerStream shards of a new stream
   * @param retryQueue the retry queue's name ({@code pageviews-retry})
   * @param deadLetterQueue its dead-letter queue's name ({@code pageviews-retry-dlq})
   * @param maxReceiveCount receives after which a message moves to the dead-letter queue
   * @param visibilityTimeout how long a received message stays hidden before it reappears
   */
  public record Plan(
      Collection<String> portals,
      int shardsPerStream,
      String retryQueue,
      String deadLetterQueue,
      int maxReceiveCount,
      Duration visibilityTimeout) {

    /**
     * Receives before a message moves to the dead-letter queue, by default. The retry-worker backs
     * a failed message off (30 s doubling to 15 min): 10 receives span about 1.5 h of outage.
     */
    public static final int DEFAULT_MAX_RECEIVE_COUNT = 10;

    /** How long a received message stays hidden, by default (how soon a poison one reappears). */
    public static final Duration DEFAULT_VISIBILITY_TIMEOUT = Duration.ofSeconds(30);

    public Plan {
      portals = List.copyOf(portals);
      if (shardsPerStream < 1 || maxReceiveCount < 1 || visibilityTimeout.isNegative()) {
        throw new IllegalArgumentException("shards >= 1, maxReceiveCount >= 1, timeout >= 0");
      }
    }
  }

  /** The queue URLs, as the services need them. */
  public record Queues(String retryQueueUrl, String deadLetterQueueUrl) {}

  /** Streams become ACTIVE within half a second locally: poll every 100 ms, for 30 s at most. */
  private static final int ACTIVE_ATTEMPTS = 300;

  private static final BackoffStrategy ACTIVE_POLL =
      BackoffStrategy.fixedDelayWithoutJitter(Duration.ofMillis(100));

  /** How long start-up waits for local servers that do not answer yet, by default. */
  public static final Duration DEFAULT_PATIENCE = Duration.ofMinutes(2);

  /**
   * Start-up calls may be slow (an emulator loading its data on a busy machine): each gets longer
   * timeouts than the service's own traffic.
   */
  private static final AwsRequestOverrideConfiguration SLOW_OK =
      AwsRequestOverrideConfiguration.builder()
          .apiCallAttemptTimeout(Duration.ofSeconds(10))
          .apiCallTimeout(Duration.ofSeconds(30))
          .build();

  private final KinesisAsyncClient kinesis;
  private final SqsAsyncClient sqs;
  private final StreamNames names;
  private final Duration patience;

  public LocalProvisioning(KinesisAsyncClient kinesis, SqsAsyncClient sqs, StreamNames names) {
    this(kinesis, sqs, names, DEFAULT_PATIENCE);
  }

  /**
   * @param patience how long to keep retrying a step that got no answer (a local server not started
   *     yet, or too slow): the services may start before or alongside the servers
   */
  public LocalProvisioning(
      KinesisAsyncClient kinesis, SqsAsyncClient sqs, StreamNames names, Duration patience) {
    this.kinesis = kinesis;
    this.sqs = sqs;
    this.names = names;
    this.patience = patience;
  }

  public Queues provision(Plan plan) {
    long deadline = System.nanoTime() + patience.toNanos();
    for (String portal : plan.portals()) {
      patiently(deadline, () -> createStream(names.streamOf(portal), plan.shardsPerStream()));
    }
    for (String portal : plan.portals()) {
      patiently(deadline, () -> awaitActive(names.streamOf(portal)));
    }
    String dlqUrl = patiently(deadline, () -> createQueue(plan.deadLetterQueue(), Map.of()));
    String dlqArn =
        patiently(
            deadline,
            () ->
                sqs.getQueueAttributes(
                        b ->
                            b.queueUrl(dlqUrl)
                                .attributeNames(QueueAttributeName.QUEUE_ARN)
                                .overrideConfiguration(SLOW_OK))
                    .join()
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN));
    String redrive =
        "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
            .formatted(dlqArn, plan.maxReceiveCount());
    String retryUrl =
        patiently(
            deadline,
            () ->
                createQueue(
                    plan.retryQueue(),
                    Map.of(
                        QueueAttributeName.REDRIVE_POLICY,
                        redrive,
                        QueueAttributeName.VISIBILITY_TIMEOUT,
                        Long.toString(plan.visibilityTimeout().toSeconds()))));
    log.info(
        "local mode: streams for {} portals, queue {} with dead-letter queue {} after {} receives",
        plan.portals().size(),
        plan.retryQueue(),
        plan.deadLetterQueue(),
        plan.maxReceiveCount());
    return new Queues(retryUrl, dlqUrl);
  }

  private Void createStream(String stream, int shards) {
    try {
      kinesis
          .createStream(b -> b.streamName(stream).shardCount(shards).overrideConfiguration(SLOW_OK))
          .join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof ResourceInUseException)) {
        throw e; // ResourceInUse: it exists already, which is what we want.
      }
    }
    return null;
  }

  private Void awaitActive(String stream) {
    kinesis
        .waiter()
        .waitUntilStreamExists(
            b -> b.streamName(stream),
            w -> w.maxAttempts(ACTIVE_ATTEMPTS).backoffStrategyV2(ACTIVE_POLL))
        .join()
        .matched()
        .exception()
        .ifPresent(
            e -> {
              throw new IllegalStateException(stream + " did not become ACTIVE", e);
            });
    return null;
  }

  /** Creates the queue, or brings an existing one's attributes to the plan; returns its URL. */
  private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
    String url =
        sqs.createQueue(b -> b.queueName(name).overrideConfiguration(SLOW_OK)).join().queueUrl();
    if (!attributes.isEmpty()) {
      sqs.setQueueAttributes(
              b -> b.queueUrl(url).attributes(attributes).overrideConfiguration(SLOW_OK))
          .join();
    }
    return url;
  }

  /**
   * Runs {@code step}, again and again while it gets no answer at all (connection refused, timeout)
   * and {@code deadline} has not passed; any answer, an error included, ends it.
   */
  private <T> T patiently(long deadline, Supplier<T> step) {
    while (true) {
      try {
        return step.get();
      } catch (RuntimeException e) {
        if (!(Failures.unwrap(e) instanceof SdkClientException) || System.nanoTime() > deadline) {
          throw e;
        }
        log.info("local servers not answering yet ({}): retrying", Failures.unwrap(e).getMessage());
        CompletableFuture.runAsync(() -> {}, CompletableFuture.delayedExecutor(1, TimeUnit.SECONDS))
            .join();
      }
    }
  }
}
