package io.newsrec.ingest.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import io.newsrec.events.PageviewReader;
import io.newsrec.ingest.collect.CollectPageviews;
import io.newsrec.ingest.config.IngestProperties;
import io.newsrec.ingest.ratelimit.ClientKeys;
import io.newsrec.ingest.ratelimit.ClientRateLimiter;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** The HTTP side of the collection path: the endpoint, its CORS and rate-limit filters. */
@Configuration(proxyBeanMethods = false)
public class WebConfiguration {

  @Bean
  PageviewController pageviewController(
      PageviewReader reader,
      CollectPageviews collect,
      IngestProperties properties,
      MeterRegistry meters) {
    return new PageviewController(
        reader,
        collect,
        originPolicy(properties),
        properties.maxBodySize().toBytes(),
        properties.readBudget().toBytes(),
        properties.requestTimeout(),
        properties.retryAfter(),
        meters);
  }

  @Bean
  FilterRegistrationBean<PortalCorsFilter> portalCorsFilter(
      IngestProperties properties, ObjectMapper json) {
    var registration =
        new FilterRegistrationBean<>(new PortalCorsFilter(originPolicy(properties), json));
    registration.addUrlPatterns("/pageview");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  @ConditionalOnProperty(name = "newsrec.ingest.rate-limit.enabled", havingValue = "true")
  FilterRegistrationBean<RateLimitFilter> rateLimitFilter(
      IngestProperties properties, ObjectMapper json, MeterRegistry meters) {
    IngestProperties.RateLimit limit = properties.rateLimit();
    var limiter =
        new ClientRateLimiter(
            limit.requestsPerSecond(), limit.burst(), limit.maxClients(), System::nanoTime);
    var registration =
        new FilterRegistrationBean<>(
            new RateLimitFilter(
                limiter,
                ClientKeys.random(),
                json,
                meters.counter("newsrec.ingest.requests.rate.limited")));
    registration.addUrlPatterns("/pageview");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  @Bean
  @ConditionalOnProperty(name = "newsrec.ingest.bench-endpoint-enabled", havingValue = "true")
  BenchController benchController() {
    return new BenchController();
  }

  private static OriginPolicy originPolicy(IngestProperties properties) {
    return new OriginPolicy(properties.corsOrigins());
  }
}
