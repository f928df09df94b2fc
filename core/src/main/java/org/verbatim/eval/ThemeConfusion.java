package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Where theme predictions go wrong: per theme the confusion counts (true and false positives and negatives, true
 * negatives), and a co-confusion table of which theme was predicted when another was coded.
 *
 * <p>Co-confusion: in every document, each coded theme the prediction missed (a false negative) is paired with
 * each theme predicted that the coder did not code (a false positive); {@code coConfusion.get(coded).get(predicted)}
 * counts the documents where that happened. A missed theme in a document without a false positive is counted
 * under the predicted theme {@value #NONE}, and a false positive in a document without a missed theme under the
 * coded theme {@value #NONE}. So the row of a coded theme sums (over its columns) to at least its false negatives,
 * and a large cell names two themes the classifier mixes up.
 *
 * <pre>{@code
 * ThemeConfusion c = ThemeConfusion.of(Alignment.byId(gold, predicted), Set.of());
 * c.perTheme().get("listening").fn();
 * c.coConfusion().get("listening").get("power");   // listening coded and missed, power predicted instead
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param documents the number of documents
 * @param perTheme confusion counts of each theme of the universe, in code-point order
 * @param coConfusion coded-and-missed theme to wrongly predicted theme to documents, only non-zero cells
 */
@JsonPropertyOrder({"documents", "per_theme", "co_confusion"})
public record ThemeConfusion(
    int documents,
    @JsonProperty("per_theme") Map<String, Counts> perTheme,
    @JsonProperty("co_confusion") Map<String, Map<String, Integer>> coConfusion) {

  /** The row or column of a document with nothing on the other side. */
  public static final String NONE = "(none)";

  /**
   * One theme's confusion counts over all documents.
   *
   * @param tp coded and predicted
   * @param fp predicted, not coded
   * @param fn coded, not predicted
   * @param tn neither
   */
  public record Counts(int tp, int fp, int fn, int tn) {
    /** @throws IllegalArgumentException if a count is negative */
    public Counts {
      if (tp < 0 || fp < 0 || fn < 0 || tn < 0) {
        throw new IllegalArgumentException("counts must be >= 0: " + tp + ", " + fp + ", " + fn + ", " + tn);
      }
    }
  }

  /** @throws NullPointerException if a map or entry is null */
  public ThemeConfusion {
    perTheme = Collections.unmodifiableMap(new LinkedHashMap<>(perTheme));
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    coConfusion.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "coded"),
        Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    coConfusion = Collections.unmodifiableMap(copy);
  }

  /**
   * Counts an alignment, with the label universe gold ∪ predicted ∪ {@code extraLabels}.
   *
   * @throws NullPointerException if an argument is null
   */
  public static ThemeConfusion of(Alignment alignment, Collection<String> extraLabels) {
    LabelMatrix m = new LabelMatrix(alignment, extraLabels);
    int n = m.documents();
    int nl = m.labels.size();
    int[] tp = new int[nl];
    int[] fp = new int[nl];
    int[] fn = new int[nl];
    Map<String, Map<String, Integer>> co = new TreeMap<>(ThemeConfusion::compareWithNoneLast);
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
      for (int g : m.fn[d]) {
        if (m.fp[d].length == 0) {
          add(co, m.labels.get(g), NONE);
        }
        for (int p : m.fp[d]) {
          add(co, m.labels.get(g), m.labels.get(p));
        }
      }
      if (m.fn[d].length == 0) {
        for (int p : m.fp[d]) {
          add(co, NONE, m.labels.get(p));
        }
      }
    }
    Map<String, Counts> per = new LinkedHashMap<>();
    for (int l = 0; l < nl; l++) {
      per.put(m.labels.get(l), new Counts(tp[l], fp[l], fn[l], n - tp[l] - fp[l] - fn[l]));
    }
    return new ThemeConfusion(n, per, co);
  }

  private static void add(Map<String, Map<String, Integer>> co, String coded, String predicted) {
    co.computeIfAbsent(coded, k -> new TreeMap<>(ThemeConfusion::compareWithNoneLast)).merge(predicted, 1, Integer::sum);
  }

  private static int compareWithNoneLast(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.equals(NONE)) {
      return 1;
    }
    if (b.equals(NONE)) {
      return -1;
    }
    return LabelSets.CODE_POINT_ORDER.compare(a, b);
  }

  /** One-line JSON. */
  public String toJson() {
    return EvalJson.compact(this);
  }

  /**
   * Markdown: the per-theme confusion table, then the co-confusion table (rows: coded theme missed; columns:
   * theme predicted instead; only themes with a non-zero cell).
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    sb.append("| Theme | TP | FP | FN | TN |\n|---|---:|---:|---:|---:|\n");
    perTheme.forEach((t, c) -> sb.append("| ").append(escape(t)).append(" | ").append(c.tp()).append(" | ")
        .append(c.fp()).append(" | ").append(c.fn()).append(" | ").append(c.tn()).append(" |\n"));
    if (coConfusion.isEmpty()) {
      return sb.append("\nNo theme was missed or predicted wrongly.\n").toString();
    }
    Set<String> columns = new java.util.TreeSet<>(ThemeConfusion::compareWithNoneLast);
    coConfusion.values().forEach(row -> columns.addAll(row.keySet()));
    sb.append("\nCo-confusion: documents where the row's theme was coded but missed and the column's theme was "
        + "predicted but not coded (").append(NONE).append(": nothing on that side).\n\n");
    sb.append("| coded \\ predicted |");
    columns.forEach(c -> sb.append(' ').append(escape(c)).append(" |"));
    sb.append("\n|---|");
    columns.forEach(c -> sb.append("---:|"));
    sb.append('\n');
    coConfusion.forEach((row, cells) -> {
      sb.append("| ").append(escape(row)).append(" |");
      for (String c : columns) {
        Integer v = cells.get(c);
        sb.append(' ').append(v == null ? "" : v.toString()).append(" |");
      }
      sb.append('\n');
    });
    return sb.toString();
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
  }
}
