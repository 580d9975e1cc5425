package io.newsrec.ingest.web;

import io.micrometer.core.instrument.MeterRegistry;
import io.newsrec.events.FieldError;
import io.newsrec.events.Pageview;
import io.newsrec.events.PageviewReader;
import io.newsrec.events.PageviewReader.Read;
import io.newsrec.events.Validated;
import io.newsrec.ingest.collect.CollectPageviews;
import io.newsrec.ingest.collect.Collected;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /pageview}: one event or a batch, as {@code application/json} or as {@code
 * text/plain} (what {@code navigator.sendBeacon} sends without a CORS preflight), UTF-8.
 *
 * <p>202 only once every valid event is durable (Kinesis or the retry queue). Invalid events are
 * answered 400 field by field while the valid ones of the same batch are still taken. Bad input is
 * always a 4xx; 503 (with {@code Retry-After}) means "nothing lost, send it again later".
 */
@RestController
class PageviewController {

  private final PageviewReader reader;
  private final CollectPageviews collect;
  private final OriginPolicy origins;
  private final long maxBodyBytes;
  private final ReadBudget readBudget;
  private final Duration requestTimeout;
  private final Duration retryAfter;
  private final MeterRegistry meters;

  PageviewController(
      PageviewReader reader,
      CollectPageviews collect,
      OriginPolicy origins,
      long maxBodyBytes,
      long readBudgetBytes,
      Duration requestTimeout,
      Duration retryAfter,
      MeterRegistry meters) {
    this.reader = reader;
    this.collect = collect;
    this.origins = origins;
    this.maxBodyBytes = maxBodyBytes;
    this.readBudget = new ReadBudget(readBudgetBytes, maxBodyBytes);
    this.requestTimeout = requestTimeout;
    this.retryAfter = retryAfter;
    this.meters = meters;
  }

  @PostMapping("/pageview")
  ResponseEntity<?> pageview(HttpServletRequest request) {
    if (!BodyReader.acceptable(request.getContentType())) {
      return Problems.answer(
          Problems.problem(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "unsupported-media-type",
              "Unsupported media type",
              "send application/json or text/plain, in UTF-8"));
    }
    int reserved = readBudget.tryReserve(request.getContentLengthLong());
    if (reserved == 0) {
      meters.counter("newsrec.ingest.requests.unavailable").increment();
      return Problems.retryLater(Problems.busyReading(), retryAfter);
    }
    Read read;
    try {
      read =
          reader.read(
              BodyReader.read(
                  request.getInputStream(), request.getContentLengthLong(), maxBodyBytes));
    } catch (BodyReader.TooLarge e) {
      return Problems.answer(
          Problems.problem(
              HttpStatus.PAYLOAD_TOO_LARGE,
              "body-too-large",
              "Body too large",
              "the body is larger than " + maxBodyBytes + " bytes"));
    } catch (IOException e) {
      // The client went away or sent a broken chunked body: its fault, not a 5xx.
      return Problems.answer(
          Problems.problem(
              HttpStatus.BAD_REQUEST,
              "unreadable",
              "Body unreadable",
              "the body could not be read"));
    } finally {
      // The body and its parse tree are garbage now; the events are counted by the buffers.
      readBudget.release(reserved);
    }
    return switch (read) {
      case Read.Unreadable unreadable ->
          Problems.answer(
              Problems.problem(
                  HttpStatus.BAD_REQUEST, "malformed", "Malformed body", unreadable.reason()));
      case Read.TooMany tooMany ->
          Problems.answer(
              Problems.problem(
                  HttpStatus.PAYLOAD_TOO_LARGE,
                  "batch-too-large",
                  "Batch too large",
                  "a batch holds at most " + tooMany.max() + " events, not " + tooMany.count()));
      case Read.Items items -> collect(items, request.getHeader(HttpHeaders.ORIGIN));
    };
  }

  private ResponseEntity<?> collect(Read.Items items, String origin) {
    List<Pageview> valid = new ArrayList<>(items.verdicts().size());
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < items.verdicts().size(); i++) {
      switch (items.verdicts().get(i)) {
        case Validated.Valid v
            when origin != null && !origins.allows(v.pageview().portal(), origin) -> {
          errors.add(
              new FieldError(prefix(items, i) + "portal", "is not allowed from this origin"));
          countInvalid(v.pageview().portal());
        }
        case Validated.Valid v -> valid.add(v.pageview());
        case Validated.Invalid invalid -> {
          errors.addAll(invalid.errors());
          countInvalid(invalid.portal());
        }
      }
    }
    if (!valid.isEmpty()) {
      Collected collected = await(valid);
      if (!(collected instanceof Collected.Durable)) {
        return unavailable(collected);
      }
    }
    if (errors.isEmpty()) {
      // Written by hand: the hottest answer of the service needs no object mapper.
      return ResponseEntity.accepted()
          .contentType(MediaType.APPLICATION_JSON)
          .body("{\"accepted\":" + valid.size() + "}");
    }
    return Problems.answer(Problems.invalidEvents(items.verdicts().size(), valid.size(), errors));
  }

  private Collected await(List<Pageview> valid) {
    try {
      // Blocking is fine here: requests run on virtual threads.
      return collect.collect(valid).get(requestTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Collected.Undelivered(valid.size());
    } catch (ExecutionException | TimeoutException e) {
      return new Collected.Undelivered(valid.size());
    }
  }

  private ResponseEntity<ProblemDetail> unavailable(Collected collected) {
    meters.counter("newsrec.ingest.requests.unavailable").increment();
    return Problems.retryLater(Problems.unavailable(collected), retryAfter);
  }

  private void countInvalid(String portal) {
    meters
        .counter("newsrec.ingest.events.invalid", "portal", portal == null ? "unknown" : portal)
        .increment();
  }

  private static String prefix(Read.Items items, int index) {
    return items.batch() ? "[" + index + "]." : "";
  }
}
