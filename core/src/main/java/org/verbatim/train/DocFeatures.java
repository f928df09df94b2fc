package org.verbatim.train;

import java.util.Arrays;
import org.verbatim.features.FeatureExtractor;

/** The unique feature hashes of one comment with their counts, word block first, each block sorted. */
final class DocFeatures {
  final long[] keys;
  final int[] counts;
  final int wordEnd;
  final double[] extras;

  private DocFeatures(long[] keys, int[] counts, int wordEnd, double[] extras) {
    this.keys = keys;
    this.counts = counts;
    this.wordEnd = wordEnd;
    this.extras = extras;
  }

  static DocFeatures of(FeatureExtractor.Buffer buf, double[] extras) {
    long[] w = Arrays.copyOfRange(buf.hashes, 0, buf.wordEnd);
    long[] c = Arrays.copyOfRange(buf.hashes, buf.wordEnd, buf.size);
    Arrays.sort(w);
    Arrays.sort(c);
    long[] keys = new long[w.length + c.length];
    int[] counts = new int[keys.length];
    int n = runs(w, keys, counts, 0);
    int wordEnd = n;
    n = runs(c, keys, counts, n);
    return new DocFeatures(Arrays.copyOf(keys, n), Arrays.copyOf(counts, n), wordEnd, extras);
  }

  private static int runs(long[] sorted, long[] keys, int[] counts, int n) {
    for (int i = 0; i < sorted.length; ) {
      int j = i;
      while (j < sorted.length && sorted[j] == sorted[i]) {
        j++;
      }
      keys[n] = sorted[i];
      counts[n] = j - i;
      n++;
      i = j;
    }
    return n;
  }
}
