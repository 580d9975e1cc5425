package io.newsrec.delivery;

/**
 * Names the portals' pageview streams: {@code <prefix><portal>}, {@code pageviews-g1} by default.
 *
 * <p>The prefix is configurable so that several environments can share one account (say {@code
 * staging-pageviews-}); it must keep the name within what Kinesis accepts ({@code [a-zA-Z0-9_.-]},
 * at most 128 characters), which {@code Portals} ids already respect.
 */
public record StreamNames(String prefix) {

  public static final String DEFAULT_PREFIX = "pageviews-";

  public StreamNames {
    if (prefix == null || !prefix.matches("[a-zA-Z0-9_.-]{0,64}")) {
      throw new IllegalArgumentException(
          "stream prefix must match [a-zA-Z0-9_.-]{0,64}: " + prefix);
    }
  }

  public static StreamNames defaults() {
    return new StreamNames(DEFAULT_PREFIX);
  }

  public String streamOf(String portal) {
    return prefix + portal;
  }
}
