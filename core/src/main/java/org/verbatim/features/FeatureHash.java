package org.verbatim.features;

/**
 * The 64-bit hash that keys every feature of a trained model: FNV-1a over the UTF-16 code units of the
 * feature's key string, followed by the MurmurHash3 {@code fmix64} finaliser.
 *
 * <pre>{@code
 * long h = FeatureHash.of("w:listen");          // same value as the streaming form below
 * long s = FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.START, "w:"), "listen"));
 * }</pre>
 *
 * <p>The function is part of the model format ({@code docs/model-format.md}): a model file stores feature
 * keys as text and the loader re-hashes them, so this function must never change for format version 1.
 * Stateless and thread-safe.
 */
public final class FeatureHash {

  /** The initial state (the FNV-1a 64-bit offset basis). */
  public static final long START = 0xcbf29ce484222325L;

  private static final long PRIME = 0x100000001b3L;

  private FeatureHash() {}

  /** Feeds one UTF-16 code unit. */
  public static long add(long state, char c) {
    return (state ^ c) * PRIME;
  }

  /** Feeds every code unit of {@code s}. */
  public static long add(long state, CharSequence s) {
    long h = state;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = (h ^ s.charAt(i)) * PRIME;
    }
    return h;
  }

  /** Feeds {@code buf[from, to)}. */
  public static long add(long state, char[] buf, int from, int to) {
    long h = state;
    for (int i = from; i < to; i++) {
      h = (h ^ buf[i]) * PRIME;
    }
    return h;
  }

  /** Finishes a streamed state into the feature hash. */
  public static long finish(long state) {
    long h = state;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** The hash of a whole key string. */
  public static long of(CharSequence key) {
    return finish(add(START, key));
  }
}
