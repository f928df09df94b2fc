package org.verbatim.train;

import java.util.Arrays;

/**
 * An open-addressing map from {@code long} keys (already well-mixed hashes) to non-negative {@code int}
 * values, used for feature vocabularies and document-frequency counts without boxing.
 *
 * <p>Not thread-safe while being written; safe to share for reads once filling is finished (the trained
 * vocabulary is never written after construction).
 */
final class LongIntMap {

  private long[] keys;
  private int[] values;
  private int mask;
  private int size;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    Arrays.fill(values, -1);
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** The value for {@code key}, or -1 when absent. */
  int get(long key) {
    int i = (int) key & mask;
    while (true) {
      int v = values[i];
      if (v < 0) {
        return -1;
      }
      if (keys[i] == key) {
        return v;
      }
      i = (i + 1) & mask;
    }
  }

  /** Sets {@code key} to {@code value} ({@code value >= 0}). */
  void put(long key, int value) {
    int i = slot(key);
    if (values[i] < 0) {
      keys[i] = key;
      size++;
    }
    values[i] = value;
    if (size * 2 > keys.length) {
      grow();
    }
  }

  /** Adds {@code delta} to the value of {@code key} (absent counts as 0) and returns the new value. */
  int increment(long key, int delta) {
    int i = slot(key);
    int nv;
    if (values[i] < 0) {
      keys[i] = key;
      values[i] = delta;
      nv = delta;
      size++;
      if (size * 2 > keys.length) {
        grow();
      }
    } else {
      nv = values[i] + delta;
      values[i] = nv;
    }
    return nv;
  }

  /** Calls {@code action} for every entry, in slot order (deterministic for a given insertion sequence). */
  void forEach(Entry action) {
    for (int i = 0; i < keys.length; i++) {
      if (values[i] >= 0) {
        action.accept(keys[i], values[i]);
      }
    }
  }

  @FunctionalInterface
  interface Entry {
    void accept(long key, int value);
  }

  private int slot(long key) {
    int i = (int) key & mask;
    while (values[i] >= 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    return i;
  }

  private void grow() {
    long[] ok = keys;
    int[] ov = values;
    keys = new long[ok.length * 2];
    values = new int[ok.length * 2];
    Arrays.fill(values, -1);
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < ok.length; i++) {
      if (ov[i] >= 0) {
        int j = slot(ok[i]);
        keys[j] = ok[i];
        values[j] = ov[i];
        size++;
      }
    }
  }
}
