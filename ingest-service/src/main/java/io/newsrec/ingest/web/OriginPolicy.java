package io.newsrec.ingest.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which browser origins may send which portal's pageviews. An origin listed for g1 may send g1's
 * events only: a page of one portal cannot write into another portal's stream. {@code *} allows any
 * origin (local mode, demo pages).
 */
final class OriginPolicy {

  static final String ANY = "*";

  private final Map<String, Set<String>> originsByPortal;
  private final Set<String> allOrigins;

  OriginPolicy(Map<String, List<String>> originsByPortal) {
    this.originsByPortal =
        originsByPortal.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> Set.copyOf(e.getValue())));
    this.allOrigins =
        this.originsByPortal.values().stream()
            .flatMap(Set::stream)
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Whether a preflight or request from {@code origin} may go on at all. */
  boolean allowsAny(String origin) {
    return allOrigins.contains(ANY) || allOrigins.contains(origin);
  }

  boolean allows(String portal, String origin) {
    Set<String> origins = originsByPortal.getOrDefault(portal, Set.of());
    return origins.contains(ANY) || origins.contains(origin);
  }
}
