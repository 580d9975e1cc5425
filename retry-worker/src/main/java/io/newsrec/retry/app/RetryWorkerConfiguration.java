package io.newsrec.retry.app;

import io.awspring.cloud.autoconfigure.sqs.SqsProperties;
import io.awspring.cloud.sqs.config.SqsMessageListenerContainerFactory;
import io.awspring.cloud.sqs.listener.QueueNotFoundStrategy;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.StreamNames;
import io.newsrec.delivery.aws.AwsClients;
import io.newsrec.delivery.aws.AwsSettings;
import io.newsrec.delivery.aws.LocalProvisioning;
import io.newsrec.delivery.aws.Mode;
import io.newsrec.delivery.kinesis.KinesisPageviewStreams;
import io.newsrec.retry.OldestMessageAge;
import io.newsrec.retry.Redeliver;
import io.newsrec.retry.VisibilityBackoff;
import io.newsrec.retry.sqs.RetryMetrics;
import io.newsrec.retry.sqs.RetryQueueDepth;
import io.newsrec.retry.sqs.RetryQueueListener;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/** Every bean of the worker, made with {@code new}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RetryProperties.class)
class RetryWorkerConfiguration {

  /** The queue URLs: created in {@code local} mode, looked up in {@code aws} mode. */
  record Queues(String retryQueueUrl, String deadLetterQueueUrl) {}

  /** {@code newsrec.aws.*}, bound straight to the delivery library's settings record. */
  @Bean
  AwsSettings awsSettings(Environment environment) {
    return Binder.get(environment)
        .bind("newsrec.aws", AwsSettings.class)
        .orElseThrow(() -> new IllegalStateException("newsrec.aws.* is not configured"));
  }

  @Bean(destroyMethod = "close")
  KinesisAsyncClient kinesisClient(AwsSettings settings) {
    return AwsClients.kinesis(settings);
  }

  /**
   * Also the listener container's client (Spring Cloud AWS's own then backs off), so its timeouts
   * leave room for the long poll: see {@link #forLongPolling}.
   */
  @Bean(destroyMethod = "close")
  SqsAsyncClient sqsAsyncClient(AwsSettings settings, SqsProperties sqsProperties) {
    Duration poll = sqsProperties.getListener().getPollTimeout();
    return AwsClients.sqs(forLongPolling(settings, poll == null ? DEFAULT_POLL_TIMEOUT : poll));
  }

  /** Spring Cloud AWS's default {@code pollTimeout}. */
  static final Duration DEFAULT_POLL_TIMEOUT = Duration.ofSeconds(10);

  /**
   * A {@code ReceiveMessage} long poll legitimately takes up to {@code pollTimeout} before SQS
   * answers: an attempt timeout shorter than that would cut every poll of an empty queue, and drop
   * messages received while the client gave up (they stay in flight until their visibility
   * timeout). So an attempt may take the poll plus the configured attempt timeout, and a call that
   * many times its attempts.
   */
  static AwsSettings forLongPolling(AwsSettings settings, Duration pollTimeout) {
    Duration attempt = pollTimeout.plus(settings.attemptTimeout());
    Duration calls = attempt.multipliedBy(settings.maxRetries() + 1L);
    Duration call = calls.compareTo(settings.callTimeout()) > 0 ? calls : settings.callTimeout();
    return settings.withTimeouts(call, attempt, settings.maxRetries());
  }

  /**
   * The listener container factory, with {@code spring.cloud.aws.sqs.*} applied as Spring Cloud
   * AWS's own would, and one difference: a message is deleted as soon as it is acknowledged, not in
   * batches up to a second later, so that a crash or a short visibility timeout leaves as few
   * re-put messages (duplicates) as possible. A queue that does not exist fails the start-up rather
   * than being created without its redrive policy.
   */
  @Bean
  SqsMessageListenerContainerFactory<Object> defaultSqsListenerContainerFactory(
      SqsAsyncClient sqs, SqsProperties sqsProperties) {
    SqsProperties.Listener listener = sqsProperties.getListener();
    return SqsMessageListenerContainerFactory.builder()
        .sqsAsyncClient(sqs)
        .configure(
            options -> {
              options
                  .queueNotFoundStrategy(QueueNotFoundStrategy.FAIL)
                  .acknowledgementInterval(Duration.ZERO)
                  .acknowledgementThreshold(0);
              if (listener.getPollTimeout() != null) {
                options.pollTimeout(listener.getPollTimeout());
              }
              if (listener.getMaxConcurrentMessages() != null) {
                options.maxConcurrentMessages(listener.getMaxConcurrentMessages());
              }
              if (listener.getMaxMessagesPerPoll() != null) {
                options.maxMessagesPerPoll(listener.getMaxMessagesPerPoll());
              }
              if (listener.getMaxDelayBetweenPolls() != null) {
                options.maxDelayBetweenPolls(listener.getMaxDelayBetweenPolls());
              }
            })
        .build();
  }

  @Bean
  StreamNames streamNames(RetryProperties properties) {
    return new StreamNames(properties.streamPrefix());
  }

  /**
   * Made before the listener container starts (singletons come before lifecycle start), so that in
   * {@code local} mode the queue exists when the listener first polls it.
   */
  @Bean
  Queues queues(
      AwsSettings settings,
      RetryProperties properties,
      KinesisAsyncClient kinesis,
      SqsAsyncClient sqs,
      StreamNames names) {
    if (settings.mode() == Mode.LOCAL) {
      LocalProvisioning.Queues created =
          new LocalProvisioning(kinesis, sqs, names)
              .provision(
                  new LocalProvisioning.Plan(
                      properties.portalSet().ids(),
                      properties.shardsPerStream(),
                      properties.queue(),
                      properties.deadLetterQueue(),
                      properties.maxReceiveCount(),
                      properties.visibilityTimeout()));
      return new Queues(created.retryQueueUrl(), created.deadLetterQueueUrl());
    }
    return new Queues(
        queueUrl(sqs, properties.queue()), queueUrl(sqs, properties.deadLetterQueue()));
  }

  /** A start-up lookup: slow answers are fine (a busy node), its failure stops the start. */
  private static String queueUrl(SqsAsyncClient sqs, String name) {
    return sqs.getQueueUrl(
            b ->
                b.queueName(name)
                    .overrideConfiguration(
                        o ->
                            o.apiCallAttemptTimeout(Duration.ofSeconds(10))
                                .apiCallTimeout(Duration.ofSeconds(30))))
        .join()
        .queueUrl();
  }

  @Bean
  PageviewStreams pageviewStreams(KinesisAsyncClient kinesis, StreamNames names) {
    return new KinesisPageviewStreams(kinesis, names);
  }

  @Bean
  Redeliver redeliver(PageviewStreams streams, RetryProperties properties) {
    return new Redeliver(streams, properties.putAttempts(), properties.putPause());
  }

  @Bean
  RetryMetrics retryMetrics(MeterRegistry registry, RetryProperties properties) {
    return new RetryMetrics(
        registry, new OldestMessageAge(properties.ageWindow()), Clock.systemUTC());
  }

  @Bean
  RetryQueueListener retryQueueListener(
      Redeliver redeliver, RetryProperties properties, RetryMetrics metrics) {
    return new RetryQueueListener(
        redeliver,
        new VisibilityBackoff(properties.backoffFirst(), properties.backoffMax()),
        metrics);
  }

  @Bean(destroyMethod = "close")
  RetryQueueDepth retryQueueDepth(
      SqsAsyncClient sqs, MeterRegistry registry, Queues queues, RetryProperties properties) {
    return new RetryQueueDepth(
        sqs,
        registry,
        Map.of(
            properties.queue(), queues.retryQueueUrl(),
            properties.deadLetterQueue(), queues.deadLetterQueueUrl()),
        properties.depthPollInterval());
  }

  @Bean
  DeliveryHealthIndicator deliveryHealthIndicator(PageviewStreams streams, RetryQueueDepth depth) {
    return new DeliveryHealthIndicator(streams, depth);
  }
}
