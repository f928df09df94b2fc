package org.verbatim.eval;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * An alignment encoded as label indices, shared by the point estimates, the bootstrap and the agreement
 * statistics. Per document it keeps the indices of the true positive, false positive and false negative
 * labels. Immutable after construction; internal.
 */
final class LabelMatrix {

  /** The label universe L in code-point order. */
  final List<String> labels;
  final int[][] tp;
  final int[][] fp;
  final int[][] fn;
  final int[] goldSize;
  final int[] predSize;
  final boolean[] exact;
  final Alignment alignment;
  /**
   * The same counts flattened for the bootstrap: document d owns {@code codes[offsets[d] .. offsets[d+1])},
   * each code being {@code 3 * label + kind} with kind 0 = tp, 1 = fp, 2 = fn.
   */
  final int[] codes;
  final int[] offsets;

  LabelMatrix(Alignment alignment, Collection<String> extraLabels) {
    this.alignment = Objects.requireNonNull(alignment, "alignment");
    Objects.requireNonNull(extraLabels, "extraLabels");
    TreeSet<String> universe = new TreeSet<>(LabelSets.CODE_POINT_ORDER);
    for (String l : extraLabels) {
      universe.add(Objects.requireNonNull(l, "extraLabels contains null"));
    }
    for (Set<String> g : alignment.gold()) {
      universe.addAll(g);
    }
    for (Set<String> p : alignment.predicted()) {
      universe.addAll(p);
    }
    this.labels = Collections.unmodifiableList(new ArrayList<>(universe));
    Map<String, Integer> index = new HashMap<>();
    for (int i = 0; i < labels.size(); i++) {
      index.put(labels.get(i), i);
    }
    int n = alignment.size();
    tp = new int[n][];
    fp = new int[n][];
    fn = new int[n][];
    goldSize = new int[n];
    predSize = new int[n];
    exact = new boolean[n];
    for (int d = 0; d < n; d++) {
      Set<String> g = alignment.gold().get(d);
      Set<String> p = alignment.predicted().get(d);
      tp[d] = indices(g, p, true, index);
      fn[d] = indices(g, p, false, index);
      fp[d] = indices(p, g, false, index);
      goldSize[d] = g.size();
      predSize[d] = p.size();
      exact[d] = g.equals(p);
    }
    offsets = new int[n + 1];
    for (int d = 0; d < n; d++) {
      offsets[d + 1] = offsets[d] + tp[d].length + fp[d].length + fn[d].length;
    }
    codes = new int[offsets[n]];
    for (int d = 0; d < n; d++) {
      int k = offsets[d];
      for (int l : tp[d]) {
        codes[k++] = 3 * l;
      }
      for (int l : fp[d]) {
        codes[k++] = 3 * l + 1;
      }
      for (int l : fn[d]) {
        codes[k++] = 3 * l + 2;
      }
    }
  }

  int documents() {
    return tp.length;
  }

  /** Indices of the labels of {@code a} that are (or are not) in {@code b}, ascending. */
  private static int[] indices(Set<String> a, Set<String> b, boolean inB, Map<String, Integer> index) {
    int[] out = new int[a.size()];
    int k = 0;
    for (String l : a) {
      if (b.contains(l) == inB) {
        out[k++] = index.get(l);
      }
    }
    int[] trimmed = java.util.Arrays.copyOf(out, k);
    java.util.Arrays.sort(trimmed);
    return trimmed;
  }

  /** {@code a / b}, or 0 when {@code b == 0} (scikit-learn's {@code zero_division=0}). */
  static double div(double a, double b) {
    return b == 0 ? 0.0 : a / b;
  }
}
