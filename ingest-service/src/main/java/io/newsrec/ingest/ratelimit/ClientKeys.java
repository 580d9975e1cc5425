package io.newsrec.ingest.ratelimit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Turns a client address into the key of its rate-limit bucket: SHA-256 of a secret per-process
 * salt and the address, truncated to 128 bits. The raw address (personal data under LGPD) is never
 * stored or logged; without the salt the key cannot be reversed by hashing all IPv4 addresses.
 */
public final class ClientKeys {

  private final byte[] salt;

  public ClientKeys(byte[] salt) {
    this.salt = salt.clone();
  }

  /** A fresh random salt: keys differ between processes, which is fine for per-node buckets. */
  public static ClientKeys random() {
    byte[] salt = new byte[16];
    new SecureRandom().nextBytes(salt);
    return new ClientKeys(salt);
  }

  public String keyOf(String address) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      sha.update(salt);
      byte[] digest = sha.digest(address.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }
}
