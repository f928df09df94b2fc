package org.verbatim.features;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys (already well-mixed hashes) to non-negative {@code int}
 * values, used for feature vocabularies and document-frequency counts without boxing. Key and value share
 * one {@code long[]} slot pair, so a look-up touches one cache line.
 *
 * <pre>{@code
 * LongIntMap vocabulary = new LongIntMap(1024);
 * vocabulary.put(FeatureHash.of("w:kind"), 0);
 * vocabulary.get(FeatureHash.of("w:kind"));   // 0; -1 for an absent key
 * }</pre>
 *
 * <p>Internal machinery shared by the feature extractors, the trainers and the linear scorer; not an API.
 * <p>Not thread-safe while being written; safe to share for reads once filling is finished (the trained
 * vocabulary is never written after construction).
 */
public final class LongIntMap {

  private static final long EMPTY = -1L;

  /** slots[2i] = key, slots[2i+1] = value (EMPTY when the slot is free). */
  private long[] slots;
  private int mask;
  private int size;

  /** A map sized for about {@code expected} entries (it grows as needed). */
  public LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    slots = new long[cap * 2];
    Arrays.fill(slots, EMPTY);
    mask = cap - 1;
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  /** Removes every entry, keeping the capacity. */
  public void clear() {
    Arrays.fill(slots, EMPTY);
    size = 0;
  }

  /** The value of {@code key}, or -1 when absent. */
  public int get(long key) {
    long[] s = slots;
    int i = (int) key & mask;
    while (true) {
      long v = s[2 * i + 1];
      if (v == EMPTY) {
        return -1;
      }
      if (s[2 * i] == key) {
        return (int) v;
      }
      i = (i + 1) & mask;
    }
  }

  /** Sets {@code key} to {@code value} ({@code value >= 0}). */
  public void put(long key, int value) {
    int i = slot(key);
    if (slots[2 * i + 1] == EMPTY) {
      slots[2 * i] = key;
      size++;
    }
    slots[2 * i + 1] = value;
    if (size * 2 > mask + 1) {
      grow();
    }
  }

  /** Adds {@code delta} to the value of {@code key} (absent counts as 0) and returns the new value. */
  public int increment(long key, int delta) {
    int i = slot(key);
    long v = slots[2 * i + 1];
    if (v == EMPTY) {
      slots[2 * i] = key;
      slots[2 * i + 1] = delta;
      size++;
      if (size * 2 > mask + 1) {
        grow();
      }
      return delta;
    }
    slots[2 * i + 1] = v + delta;
    return (int) (v + delta);
  }

  private int slot(long key) {
    int i = (int) key & mask;
    while (slots[2 * i + 1] != EMPTY && slots[2 * i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    Arrays.fill(slots, EMPTY);
    mask = slots.length / 2 - 1;
    size = 0;
    for (int i = 0; i < old.length / 2; i++) {
      if (old[2 * i + 1] != EMPTY) {
        int j = slot(old[2 * i]);
        slots[2 * j] = old[2 * i];
        slots[2 * j + 1] = old[2 * i + 1];
        size++;
      }
    }
  }
}
