package org.verbatim.eval;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.verbatim.io.CodedDataException;
import org.verbatim.io.LabelFiles;

/**
 * Scores predicted theme sets against gold: the {@code metrics.py} scores, bootstrap confidence intervals,
 * per-label Cohen's kappa and Krippendorff's alpha, in one {@link Evaluation}.
 *
 * <p>Kappa and alpha treat gold and prediction as two coders who decide, for every document and label of
 * the universe L, whether the label is present. Kappa is computed per label from its 2×2 table
 * (tp, fn, fp, N − tp − fp − fn); alpha pools all N·|L| decisions, so labels only in the extra universe add
 * agreeing "absent" decisions, as they add to the Hamming-loss denominator. See {@link Agreement} for the
 * formulas.
 *
 * <pre>{@code
 * Evaluation ev = Evaluator.evaluate(gold, predicted, EvaluationOptions.defaults());
 * Evaluation fromFiles = Evaluator.scoreFiles(Path.of("gold.csv"), Path.of("pred.csv"), null);
 * fromFiles.metrics().nMissingPred();   // gold ids that pred.csv lacks (scored as empty predictions)
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Evaluator {

  private Evaluator() {}

  /**
   * Evaluates predictions against gold, position by position.
   *
   * @throws NullPointerException if an argument, a set or a label is null
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static Evaluation evaluate(
      List<? extends Set<String>> gold, List<? extends Set<String>> predicted, EvaluationOptions options) {
    return evaluate(Alignment.of(gold, predicted), options);
  }

  /**
   * Evaluates an alignment. The confidence intervals are omitted ({@code null}) when
   * {@code options.bootstrapResamples()} is 0 or there are no documents.
   *
   * @throws NullPointerException if an argument is null
   */
  public static Evaluation evaluate(Alignment alignment, EvaluationOptions options) {
    Objects.requireNonNull(alignment, "alignment");
    Objects.requireNonNull(options, "options");
    LabelMatrix m = new LabelMatrix(alignment, options.extraLabels());
    MultiLabelReport report = MultiLabelMetrics.compute(m);
    ConfidenceIntervals intervals = options.bootstrapResamples() > 0 && m.documents() > 0
        ? Bootstrap.intervals(m, options.bootstrapResamples(), options.seed(), options.confidenceLevel())
        : null;
    long n = m.documents();
    Map<String, Double> kappa = new LinkedHashMap<>();
    report.perLabel().forEach((label, s) ->
        kappa.put(label, Agreement.cohenKappa(s.tp(), s.fn(), s.fp(), n - s.tp() - s.fp() - s.fn())));
    long decisions = n * report.nLabels();
    double alpha = Agreement.krippendorffAlphaBinary(
        report.tp(), report.fn(), report.fp(), decisions - report.tp() - report.fp() - report.fn());
    return new Evaluation(report, intervals, kappa, alpha, options);
  }

  /**
   * Scores CSV files like {@code metrics.py GOLD PRED [--labels-from LABELS]}, with default options.
   *
   * @param gold {@code id,labels} file (other columns ignored); ids must be unique
   * @param predicted {@code id,labels} file; ids must be unique; a gold id without a row is an empty
   *     prediction, an id absent from gold is ignored
   * @param labelsFrom optional {@code id,labels} file (e.g. the training set) whose labels join the universe;
   *     may be {@code null}
   * @throws CodedDataException if a file is malformed or repeats an id (the message names the file, line and
   *     id)
   * @throws IOException if a file cannot be read
   */
  public static Evaluation scoreFiles(Path gold, Path predicted, Path labelsFrom)
      throws IOException, CodedDataException {
    return scoreFiles(gold, predicted, labelsFrom, EvaluationOptions.defaults());
  }

  /**
   * As {@link #scoreFiles(Path, Path, Path)}, with options; the labels of {@code labelsFrom} are added to
   * {@code options.extraLabels()}, and the returned evaluation records the merged set.
   *
   * @throws CodedDataException if a file is malformed or repeats an id
   * @throws IOException if a file cannot be read
   */
  public static Evaluation scoreFiles(Path gold, Path predicted, Path labelsFrom, EvaluationOptions options)
      throws IOException, CodedDataException {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    Objects.requireNonNull(options, "options");
    Map<String, Set<String>> goldById = LabelFiles.readById(gold);
    Map<String, Set<String>> predById = LabelFiles.readById(predicted);
    EvaluationOptions effective = options;
    if (labelsFrom != null) {
      Set<String> extra = new TreeSet<>(LabelSets.CODE_POINT_ORDER);
      extra.addAll(options.extraLabels());
      for (LabelFiles.Row row : LabelFiles.readRows(labelsFrom)) {
        extra.addAll(row.labels());
      }
      effective = options.withExtraLabels(extra);
    }
    return evaluate(Alignment.byId(goldById, predById), effective);
  }
}
