package io.newsrec.events;

/**
 * One field of an incoming event that breaks the contract.
 *
 * @param path where: {@code scrollDepthPct} for a single event, {@code [3].scrollDepthPct} for the
 *     fourth event of a batch, {@code [3]} when the item itself is wrong
 * @param message what is wrong, for the client developer (never echoes the value: it may be a user
 *     id)
 */
public record FieldError(String path, String message) {}
