package io.newsrec.ingest.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.newsrec.events.FieldError;
import io.newsrec.ingest.collect.Collected;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/** The {@code application/problem+json} answers (RFC 9457) of the collection endpoint. */
final class Problems {

  private static final String TYPE_BASE = "https://newsrec.io/problems/";

  private Problems() {}

  /** One entry of a 400's {@code errors}: which field, what is wrong. */
  record Violation(String field, String message) {}

  /** Some events of a request break the contract; the {@code accepted} others were taken. */
  static ProblemDetail invalidEvents(int total, int accepted, List<FieldError> errors) {
    ProblemDetail problem =
        problem(
            HttpStatus.BAD_REQUEST,
            "invalid-pageviews",
            "Invalid pageviews",
            (total - accepted)
                + " of "
                + total
                + " events are invalid; the other "
                + accepted
                + " were accepted");
    problem.setProperty("accepted", accepted);
    problem.setProperty(
        "errors", errors.stream().map(e -> new Violation(e.path(), e.message())).toList());
    return problem;
  }

  /** Too many bodies are being read at once: the memory bound, as 503. */
  static ProblemDetail busyReading() {
    return problem(
        HttpStatus.SERVICE_UNAVAILABLE,
        "unavailable",
        "Try again later",
        "the service is reading too many requests at once; nothing was taken");
  }

  /** Nothing lost, but nothing acknowledged either: the client sends the events again later. */
  static ProblemDetail unavailable(Collected collected) {
    String detail =
        collected instanceof Collected.Overloaded overloaded
            ? "the buffer of portal " + overloaded.portal() + " is full; nothing was taken"
            : "the events could not be stored durably; send them again";
    return problem(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Try again later", detail);
  }

  static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setType(URI.create(TYPE_BASE + type));
    problem.setTitle(title);
    return problem;
  }

  static ResponseEntity<ProblemDetail> answer(ProblemDetail problem) {
    return ResponseEntity.status(problem.getStatus())
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** A 503 or 429: the client should come back after {@code retryAfter}. */
  static ResponseEntity<ProblemDetail> retryLater(ProblemDetail problem, Duration retryAfter) {
    return ResponseEntity.status(problem.getStatus())
        .header(HttpHeaders.RETRY_AFTER, retryAfterSeconds(retryAfter))
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(problem);
  }

  /** For filters, which answer before the MVC machinery. */
  static void write(HttpServletResponse response, ObjectMapper json, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** Whole seconds, rounded up and at least 1 (the header takes no fractions). */
  static String retryAfterSeconds(Duration retryAfter) {
    long seconds = (retryAfter.toMillis() + 999) / 1000;
    return Long.toString(Math.max(1, seconds));
  }
}
