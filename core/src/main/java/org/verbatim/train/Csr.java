package org.verbatim.train;

/**
 * A read-only sparse matrix in compressed-row form: row {@code i} has entries
 * {@code col[rowPtr[i] .. rowPtr[i+1])} with values {@code val[...]}.
 */
final class Csr {
  final int rows;
  final int cols;
  final int[] rowPtr;
  final int[] col;
  final float[] val;

  Csr(int rows, int cols, int[] rowPtr, int[] col, float[] val) {
    this.rows = rows;
    this.cols = cols;
    this.rowPtr = rowPtr;
    this.col = col;
    this.val = val;
  }

  int nnz() {
    return rowPtr[rows];
  }

  /** {@code b + x_i . w}, with an optional per-column scale applied to the entries. */
  double dot(int i, double[] w, float[] scale) {
    double s = 0;
    int end = rowPtr[i + 1];
    if (scale == null) {
      for (int k = rowPtr[i]; k < end; k++) {
        s += val[k] * w[col[k]];
      }
    } else {
      for (int k = rowPtr[i]; k < end; k++) {
        int j = col[k];
        s += val[k] * scale[j] * w[j];
      }
    }
    return s;
  }
}
