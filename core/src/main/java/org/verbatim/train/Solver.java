package org.verbatim.train;

import org.verbatim.classify.ClassifierKind;
import java.util.Locale;

/**
 * How the logistic models are fitted (the SVM kinds are always fitted by dual coordinate descent, {@code DualSvm}).
 *
 * <ul>
 *   <li>{@link #DUAL_CD}: our dual coordinate descent (the LIBLINEAR {@code -s 7} algorithm), single-threaded
 *       per theme, warm-started along the regularisation grid, with shrinking; the default, because it reached the same
 *       cross-validated F1 as Smile's L-BFGS about 9 times faster on sparse text features (figures in
 *       {@code docs/model-format.md}).
 *   <li>{@link #SMILE_LBFGS}: Smile's {@code SparseLogisticRegression.binomial} (L-BFGS, unregularised
 *       bias, {@code lambda = 1 / C}); {@link ClassifierKind#MAXENT} always uses Smile's {@code Maxent}.
 * </ul>
 */
public enum Solver {
  DUAL_CD,
  SMILE_LBFGS;

  /** The lower-case id used in files, e.g. {@code dual-cd}. */
  public String id() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * Parses an id as returned by {@link #id()}.
   *
   * @throws IllegalArgumentException listing the known ids
   */
  public static Solver parse(String id) {
    java.util.Objects.requireNonNull(id, "id");
    String v = id.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    for (Solver s : values()) {
      if (s.id().equals(v)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown solver '" + id + "': expected dual-cd or smile-lbfgs");
  }
}
