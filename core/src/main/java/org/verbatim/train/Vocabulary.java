package org.verbatim.train;

import java.util.Arrays;
import java.util.List;
import org.verbatim.features.FeatureExtractor;
import org.verbatim.features.FeatureHash;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.LongIntMap;

/** A vocabulary built from some rows: hash to index, word block first, with smoothed idf. */
final class Vocabulary {
  final LongIntMap index;
  final long[] hashes;
  final int nWord;
  final int nKeys;
  final int nExtras;
  final float[] idf;
  final String[] names;

  private Vocabulary(LongIntMap index, long[] hashes, int nWord, float[] idf, int nExtras, String[] names) {
    this.index = index;
    this.hashes = hashes;
    this.nWord = nWord;
    this.nKeys = hashes.length;
    this.idf = idf;
    this.nExtras = nExtras;
    this.names = names;
  }

  List<String> keyList() {
    return Arrays.asList(names);
  }

  /**
   * Builds the vocabulary of the given rows. With {@code names} (from a first build on the same rows),
   * each block is ordered by key string, which makes model files readable and independent of hashing.
   */
  static Vocabulary build(DocFeatures[] docs, int[] rows, int minDf, int nExtras, String[] names) {
    LongIntMap df = new LongIntMap(1 << 16);
    for (int i : rows) {
      for (long k : docs[i].keys) {
        df.increment(k, 1);
      }
    }
    LongIntMap index = new LongIntMap(Math.max(16, df.size() / 2));
    long[] hashes = new long[df.size()];
    int[] dfs = new int[df.size()];
    int n = 0;
    int nWord = 0;
    for (int block = 0; block < 2; block++) {
      for (int i : rows) {
        DocFeatures d = docs[i];
        int from = block == 0 ? 0 : d.wordEnd;
        int to = block == 0 ? d.wordEnd : d.keys.length;
        for (int k = from; k < to; k++) {
          long h = d.keys[k];
          int c = df.get(h);
          if (c >= minDf && index.get(h) < 0) {
            index.put(h, n);
            hashes[n] = h;
            dfs[n] = c;
            n++;
          }
        }
      }
      if (block == 0) {
        nWord = n;
      }
    }
    hashes = Arrays.copyOf(hashes, n);
    dfs = Arrays.copyOf(dfs, n);
    String[] ordered = null;
    if (names != null) {
      Integer[] order = new Integer[n];
      for (int f = 0; f < n; f++) {
        order[f] = f;
      }
      final long[] hh = hashes;
      Arrays.sort(order, 0, nWord, (a, b) -> names[a].compareTo(names[b]));
      Arrays.sort(order, nWord, n, (a, b) -> names[a].compareTo(names[b]));
      long[] h2 = new long[n];
      int[] d2 = new int[n];
      ordered = new String[n];
      index = new LongIntMap(Math.max(16, n));
      for (int f = 0; f < n; f++) {
        h2[f] = hh[order[f]];
        d2[f] = dfs[order[f]];
        ordered[f] = names[order[f]];
        index.put(h2[f], f);
      }
      hashes = h2;
      dfs = d2;
    }
    float[] idf = new float[n];
    int docsN = rows.length;
    for (int f = 0; f < n; f++) {
      idf[f] = (float) (Math.log((1.0 + docsN) / (1.0 + dfs[f])) + 1.0);
    }
    return new Vocabulary(index, hashes, nWord, idf, nExtras, ordered);
  }

  /** The feature matrix of the given rows over this vocabulary (extra features appended as columns). */
  Csr csr(DocFeatures[] docs, int[] rows, FeatureOptions opts) {
    int[] rowPtr = new int[rows.length + 1];
    int total = 0;
    for (int r = 0; r < rows.length; r++) {
      total += docs[rows[r]].keys.length + nExtras;
    }
    int[] col = new int[total];
    float[] val = new float[total];
    int k = 0;
    boolean binary = opts.weighting() == FeatureOptions.Weighting.BINARY;
    boolean sub = opts.sublinearTf();
    for (int r = 0; r < rows.length; r++) {
      DocFeatures d = docs[rows[r]];
      int start = k;
      double nw = 0;
      double nc = 0;
      for (int q = 0; q < d.keys.length; q++) {
        int f = index.get(d.keys[q]);
        if (f < 0) {
          continue;
        }
        int c = d.counts[q];
        float v;
        if (binary) {
          v = 1f;
        } else {
          double tf = c == 1 ? 1.0 : (sub ? 1.0 + Math.log(c) : c);
          v = (float) (tf * idf[f]);
          if (f < nWord) {
            nw += (double) v * v;
          } else {
            nc += (double) v * v;
          }
        }
        col[k] = f;
        val[k] = v;
        k++;
      }
      if (!binary) {
        float sw = nw > 0 ? (float) (1.0 / Math.sqrt(nw)) : 0f;
        float sc = nc > 0 ? (float) (1.0 / Math.sqrt(nc)) : 0f;
        for (int q = start; q < k; q++) {
          val[q] *= col[q] < nWord ? sw : sc;
        }
      }
      if (d.extras != null) {
        for (int e = 0; e < nExtras; e++) {
          if (d.extras[e] != 0) {
            col[k] = nKeys + e;
            val[k] = (float) d.extras[e];
            k++;
          }
        }
      }
      rowPtr[r + 1] = k;
    }
    return new Csr(rows.length, nKeys + nExtras, rowPtr, Arrays.copyOf(col, k), Arrays.copyOf(val, k));
  }

  /** Names every vocabulary entry of {@code space} by re-extracting key strings until all are found. */
  static String[] nameKeys(Vocabulary space, List<LabelledComment> docs, DocFeatures[] feats, FeatureExtractor extractor) {
    String[] names = new String[space.nKeys];
    int missing = space.nKeys;
    for (int i = 0; i < docs.size() && missing > 0; i++) {
      if (!namesSomething(space, feats[i], names)) {
        continue; // the comment's key strings would all be named already: skip building them
      }
      for (String k : extractor.keys(docs.get(i).text())) {
        int f = space.index.get(FeatureHash.of(k));
        if (f >= 0 && names[f] == null) {
          names[f] = k;
          missing--;
        }
      }
    }
    if (missing > 0) {
      throw new IllegalStateException("internal error: " + missing + " vocabulary keys could not be named");
    }
    return names;
  }

  private static boolean namesSomething(Vocabulary space, DocFeatures doc, String[] names) {
    for (long key : doc.keys) {
      int f = space.index.get(key);
      if (f >= 0 && names[f] == null) {
        return true;
      }
    }
    return false;
  }
}
