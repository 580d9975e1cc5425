package io.newsrec.events;

/**
 * The bounds of contract v1, shared by the validator and {@code pageview-v1.schema.json}.
 *
 * <p>They keep one event under ~5 KiB so that a {@code PutRecords} call of 500 events stays well
 * under Kinesis' 5 MB request limit, and they keep garbage out of the streams.
 */
public final class PageviewLimits {

  /** User, session, article and recommendation ids: opaque strings, characters. */
  public static final int MAX_ID_LENGTH = 128;

  /** Page URL and referrer, characters (browsers handle ~2 K reliably). */
  public static final int MAX_URL_LENGTH = 2048;

  /** One day: a page left open longer is a tab forgotten, not reading time. */
  public static final long MAX_TIME_ON_PAGE_MS = 86_400_000L;

  /** More clicks on one page than this is a bot. */
  public static final int MAX_LINK_CLICKS = 10_000;

  /** Events per request (also the {@code PutRecords} limit). */
  public static final int MAX_BATCH_SIZE = 500;

  private PageviewLimits() {}
}
