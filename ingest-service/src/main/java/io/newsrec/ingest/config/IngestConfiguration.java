package io.newsrec.ingest.config;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsrec.delivery.PageviewStreams;
import io.newsrec.delivery.RetryQueue;
import io.newsrec.events.PageviewReader;
import io.newsrec.events.PageviewValidator;
import io.newsrec.ingest.collect.CollectPageviews;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The collection use case wired to whatever {@link PageviewStreams} and {@link RetryQueue} the
 * application provides (the AWS SDK adapters in {@link AwsDeliveryConfiguration}; fakes in tests).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
public class IngestConfiguration {

  private static final Logger log = LoggerFactory.getLogger(IngestConfiguration.class);

  @Bean
  PageviewReader pageviewReader(IngestProperties properties) {
    PageviewValidator validator =
        new PageviewValidator(
            properties.portalSet(),
            Clock.systemUTC(),
            properties.eventMaxAge(),
            properties.eventMaxAhead());
    return new PageviewReader(validator, properties.maxBatchSize());
  }

  @Bean(destroyMethod = "close")
  CollectPageviews collectPageviews(
      IngestProperties properties,
      PageviewStreams streams,
      RetryQueue retryQueue,
      MeterRegistry meters) {
    CollectPageviews collect =
        new CollectPageviews(
            properties.portalSet(),
            streams,
            retryQueue,
            properties.delivery(),
            new MicrometerDeliveryMetrics(meters, properties.portalSet()));
    MicrometerDeliveryMetrics.registerBufferGauges(meters, properties.portalSet(), collect);
    log.info(
        "collecting pageviews of portals {} into streams {}<portal>, retry queue {}; linger {},"
            + " up to {} events buffered per portal, {} attempts per record",
        properties.portalSet().ids(),
        properties.streamPrefix(),
        properties.retryQueue(),
        properties.linger(),
        properties.maxInFlightEvents(),
        properties.putAttempts());
    return collect;
  }

  /** Named {@code delivery} in the health groups. */
  @Bean
  HealthIndicator deliveryHealthIndicator(PageviewStreams streams, RetryQueue retryQueue) {
    return new DeliveryHealthIndicator(streams, retryQueue);
  }
}
