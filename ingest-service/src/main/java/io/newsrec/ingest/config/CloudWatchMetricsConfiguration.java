package io.newsrec.ingest.config;

import io.micrometer.cloudwatch2.CloudWatchConfig;
import io.micrometer.cloudwatch2.CloudWatchMeterRegistry;
import io.micrometer.core.instrument.Clock;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.cloudwatch.CloudWatchAsyncClient;

/**
 * In {@code aws} mode, metrics go to CloudWatch (Spring Boot has no CloudWatch registry of its
 * own); locally they are scraped from {@code /actuator/prometheus}. Boot adds this registry to its
 * composite and applies the common tags to it like to any other.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "newsrec.aws.mode", havingValue = "aws")
@EnableConfigurationProperties(CloudWatchMetricsConfiguration.CloudWatchProperties.class)
public class CloudWatchMetricsConfiguration {

  /**
   * {@code newsrec.metrics.cloudwatch.*}.
   *
   * @param namespace the CloudWatch namespace of every metric
   * @param step how often metrics are sent (each send is billed)
   */
  @ConfigurationProperties("newsrec.metrics.cloudwatch")
  public record CloudWatchProperties(String namespace, Duration step) {
    public CloudWatchProperties {
      namespace = namespace == null || namespace.isBlank() ? "newsrec" : namespace;
      step = step == null ? Duration.ofMinutes(1) : step;
    }
  }

  @Bean(destroyMethod = "close")
  CloudWatchAsyncClient cloudWatchClient() {
    return CloudWatchAsyncClient.create();
  }

  @Bean
  CloudWatchMeterRegistry cloudWatchMeterRegistry(
      CloudWatchProperties properties, CloudWatchAsyncClient client) {
    CloudWatchConfig config =
        new CloudWatchConfig() {
          @Override
          public String get(String key) {
            return null;
          }

          @Override
          public String namespace() {
            return properties.namespace();
          }

          @Override
          public Duration step() {
            return properties.step();
          }
        };
    return new CloudWatchMeterRegistry(config, Clock.SYSTEM, client);
  }
}
