package org.verbatim.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Gold and predicted label sets paired document by document, with the counts of predictions that were
 * missing or superfluous when the pairing was made by id.
 *
 * <pre>{@code
 * Map<String, Set<String>> gold = new LinkedHashMap<>();   // file order matters for nothing but reports
 * gold.put("r1", Set.of("respect"));
 * gold.put("r2", Set.of());
 * Alignment a = Alignment.byId(gold, Map.of("r1", Set.of("respect"), "r9", Set.of("power")));
 * a.predicted().get(1);          // [] : r2 has no prediction, so it is scored as an empty one
 * a.missingPredictions();        // 1  (r2)
 * a.extraPredictions();          // 1  (r9 is not in gold; ignored)
 * }</pre>
 *
 * <p>Immutable and thread-safe: the lists and sets are copied. Labels are used exactly as given (use
 * {@link LabelSets#parse} to normalise raw strings).
 *
 * @param ids document ids, distinct, in document order
 * @param gold the gold label set of each document
 * @param predicted the predicted label set of each document (empty when the prediction was missing)
 * @param missingPredictions documents that had no prediction ({@code n_missing_pred} in {@code metrics.py})
 * @param extraPredictions predictions whose id is not a gold document ({@code n_extra_pred})
 */
public record Alignment(
    List<String> ids, List<Set<String>> gold, List<Set<String>> predicted, int missingPredictions,
    int extraPredictions) {

  /**
   * @throws NullPointerException if a list, an id, a set or a label is null
   * @throws IllegalArgumentException if the three lists differ in size, an id repeats or a count is negative
   */
  public Alignment {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    if (gold.size() != ids.size() || predicted.size() != ids.size()) {
      throw new IllegalArgumentException("ids, gold and predicted must have the same size: "
          + ids.size() + ", " + gold.size() + ", " + predicted.size());
    }
    if (missingPredictions < 0 || extraPredictions < 0) {
      throw new IllegalArgumentException("prediction counts must be >= 0: missing=" + missingPredictions
          + ", extra=" + extraPredictions);
    }
    ids = List.copyOf(ids);
    Set<String> seen = new HashSet<>();
    for (String id : ids) {
      if (!seen.add(id)) {
        throw new IllegalArgumentException("duplicate document id: '" + id + "'");
      }
    }
    gold = copySets(gold, "gold");
    predicted = copySets(predicted, "predicted");
  }

  /**
   * Pairs two lists position by position; the ids are the 0-based positions ({@code "0"}, {@code "1"}, ...)
   * and no prediction counts as missing.
   *
   * @throws NullPointerException if a list, a set or a label is null
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static Alignment of(List<? extends Set<String>> gold, List<? extends Set<String>> predicted) {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    if (gold.size() != predicted.size()) {
      throw new IllegalArgumentException(
          "gold and predicted must have the same size: " + gold.size() + " != " + predicted.size());
    }
    List<String> ids = new ArrayList<>(gold.size());
    for (int i = 0; i < gold.size(); i++) {
      ids.add(Integer.toString(i));
    }
    return new Alignment(ids, List.copyOf(gold), List.copyOf(predicted), 0, 0);
  }

  /**
   * Pairs predictions with gold documents by id, as {@code metrics.py} does: a gold id without a
   * prediction gets an empty prediction, a predicted id absent from gold is ignored. Documents come in the
   * iteration order of {@code gold} (pass a {@link java.util.LinkedHashMap} to keep file order). Ids are
   * compared exactly; strip them before if needed.
   *
   * @throws NullPointerException if a map, a key, a set or a label is null
   */
  public static Alignment byId(
      Map<String, ? extends Set<String>> gold, Map<String, ? extends Set<String>> predicted) {
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    List<String> ids = new ArrayList<>(gold.size());
    List<Set<String>> g = new ArrayList<>(gold.size());
    List<Set<String>> p = new ArrayList<>(gold.size());
    int missing = 0;
    for (Map.Entry<String, ? extends Set<String>> e : gold.entrySet()) {
      ids.add(e.getKey());
      g.add(e.getValue());
      Set<String> pred = predicted.get(e.getKey());
      if (pred == null) {
        missing++;
        pred = Set.of();
      }
      p.add(pred);
    }
    int extra = 0;
    for (String id : predicted.keySet()) {
      if (!gold.containsKey(id)) {
        extra++;
      }
    }
    return new Alignment(ids, g, p, missing, extra);
  }

  /** Number of documents. */
  public int size() {
    return ids.size();
  }

  private static List<Set<String>> copySets(List<? extends Set<String>> sets, String name) {
    List<Set<String>> out = new ArrayList<>(sets.size());
    for (int i = 0; i < sets.size(); i++) {
      final int index = i;
      Set<String> s = Objects.requireNonNull(sets.get(i), () -> name + "[" + index + "]");
      TreeSet<String> copy = new TreeSet<>(LabelSets.CODE_POINT_ORDER);
      for (String label : s) {
        copy.add(Objects.requireNonNull(label, () -> name + "[" + index + "] contains null"));
      }
      out.add(Collections.unmodifiableSet(copy));
    }
    return Collections.unmodifiableList(out);
  }
}
