package org.verbatim.eval;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Computes the multi-label scores of {@code metrics.py} (see {@link MultiLabelReport} for the definitions)
 * from gold and predicted label sets.
 *
 * <p>The label universe L is the union of the gold labels, the predicted labels and the optional extra
 * labels (e.g. every label seen in a training file, like {@code metrics.py --labels-from}). L matters only
 * for macro averages and the Hamming-loss denominator. Sums are taken in the same order as in
 * {@code metrics.py} (labels in code-point order, documents in order), so the values agree with it to the
 * last bit before its rounding.
 *
 * <pre>{@code
 * List<Set<String>> gold = List.of(Set.of("respect"), Set.of("power", "listening"), Set.of());
 * List<Set<String>> pred = List.of(Set.of("respect"), Set.of("power"), Set.of("clarity"));
 * MultiLabelReport r = MultiLabelMetrics.compute(gold, pred);
 * r.microF1();        // 2*2 / (2*2 + 1 + 1) = 0.667
 * r.macroF1();        // (0 + 0 + 1 + 1) / 4 = 0.5 : clarity (only predicted) and listening score 0
 * r.macroF1Gold();    // (0 + 1 + 1) / 3 = 0.667
 * }</pre>
 *
 * <p>Stateless and thread-safe. Labels are used as given: normalise raw strings with
 * {@link LabelSets#parse}.
 */
public final class MultiLabelMetrics {

  private MultiLabelMetrics() {}

  /**
   * Scores predictions against gold, position by position, with L = gold ∪ predicted labels.
   *
   * @throws NullPointerException if a list, a set or a label is null
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static MultiLabelReport compute(List<? extends Set<String>> gold, List<? extends Set<String>> predicted) {
    return compute(Alignment.of(gold, predicted), Set.of());
  }

  /**
   * Scores predictions against gold, position by position, with L = gold ∪ predicted ∪ {@code extraLabels}.
   *
   * @throws NullPointerException if an argument, a set or a label is null
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static MultiLabelReport compute(
      List<? extends Set<String>> gold, List<? extends Set<String>> predicted, Collection<String> extraLabels) {
    return compute(Alignment.of(gold, predicted), extraLabels);
  }

  /**
   * Scores an alignment (which carries the missing and extra prediction counts) with L = gold ∪ predicted ∪
   * {@code extraLabels}.
   *
   * @throws NullPointerException if an argument or an extra label is null
   */
  public static MultiLabelReport compute(Alignment alignment, Collection<String> extraLabels) {
    return compute(new LabelMatrix(alignment, extraLabels));
  }

  static MultiLabelReport compute(LabelMatrix m) {
    Objects.requireNonNull(m, "m");
    int n = m.documents();
    int nl = m.labels.size();
    int[] tp = new int[nl];
    int[] fp = new int[nl];
    int[] fn = new int[nl];
    int exact = 0;
    double samplesF1Sum = 0.0;
    int predEmpty = 0;
    int goldEmpty = 0;
    long cardGold = 0;
    long cardPred = 0;
    for (int d = 0; d < n; d++) {
      for (int l : m.tp[d]) {
        tp[l]++;
      }
      for (int l : m.fp[d]) {
        fp[l]++;
      }
      for (int l : m.fn[d]) {
        fn[l]++;
      }
      if (m.exact[d]) {
        exact++;
      }
      int g = m.goldSize[d];
      int p = m.predSize[d];
      if (g == 0 && p == 0) {
        samplesF1Sum += 1.0;
      } else {
        samplesF1Sum += LabelMatrix.div(2.0 * m.tp[d].length, g + p);
      }
      predEmpty += p == 0 ? 1 : 0;
      goldEmpty += g == 0 ? 1 : 0;
      cardGold += g;
      cardPred += p;
    }
    Map<String, LabelStats> perLabel = new LinkedHashMap<>();
    for (int l = 0; l < nl; l++) {
      perLabel.put(m.labels.get(l), LabelStats.of(tp[l], fp[l], fn[l]));
    }
    return fromCounts(n, perLabel, new DocumentSums(exact, samplesF1Sum, goldEmpty, predEmpty, cardGold, cardPred),
        m.alignment.missingPredictions(), m.alignment.extraPredictions());
  }

  /**
   * What the documents add up to, for {@link #fromCounts}.
   *
   * @param exact documents whose label set was predicted exactly
   * @param samplesF1Sum the sum of the documents' F1 (1 for a document with no gold and no predicted label)
   * @param goldEmpty documents with no gold label
   * @param predEmpty documents with no predicted label
   * @param goldLabels the number of gold labels over all documents
   * @param predictedLabels the number of predicted labels over all documents
   */
  public record DocumentSums(long exact, double samplesF1Sum, long goldEmpty, long predEmpty, long goldLabels,
      long predictedLabels) {}

  /**
   * The report of counts gathered elsewhere (a distributed aggregation, say), by the same definitions as
   * {@link #compute}: per-label counts in the order to report them, and the per-document sums.
   *
   * @param documents the number of documents
   * @param perLabel true positives, false positives and false negatives per label
   * @param sums the per-document sums
   * @param missing documents of the gold without a prediction
   * @param extra predictions of documents not in the gold
   */
  public static MultiLabelReport fromCounts(int documents, Map<String, LabelStats> perLabel, DocumentSums sums,
      int missing, int extra) {
    int n = documents;
    int nl = perLabel.size();
    long sumTp = 0;
    long sumFp = 0;
    long sumFn = 0;
    double sumP = 0.0;
    double sumR = 0.0;
    double sumF = 0.0;
    double sumFGold = 0.0;
    int nGold = 0;
    double weighted = 0.0;
    for (LabelStats s : perLabel.values()) {
      sumTp += s.tp();
      sumFp += s.fp();
      sumFn += s.fn();
      sumP += s.precision();
      sumR += s.recall();
      sumF += s.f1();
      if (s.support() > 0) {
        sumFGold += s.f1();
        nGold++;
        weighted += s.f1() * s.support();
      }
    }
    return new MultiLabelReport(
        n,
        nl,
        LabelMatrix.div(sumTp, sumTp + sumFp),
        LabelMatrix.div(sumTp, sumTp + sumFn),
        LabelCounts.f1(sumTp, sumFp, sumFn),
        LabelMatrix.div(sumP, nl),
        LabelMatrix.div(sumR, nl),
        LabelMatrix.div(sumF, nl),
        LabelMatrix.div(sumFGold, nGold),
        LabelMatrix.div(weighted, sumTp + sumFn),
        LabelMatrix.div(sums.samplesF1Sum(), n),
        LabelMatrix.div(sumFp + sumFn, (double) n * nl),
        LabelMatrix.div(sums.exact(), n),
        sumTp,
        sumFp,
        sumFn,
        Math.toIntExact(sums.goldEmpty()),
        Math.toIntExact(sums.predEmpty()),
        LabelMatrix.div(sums.goldLabels(), n),
        LabelMatrix.div(sums.predictedLabels(), n),
        missing,
        extra,
        perLabel);
  }
}
