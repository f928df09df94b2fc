package org.verbatim.eval;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.verbatim.Polarity;

/**
 * Scores predicted polarities against gold polarities per (document, theme) pair.
 *
 * <p>A pair is <em>found</em> when it has both a gold and a predicted polarity. Predicted pairs absent
 * from gold are counted but not scored (spurious themes are the business of {@link MultiLabelMetrics}).
 * <ul>
 *   <li>accuracy (found) = right / found; accuracy (all) = right / gold pairs, so a gold pair without a
 *       prediction counts as wrong;
 *   <li>macro F1 = unweighted mean over classes C of F1<sub>c</sub> = 2tp<sub>c</sub> / (2tp<sub>c</sub> +
 *       fp<sub>c</sub> + fn<sub>c</sub>), where C is the set of polarities that occur as a gold value of a
 *       considered pair or as a predicted value of a found pair. On all gold pairs a missing prediction is a
 *       false negative of its gold class and a false positive of no class (scikit-learn's
 *       {@code f1_score(average='macro')} with a "none" prediction left out of {@code labels}).
 * </ul>
 * Every ratio with a zero denominator is 0, as in {@code metrics.py}.
 *
 * <pre>{@code
 * Map<DocumentTheme, Polarity> gold = Map.of(
 *     new DocumentTheme("r1", "respect"), Polarity.POSITIVE,
 *     new DocumentTheme("r2", "power"), Polarity.NEGATIVE);
 * Map<DocumentTheme, Polarity> pred = Map.of(new DocumentTheme("r1", "respect"), Polarity.POSITIVE);
 * PolarityReport r = PolarityMetrics.compute(gold, pred);
 * r.accuracyFound();   // 1.0 (1 of 1 found pair)
 * r.accuracyAll();     // 0.5 (1 of 2 gold pairs)
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PolarityMetrics {

  private PolarityMetrics() {}

  /**
   * Scores keyed pairs.
   *
   * @throws NullPointerException if a map, a key or a value is null
   */
  public static PolarityReport compute(
      Map<DocumentTheme, Polarity> gold, Map<DocumentTheme, Polarity> predicted) {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    Map<Polarity, int[]> found = new EnumMap<>(Polarity.class);   // {tp, fp, fn} per class
    Map<Polarity, int[]> all = new EnumMap<>(Polarity.class);
    Set<Polarity> classesFound = EnumSet.noneOf(Polarity.class);
    Set<Polarity> classesAll = EnumSet.noneOf(Polarity.class);
    int foundPairs = 0;
    int correct = 0;
    for (Map.Entry<DocumentTheme, Polarity> e : gold.entrySet()) {
      Objects.requireNonNull(e.getKey(), "gold key");
      Polarity g = Objects.requireNonNull(e.getValue(), () -> "gold polarity of " + e.getKey());
      Polarity p = predicted.get(e.getKey());
      classesAll.add(g);
      if (p == null) {
        counts(all, g)[2]++;
        continue;
      }
      foundPairs++;
      classesFound.add(g);
      classesFound.add(p);
      classesAll.add(p);
      if (p == g) {
        correct++;
        counts(found, g)[0]++;
        counts(all, g)[0]++;
      } else {
        counts(found, p)[1]++;
        counts(found, g)[2]++;
        counts(all, p)[1]++;
        counts(all, g)[2]++;
      }
    }
    for (Map.Entry<DocumentTheme, Polarity> e : predicted.entrySet()) {
      Objects.requireNonNull(e.getKey(), "predicted key");
      Objects.requireNonNull(e.getValue(), () -> "predicted polarity of " + e.getKey());
    }
    return new PolarityReport(
        gold.size(),
        predicted.size(),
        foundPairs,
        correct,
        LabelMatrix.div(correct, foundPairs),
        macroF1(found, classesFound),
        LabelMatrix.div(correct, gold.size()),
        macroF1(all, classesAll));
  }

  /**
   * Scores per-document maps from theme id to polarity; documents are matched by position and get the ids
   * {@code "0"}, {@code "1"}, ...
   *
   * @throws NullPointerException if a list, a map, a key or a value is null
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static PolarityReport compute(
      List<? extends Map<String, Polarity>> gold, List<? extends Map<String, Polarity>> predicted) {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "gold and predicted must have the same size: " + gold.size() + " != " + predicted.size());
    }
    return compute(pairs(gold, "gold"), pairs(predicted, "predicted"));
  }

  private static Map<DocumentTheme, Polarity> pairs(List<? extends Map<String, Polarity>> docs, String name) {
    Map<DocumentTheme, Polarity> out = new HashMap<>();
    for (int d = 0; d < docs.size(); d++) {
      Map<String, Polarity> doc = Objects.requireNonNull(docs.get(d), name + "[" + d + "]");
      String id = Integer.toString(d);
      for (Map.Entry<String, Polarity> e : doc.entrySet()) {
        out.put(new DocumentTheme(id, e.getKey()),
            Objects.requireNonNull(e.getValue(), name + "[" + d + "] has a null polarity"));
      }
    }
    return out;
  }

  private static int[] counts(Map<Polarity, int[]> table, Polarity p) {
    return table.computeIfAbsent(p, k -> new int[3]);
  }

  private static double macroF1(Map<Polarity, int[]> table, Set<Polarity> classes) {
    double sum = 0.0;
    for (Polarity c : classes) {
      int[] t = table.getOrDefault(c, new int[3]);
      sum += LabelCounts.f1(t[0], t[1], t[2]);
    }
    return LabelMatrix.div(sum, classes.size());
  }
}
