package io.newsrec.ingest.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /bench/noop}: reads the body and answers 202, nothing else. The ceiling of this
 * server for benchmarks (same Tomcat, threads and filters-free path); off unless {@code
 * newsrec.ingest.bench-endpoint-enabled=true}.
 */
@RestController
class BenchController {

  @PostMapping("/bench/noop")
  ResponseEntity<Void> noop(HttpServletRequest request) throws IOException {
    request.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    return ResponseEntity.accepted().build();
  }
}
