package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.verbatim.io.AtomicOutput;

/**
 * The result of an {@link Evaluator} run: the {@code metrics.py} scores, bootstrap confidence intervals,
 * per-label Cohen's kappa and Krippendorff's alpha, with the options that produced them.
 *
 * <pre>{@code
 * Evaluation ev = Evaluator.evaluate(gold, predicted, EvaluationOptions.defaults());
 * ev.metrics().microF1();
 * ev.intervals().microF1();             // null if the options asked for 0 resamples
 * ev.kappa().get("respect");            // NaN when undefined
 * Files.writeString(Path.of("scores.md"), ev.toMarkdown());
 * ev.writeJson(Path.of("scores.json"));
 * }</pre>
 *
 * <p>Immutable and thread-safe. In JSON, the {@code metrics} object has the keys of {@code metrics.py},
 * and an undefined statistic ({@code NaN}) is written as {@code null}.
 *
 * @param metrics the multi-label scores
 * @param intervals bootstrap confidence intervals, or {@code null} when no resampling was asked for or
 *     there were no documents
 * @param kappa Cohen's kappa of each label of the universe, gold versus prediction as two coders deciding
 *     presence per document ({@code NaN} when undefined, e.g. a label absent from both)
 * @param krippendorffAlpha Krippendorff's nominal alpha over every (document, label) presence decision of
 *     gold and prediction ({@code NaN} when undefined)
 * @param options the options used
 */
@JsonPropertyOrder({"metrics", "confidence_intervals", "kappa", "krippendorff_alpha", "options"})
public record Evaluation(
    MultiLabelReport metrics,
    @JsonProperty("confidence_intervals") @JsonInclude(JsonInclude.Include.NON_NULL) ConfidenceIntervals intervals,
    Map<String, Double> kappa,
    @JsonProperty("krippendorff_alpha") double krippendorffAlpha,
    EvaluationOptions options) {

  /**
   * @throws NullPointerException if {@code metrics}, {@code kappa}, a kappa entry or {@code options} is
   *     null
   */
  public Evaluation {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(kappa, "kappa");
    Objects.requireNonNull(options, "options");
    Map<String, Double> copy = new LinkedHashMap<>();
    kappa.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "label"), Objects.requireNonNull(v, k)));
    kappa = Collections.unmodifiableMap(copy);
  }

  /** One-line JSON. */
  public String toJson() {
    return EvalJson.compact(this);
  }

  /**
   * Writes indented JSON to {@code file} atomically ({@link AtomicOutput}): a temporary file in the same
   * directory, then moved over {@code file}. If anything fails, {@code file} is left as it was.
   *
   * @throws IOException if the file cannot be written
   */
  public void writeJson(Path file) throws IOException {
    AtomicOutput.write(Objects.requireNonNull(file, "file"), EvalJson.pretty(this).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A Markdown report: a per-theme table (precision, recall and F1 each with its confidence interval,
   * support, kappa) followed by a table of the overall scores. Numbers have 3 decimals (Hamming loss 4);
   * an undefined value is {@code n/a}.
   */
  public String toMarkdown() {
    StringBuilder sb = new StringBuilder();
    String level = intervals == null ? "" : pct(intervals.level());
    sb.append("| Theme | Precision | Recall | F1 | Support | Kappa |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, LabelStats> e : metrics.perLabel().entrySet()) {
      String label = e.getKey();
      LabelStats s = e.getValue();
      ConfidenceIntervals.LabelIntervals ci = intervals == null ? null : intervals.perLabel().get(label);
      sb.append("| ").append(escape(label))
          .append(" | ").append(withCi(s.precision(), ci == null ? null : ci.precision()))
          .append(" | ").append(withCi(s.recall(), ci == null ? null : ci.recall()))
          .append(" | ").append(withCi(s.f1(), ci == null ? null : ci.f1()))
          .append(" | ").append(s.support())
          .append(" | ").append(num(kappa.getOrDefault(label, Double.NaN), 3))
          .append(" |\n");
    }
    sb.append('\n');
    sb.append("| Score | Value |\n");
    sb.append("|---|---:|\n");
    row(sb, "Micro precision", withCi(metrics.microPrecision(), intervals == null ? null : intervals.microPrecision()));
    row(sb, "Micro recall", withCi(metrics.microRecall(), intervals == null ? null : intervals.microRecall()));
    row(sb, "Micro F1", withCi(metrics.microF1(), intervals == null ? null : intervals.microF1()));
    row(sb, "Macro F1", withCi(metrics.macroF1(), intervals == null ? null : intervals.macroF1()));
    row(sb, "Macro F1 (gold labels)", num(metrics.macroF1Gold(), 3));
    row(sb, "Weighted F1", num(metrics.weightedF1(), 3));
    row(sb, "Samples F1", num(metrics.samplesF1(), 3));
    row(sb, "Hamming loss", num(metrics.hammingLoss(), 4));
    row(sb, "Subset accuracy", num(metrics.subsetAccuracy(), 3));
    row(sb, "Krippendorff's alpha (document x label)", num(krippendorffAlpha, 3));
    row(sb, "Documents", Integer.toString(metrics.nDocs()));
    row(sb, "Labels", Integer.toString(metrics.nLabels()));
    row(sb, "Missing predictions", Integer.toString(metrics.nMissingPred()));
    sb.append('\n');
    if (intervals != null) {
      sb.append("Brackets: ").append(level).append(" percentile-bootstrap confidence interval over documents (")
          .append(intervals.resamples()).append(" resamples, seed ").append(intervals.seed()).append(").\n");
    } else {
      sb.append("No confidence intervals (no bootstrap resamples).\n");
    }
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, String value) {
    sb.append("| ").append(name).append(" | ").append(value).append(" |\n");
  }

  private static String withCi(double value, Interval ci) {
    String v = num(value, 3);
    return ci == null ? v : v + " [" + num(ci.lower(), 3) + ", " + num(ci.upper(), 3) + "]";
  }

  private static String num(double v, int decimals) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%." + decimals + "f", v);
  }

  private static String pct(double level) {
    double p = level * 100.0;
    return (p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f", p) : String.format(Locale.ROOT, "%s", p))
        + "%";
  }

  /** Keeps a label from breaking the table: pipes are escaped, line breaks become spaces. */
  private static String escape(String label) {
    return label.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
  }
}
