package io.newsrec.ingest.config;

import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.RetryQueue;
import io.newsrec.delivery.StreamNames;
import io.newsrec.delivery.aws.AwsClients;
import io.newsrec.delivery.aws.AwsSettings;
import io.newsrec.delivery.aws.LocalProvisioning;
import io.newsrec.delivery.aws.Mode;
import io.newsrec.delivery.kinesis.KinesisPageviewStreams;
import io.newsrec.delivery.sqs.SqsRetryQueue;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.kinesis.KinesisAsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The production adapters of the delivery ports: Kinesis and SQS through the AWS SDK, in both
 * modes. In {@code local} mode the streams and queues are created at start-up; in {@code aws} mode
 * they must exist (the infrastructure code owns them) and only the queue's URL is looked up.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AwsProperties.class)
public class AwsDeliveryConfiguration {

  @Bean
  AwsSettings awsSettings(AwsProperties properties) {
    return properties.settings();
  }

  @Bean(destroyMethod = "close")
  KinesisAsyncClient kinesisClient(AwsSettings settings) {
    return AwsClients.kinesis(settings);
  }

  @Bean(destroyMethod = "close")
  SqsAsyncClient sqsClient(AwsSettings settings) {
    return AwsClients.sqs(settings);
  }

  @Bean
  StreamNames streamNames(IngestProperties properties) {
    return new StreamNames(properties.streamPrefix());
  }

  @Bean
  PageviewStreams pageviewStreams(KinesisAsyncClient kinesis, StreamNames names) {
    return new KinesisPageviewStreams(kinesis, names);
  }

  @Bean
  RetryQueue retryQueue(
      AwsSettings settings,
      AwsProperties aws,
      IngestProperties properties,
      KinesisAsyncClient kinesis,
      SqsAsyncClient sqs,
      StreamNames names) {
    String queueUrl;
    if (settings.mode() == Mode.LOCAL) {
      queueUrl =
          new LocalProvisioning(kinesis, sqs, names)
              .provision(
                  new LocalProvisioning.Plan(
                      properties.portalSet().ids(),
                      Math.max(1, aws.shardsPerStream()),
                      properties.retryQueue(),
                      properties.deadLetterQueue(),
                      // The same redrive settings as the retry-worker's: whichever service
                      // starts last sets the queue's attributes.
                      LocalProvisioning.Plan.DEFAULT_MAX_RECEIVE_COUNT,
                      LocalProvisioning.Plan.DEFAULT_VISIBILITY_TIMEOUT))
              .retryQueueUrl();
    } else {
      queueUrl = sqs.getQueueUrl(b -> b.queueName(properties.retryQueue())).join().queueUrl();
    }
    return new SqsRetryQueue(sqs, queueUrl);
  }
}
