package io.newsrec.ingest.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.newsrec.ingest.ratelimit.ClientKeys;
import io.newsrec.ingest.ratelimit.ClientRateLimiter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 429 with {@code Retry-After} to a client over its rate. The client is its address as the
 * servlet container sees it (behind a load balancer, set {@code
 * server.forward-headers-strategy=native}), hashed at once: the raw address is never kept.
 */
final class RateLimitFilter extends OncePerRequestFilter {

  private final ClientRateLimiter limiter;
  private final ClientKeys keys;
  private final ObjectMapper json;
  private final Counter limited;

  RateLimitFilter(ClientRateLimiter limiter, ClientKeys keys, ObjectMapper json, Counter limited) {
    this.limiter = limiter;
    this.keys = keys;
    this.json = json;
    this.limited = limited;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (limiter.tryAcquire(keys.keyOf(request.getRemoteAddr()))
        instanceof ClientRateLimiter.Decision.Limited limit) {
      limited.increment();
      response.setHeader(HttpHeaders.RETRY_AFTER, Problems.retryAfterSeconds(limit.retryAfter()));
      Problems.write(
          response,
          json,
          Problems.problem(
              HttpStatus.TOO_MANY_REQUESTS,
              "rate-limited",
              "Too many requests",
              "this client sends faster than allowed; retry after the Retry-After seconds"));
      return;
    }
    chain.doFilter(request, response);
  }
}
