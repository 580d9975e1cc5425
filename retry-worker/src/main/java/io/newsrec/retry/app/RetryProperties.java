package io.newsrec.retry.app;

import io.newsrec.events.Portals;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The worker's settings ({@code newsrec.retry.*}; each overridable by the environment variable
 * named in {@code application.yaml}). How to reach Kinesis and SQS is {@code newsrec.aws.*}, bound
 * to {@link io.newsrec.delivery.aws.AwsSettings} (documented there).
 *
 * @param queue the retry queue's name ({@code NEWSREC_RETRY_QUEUE})
 * @param deadLetterQueue its dead-letter queue's name ({@code NEWSREC_RETRY_DLQ})
 * @param streamPrefix streams are {@code <prefix><portal>} ({@code NEWSREC_STREAM_PREFIX})
 * @param portals comma-separated portal ids, whose streams {@code local} mode creates ({@code
 *     NEWSREC_PORTALS})
 * @param shardsPerStream shards of each stream created in {@code local} mode
 * @param maxReceiveCount receives before the redrive policy moves a message to the dead-letter
 *     queue (set by {@code local} mode; the infrastructure code sets it in AWS)
 * @param visibilityTimeout the queue's visibility timeout (set by {@code local} mode): how soon a
 *     poison message reappears
 * @param putAttempts in-process puts per message and receive (1 = no in-process retry)
 * @param putPause pause before the second in-process put, doubling before each further one
 * @param backoffFirst how long a message that could not be re-put hides after its first receive;
 *     doubles with each receive (see {@link io.newsrec.retry.VisibilityBackoff})
 * @param backoffMax the longest it hides
 * @param depthPollInterval how often the queue depths are polled for metrics and readiness
 * @param ageWindow window of the oldest-message-age gauge (see {@link
 *     io.newsrec.retry.OldestMessageAge})
 */
@ConfigurationProperties("newsrec.retry")
public record RetryProperties(
    String queue,
    String deadLetterQueue,
    String streamPrefix,
    String portals,
    int shardsPerStream,
    int maxReceiveCount,
    Duration visibilityTimeout,
    int putAttempts,
    Duration putPause,
    Duration backoffFirst,
    Duration backoffMax,
    Duration depthPollInterval,
    Duration ageWindow) {

  public RetryProperties {
    require(queue != null && !queue.isBlank(), "queue");
    require(deadLetterQueue != null && !deadLetterQueue.isBlank(), "dead-letter-queue");
    require(shardsPerStream >= 1, "shards-per-stream >= 1");
    require(maxReceiveCount >= 1, "max-receive-count >= 1");
    require(positive(visibilityTimeout), "visibility-timeout > 0");
    require(putAttempts >= 1, "put-attempts >= 1");
    require(putPause != null && !putPause.isNegative(), "put-pause >= 0");
    require(positive(backoffFirst) && positive(backoffMax), "backoff-first, backoff-max > 0");
    require(
        positive(depthPollInterval) && positive(ageWindow), "depth-poll-interval, age-window > 0");
  }

  /** The configured portals, validated. */
  public Portals portalSet() {
    return Portals.parse(portals == null ? "" : portals);
  }

  private static boolean positive(Duration d) {
    return d != null && !d.isNegative() && !d.isZero();
  }

  private static void require(boolean ok, String what) {
    if (!ok) {
      throw new IllegalArgumentException("newsrec.retry." + what);
    }
  }
}
