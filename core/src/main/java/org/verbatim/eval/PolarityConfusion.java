package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import org.verbatim.Polarity;

/**
 * The polarity confusion matrix (coded polarity x predicted polarity, over the coded (document, theme) pairs) with
 * the polarity scores of {@link PolarityMetrics} and their percentile-bootstrap intervals over documents.
 *
 * <p>Rows are the coded polarities, columns the predicted ones plus {@value #MISSED} for a coded theme the
 * prediction did not find. The intervals resample documents as {@link Bootstrap} does (B draws of N documents with
 * replacement, one {@link SplittableRandom} seeded with the options' seed, type-7 quantiles) and recompute
 * {@link PolarityMetrics} on each resample.
 *
 * <pre>{@code
 * PolarityConfusion pc = PolarityConfusion.of(goldPolarities, predictedPolarities, EvaluationOptions.defaults());
 * pc.matrix().get("negative").get("positive");   // complaints read as praise
 * pc.intervals().get("accuracy_found");
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param matrix coded polarity id to predicted polarity id (or {@value #MISSED}) to pairs; every polarity is a
 *     row and a column
 * @param scores the point estimates
 * @param intervals bootstrap intervals of {@code accuracy_found}, {@code macro_f1_found}, {@code accuracy_all} and
 *     {@code macro_f1_all}; empty without resamples
 * @param resamples the bootstrap resamples (0 for none)
 * @param level the confidence level
 */
@JsonPropertyOrder({"matrix", "scores", "intervals", "resamples", "level"})
public record PolarityConfusion(
    Map<String, Map<String, Integer>> matrix,
    PolarityReport scores,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Interval> intervals,
    int resamples,
    double level) {

  /** The column of a coded theme without a predicted polarity. */
  public static final String MISSED = "missed";

  /** @throws NullPointerException if an argument is null */
  public PolarityConfusion {
    Map<String, Map<String, Integer>> copy = new LinkedHashMap<>();
    matrix.forEach((k, v) -> copy.put(k, Collections.unmodifiableMap(new LinkedHashMap<>(v))));
    matrix = Collections.unmodifiableMap(copy);
    Objects.requireNonNull(scores, "scores");
    intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
  }

  /**
   * Tabulates and scores per-document polarity maps matched by position.
   *
   * @param gold per document, the coded polarity of its themes
   * @param predicted per document, the predicted polarity of its themes
   * @param options resamples (0 for no intervals), seed and level
   * @throws NullPointerException if an argument, map, key or value is null
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static PolarityConfusion of(List<? extends Map<String, Polarity>> gold,
      List<? extends Map<String, Polarity>> predicted, EvaluationOptions options) {
    Objects.requireNonNull(options, "options");
    PolarityReport scores = PolarityMetrics.compute(gold, predicted);
    Map<String, Map<String, Integer>> matrix = new LinkedHashMap<>();
    for (Polarity g : Polarity.values()) {
      Map<String, Integer> row = new LinkedHashMap<>();
      for (Polarity p : Polarity.values()) {
        row.put(p.id(), 0);
      }
      row.put(MISSED, 0);
      matrix.put(g.id(), row);
    }
    for (int d = 0; d < gold.size(); d++) {
      Map<String, Polarity> p = predicted.get(d);
      for (Map.Entry<String, Polarity> e : gold.get(d).entrySet()) {
        Polarity v = p.get(e.getKey());
        matrix.get(e.getValue().id()).merge(v == null ? MISSED : v.id(), 1, Integer::sum);
      }
    }
    int b = options.bootstrapResamples();
    Map<String, Interval> ci = new LinkedHashMap<>();
    int n = gold.size();
    if (b > 0 && n > 0 && scores.goldPairs() > 0) {
      double[][] values = new double[4][b];
      SplittableRandom rng = new SplittableRandom(options.seed());
      List<Map<String, Polarity>> g = new ArrayList<>(n);
      List<Map<String, Polarity>> q = new ArrayList<>(n);
      for (int r = 0; r < b; r++) {
        g.clear();
        q.clear();
        for (int i = 0; i < n; i++) {
          int d = rng.nextInt(n);
          g.add(gold.get(d));
          q.add(predicted.get(d));
        }
        PolarityReport s = PolarityMetrics.compute(g, q);
        values[0][r] = s.accuracyFound();
        values[1][r] = s.macroF1Found();
        values[2][r] = s.accuracyAll();
        values[3][r] = s.macroF1All();
      }
      String[] names = {"accuracy_found", "macro_f1_found", "accuracy_all", "macro_f1_all"};
      for (int s = 0; s < names.length; s++) {
        ci.put(names[s], Bootstrap.interval(values[s], options.confidenceLevel()));
      }
    }
    return new PolarityConfusion(matrix, scores, ci, b, options.confidenceLevel());
  }

  /** One-line JSON. */
  public String toJson() {
    return EvalJson.compact(this);
  }

  /** Markdown: the matrix (rows coded, columns predicted) and the four scores with their intervals. */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder("| coded \\ predicted |");
    List<String> columns = new ArrayList<>(matrix.values().iterator().next().keySet());
    columns.forEach(c -> sb.append(' ').append(c).append(" |"));
    sb.append("\n|---|");
    columns.forEach(c -> sb.append("---:|"));
    sb.append('\n');
    matrix.forEach((row, cells) -> {
      sb.append("| ").append(row).append(" |");
      columns.forEach(c -> sb.append(' ').append(cells.get(c)).append(" |"));
      sb.append('\n');
    });
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "Over the %d coded themes found: accuracy %s, macro-F1 %s. Over all %d coded "
        + "themes (a missed theme counts as wrong): accuracy %s, macro-F1 %s.",
        scores.foundPairs(), withCi(scores.accuracyFound(), "accuracy_found"),
        withCi(scores.macroF1Found(), "macro_f1_found"), scores.goldPairs(),
        withCi(scores.accuracyAll(), "accuracy_all"), withCi(scores.macroF1All(), "macro_f1_all")));
    if (!intervals.isEmpty()) {
      sb.append(String.format(Locale.ROOT, " Brackets: %.0f%% percentile-bootstrap interval over documents (%d "
          + "resamples).", level * 100, resamples));
    }
    return sb.append('\n').toString();
  }

  private String withCi(double v, String name) {
    Interval ci = intervals.get(name);
    String s = String.format(Locale.ROOT, "%.3f", v);
    return ci == null ? s : String.format(Locale.ROOT, "%s [%.3f, %.3f]", s, ci.lower(), ci.upper());
  }
}
