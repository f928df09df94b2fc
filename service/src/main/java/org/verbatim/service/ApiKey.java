package org.verbatim.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;

/**
 * The API key a request must present, as {@code Authorization: Bearer KEY} or {@code X-API-Key: KEY}. Keys are
 * compared as SHA-256 digests with {@link MessageDigest#isEqual}, which takes the same time wherever the digests
 * differ, so neither the key's content nor its length leaks through timing. Immutable and thread-safe.
 */
final class ApiKey {

  private final byte[] digest;

  ApiKey(String key) {
    this.digest = sha256(Objects.requireNonNull(key, "key"));
  }

  /** True when one of the headers (either may be null) carries the key. */
  boolean accepts(String authorization, String xApiKey) {
    String presented = null;
    if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
      presented = authorization.substring(7).strip();
    } else if (xApiKey != null) {
      presented = xApiKey.strip();
    }
    // digest even when nothing was presented, so a missing key costs what a wrong one does
    boolean equal = MessageDigest.isEqual(digest, sha256(presented == null ? "" : presented));
    return presented != null && equal;
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
