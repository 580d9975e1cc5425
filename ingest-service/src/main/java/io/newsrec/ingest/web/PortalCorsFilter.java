package io.newsrec.ingest.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * CORS for {@code /pageview} with the per-portal allow-list: answers preflights itself and lets a
 * request from a browser origin through only when some portal allows that origin (the controller
 * then checks each event's portal against it). Requests without an {@code Origin} (servers,
 * benches) are not browser requests and pass.
 */
final class PortalCorsFilter extends OncePerRequestFilter {

  private final OriginPolicy policy;
  private final ObjectMapper json;

  PortalCorsFilter(OriginPolicy policy, ObjectMapper json) {
    this.policy = policy;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String origin = request.getHeader(HttpHeaders.ORIGIN);
    if (origin == null) {
      chain.doFilter(request, response);
      return;
    }
    response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
    if (!policy.allowsAny(origin)) {
      Problems.write(
          response,
          json,
          Problems.problem(
              HttpStatus.FORBIDDEN,
              "origin-not-allowed",
              "Origin not allowed",
              "this origin may not send pageviews"));
      return;
    }
    response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
    boolean preflight =
        "OPTIONS".equals(request.getMethod())
            && request.getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
    if (preflight) {
      response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST");
      response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
      response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
      response.setStatus(HttpStatus.NO_CONTENT.value());
      return;
    }
    response.setHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, HttpHeaders.RETRY_AFTER);
    chain.doFilter(request, response);
  }
}
