package io.newsrec.delivery.aws;

import io.newsrec.delivery.StreamNames;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

  private final KinesisAsyncClient kinesis;
  private final SqsAsyncClient sqs;
  private final StreamNames names;

  public LocalProvisioning(KinesisAsyncClient kinesis, SqsAsyncClient sqs, StreamNames names) {
    this.kinesis = kinesis;
    this.sqs = sqs;
    this.names = names;
  }

  public Queues provision(Plan plan) {
    for (String portal : plan.portals()) {
      createStream(names.streamOf(portal), plan.shardsPerStream());
    }
    for (String portal : plan.portals()) {
      awaitActive(names.streamOf(portal));
    }
    String dlqUrl = createQueue(plan.deadLetterQueue(), Map.of());
    String dlqArn =
        sqs.getQueueAttributes(b -> b.queueUrl(dlqUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
            .join()
            .attributes()
            .get(QueueAttributeName.QUEUE_ARN);
    String redrive =
        "{\"deadLetterTargetArn\":\"%s\",\"maxReceiveCount\":\"%d\"}"
            .formatted(dlqArn, plan.maxReceiveCount());
    String retryUrl =
        createQueue(
            plan.retryQueue(),
            Map.of(
                QueueAttributeName.REDRIVE_POLICY,
                redrive,
                QueueAttributeName.VISIBILITY_TIMEOUT,
                Long.toString(plan.visibilityTimeout().toSeconds())));
    log.info(
        "local mode: streams for {} portals, queue {} with dead-letter queue {} after {} receives",
        plan.portals().size(),
        plan.retryQueue(),
        plan.deadLetterQueue(),
        plan.maxReceiveCount());
    return new Queues(retryUrl, dlqUrl);
  }

  private void createStream(String stream, int shards) {
    try {
      kinesis.createStream(b -> b.streamName(stream).shardCount(shards)).join();
    } catch (CompletionException e) {
      if (!(e.getCause() instanceof ResourceInUseException)) {
        throw e; // ResourceInUse: it exists already, which is what we want.
      }
    }
  }

  private void awaitActive(String stream) {
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
  }

  /** Creates the queue, or brings an existing one's attributes to the plan; returns its URL. */
  private String createQueue(String name, Map<QueueAttributeName, String> attributes) {
    String url = sqs.createQueue(b -> b.queueName(name)).join().queueUrl();
    if (!attributes.isEmpty()) {
      sqs.setQueueAttributes(b -> b.queueUrl(url).attributes(attributes)).join();
    }
    return url;
  }
}
