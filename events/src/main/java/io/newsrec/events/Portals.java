package io.newsrec.events;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The configured portals (g1, ge, gshow, ...). Not hard-coded: each deployment names its own.
 *
 * <p>An id becomes part of a stream name ({@code pageviews-<portal>}), so it is restricted to what
 * Kinesis and SQS accept in names: lower-case letters, digits and dashes, at most 32 characters.
 */
public record Portals(Set<String> ids) {

  private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,31}");

  public Portals {
    ids = Set.copyOf(new LinkedHashSet<>(ids));
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("at least one portal must be configured");
    }
    for (String id : ids) {
      if (!isWellFormed(id)) {
        throw new IllegalArgumentException(
            "portal id '" + id + "' must match " + ID.pattern() + " (it names a stream)");
      }
    }
  }

  public static Portals of(String... ids) {
    return new Portals(Set.of(ids));
  }

  public static Portals of(Collection<String> ids) {
    return new Portals(Set.copyOf(ids));
  }

  /** Parses a comma-separated list such as {@code "g1, ge,gshow"} (the form used in env vars). */
  public static Portals parse(String commaSeparated) {
    return of(
        Arrays.stream(commaSeparated.split(","))
            .map(String::trim)
            .filter(s -> !s.isEmpty())
            .toList());
  }

  public boolean contains(String portal) {
    return portal != null && ids.contains(portal);
  }

  /** Whether {@code id} could name a portal at all (used for the schema's pattern too). */
  public static boolean isWellFormed(String id) {
    return id != null && ID.matcher(id).matches();
  }
}
