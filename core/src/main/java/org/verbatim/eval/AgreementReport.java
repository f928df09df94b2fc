package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.verbatim.io.AtomicOutput;

/**
 * Inter-coder agreement on themes and polarity, made by {@link CoderAgreement}: per theme, pooled over every
 * document x theme decision, and on the polarity of the themes coders share, with the list of disagreements.
 *
 * <pre>{@code
 * AgreementReport r = CoderAgreement.compute(List.of(coderA, coderB), EvaluationOptions.defaults());
 * r.krippendorffAlpha();                        // nominal, over document x theme decisions
 * r.themes().get("respect").cohenKappa();
 * r.writeJson(Path.of("agreement.json"));       // has krippendorff_alpha and themes.<id>.cohen_kappa
 * }</pre>
 *
 * <p>Immutable and thread-safe. Ids appear in the disagreements; comment text never does.
 *
 * @param coders the coders' names, in input order
 * @param documents documents coded by at least one coder
 * @param themes agreement on each theme, in code-point order of the theme ids
 * @param overall agreement pooled over every (document, theme) decision
 * @param polarity agreement on polarity over the (document, theme) pairs that at least two coders coded with a
 *     polarity, or null when no coder coded polarity
 * @param disagreements the (document, theme) decisions on which coders differ, in document then theme order
 * @param polarityDisagreements the shared (document, theme) pairs given different polarities
 * @param options the bootstrap settings used (its extra labels joined the theme universe)
 */
@JsonPropertyOrder({"coders", "documents", "krippendorff_alpha", "themes", "overall", "polarity", "disagreements",
    "polarity_disagreements", "options"})
public record AgreementReport(
    List<String> coders,
    int documents,
    Map<String, AgreementStats> themes,
    AgreementStats overall,
    @JsonInclude(JsonInclude.Include.NON_NULL) AgreementStats polarity,
    List<Disagreement> disagreements,
    @JsonProperty("polarity_disagreements") List<PolarityDisagreement> polarityDisagreements,
    EvaluationOptions options) {

  /**
   * A (document, theme) decision on which coders differ.
   *
   * @param id the document id
   * @param theme the theme id
   * @param codedBy the coders who coded the theme
   * @param notCodedBy the coders who coded the document without the theme (coders without the document are in
   *     neither list)
   */
  @JsonPropertyOrder({"id", "theme", "coded_by", "not_coded_by"})
  public record Disagreement(String id, String theme, @JsonProperty("coded_by") List<String> codedBy,
      @JsonProperty("not_coded_by") List<String> notCodedBy) {
    /** @throws NullPointerException if an argument is null */
    public Disagreement {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(theme, "theme");
      codedBy = List.copyOf(codedBy);
      notCodedBy = List.copyOf(notCodedBy);
    }
  }

  /**
   * A shared (document, theme) pair that coders gave different polarities.
   *
   * @param id the document id
   * @param theme the theme id
   * @param polarities each coder's polarity id ({@code positive}, ...), for the coders who gave one
   */
  public record PolarityDisagreement(String id, String theme, Map<String, String> polarities) {
    /** @throws NullPointerException if an argument is null */
    public PolarityDisagreement {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(theme, "theme");
      polarities = Collections.unmodifiableMap(new LinkedHashMap<>(polarities));
    }
  }

  /** @throws NullPointerException if an argument other than {@code polarity} is null */
  public AgreementReport {
    coders = List.copyOf(coders);
    themes = Collections.unmodifiableMap(new LinkedHashMap<>(themes));
    Objects.requireNonNull(overall, "overall");
    disagreements = List.copyOf(disagreements);
    polarityDisagreements = List.copyOf(polarityDisagreements);
    Objects.requireNonNull(options, "options");
  }

  /** Krippendorff's nominal alpha over every document x theme decision (the pooled {@link #overall()}). */
  @JsonProperty("krippendorff_alpha")
  public double krippendorffAlpha() {
    return overall.krippendorffAlpha();
  }

  /** One-line JSON. */
  public String toJson() {
    return EvalJson.compact(this);
  }

  /**
   * Writes indented JSON to {@code file} atomically ({@link AtomicOutput}).
   *
   * @throws IOException if the file cannot be written
   */
  public void writeJson(Path file) throws IOException {
    AtomicOutput.write(Objects.requireNonNull(file, "file"), EvalJson.pretty(this).getBytes(StandardCharsets.UTF_8));
  }

  /** A Markdown report without comment text; see {@link #toMarkdown(Map)}. */
  public String toMarkdown() {
    return toMarkdown(Map.of());
  }

  /**
   * A Markdown report: the per-theme table (percent agreement, Cohen's kappa, Fleiss' kappa, Krippendorff's alpha,
   * each with its interval), the pooled and polarity rows, then the disagreements. Numbers have 3 decimals; an
   * undefined value is {@code n/a}.
   *
   * @param texts comment text by id, shown beside each disagreement; pass an empty map to show ids only
   */
  @JsonIgnore
  public String toMarkdown(Map<String, String> texts) {
    Objects.requireNonNull(texts, "texts");
    StringBuilder sb = new StringBuilder();
    sb.append("Coders: ").append(String.join(", ", coders)).append("; ").append(documents).append(" documents.\n\n");
    sb.append("| Theme | Units | Coded (").append(String.join(" / ", coders)).append(") | Agreement | Cohen's kappa "
        + "| Fleiss' kappa | Krippendorff's alpha |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
    themes.forEach((id, s) -> row(sb, escape(id), s));
    row(sb, "**all (document x theme)**", overall);
    if (polarity != null) {
      row(sb, "**polarity of shared themes**", polarity);
    }
    sb.append('\n');
    if (options.bootstrapResamples() > 0) {
      sb.append("Brackets: ").append(Math.round(options.confidenceLevel() * 100)).append("% percentile-bootstrap "
          + "interval over documents (").append(options.bootstrapResamples()).append(" resamples, seed ")
          .append(options.seed()).append("). Cohen's kappa needs exactly two coders; Fleiss' kappa uses the units "
          + "every coder coded; alpha uses every unit at least two coders coded.\n");
    }
    sb.append("\n## Disagreements on themes (").append(disagreements.size()).append(")\n\n");
    if (!disagreements.isEmpty()) {
      sb.append("| Id | Theme | Coded by | Not coded by |").append(texts.isEmpty() ? "" : " Text |").append('\n');
      sb.append("|---|---|---|---|").append(texts.isEmpty() ? "" : "---|").append('\n');
      for (Disagreement d : disagreements) {
        sb.append("| ").append(escape(d.id())).append(" | ").append(escape(d.theme())).append(" | ")
            .append(escape(String.join(", ", d.codedBy()))).append(" | ")
            .append(escape(String.join(", ", d.notCodedBy()))).append(" |");
        text(sb, texts, d.id());
        sb.append('\n');
      }
    }
    if (polarity != null) {
      sb.append("\n## Disagreements on polarity (").append(polarityDisagreements.size()).append(")\n\n");
      if (!polarityDisagreements.isEmpty()) {
        sb.append("| Id | Theme | Polarities |").append(texts.isEmpty() ? "" : " Text |").append('\n');
        sb.append("|---|---|---|").append(texts.isEmpty() ? "" : "---|").append('\n');
        for (PolarityDisagreement d : polarityDisagreements) {
          StringBuilder p = new StringBuilder();
          d.polarities().forEach((c, v) -> p.append(p.length() == 0 ? "" : ", ").append(c).append(": ").append(v));
          sb.append("| ").append(escape(d.id())).append(" | ").append(escape(d.theme())).append(" | ")
              .append(escape(p.toString())).append(" |");
          text(sb, texts, d.id());
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static void text(StringBuilder sb, Map<String, String> texts, String id) {
    if (!texts.isEmpty()) {
      sb.append(' ').append(escape(texts.getOrDefault(id, ""))).append(" |");
    }
  }

  private static void row(StringBuilder sb, String name, AgreementStats s) {
    StringBuilder coded = new StringBuilder();
    for (int c : s.coded()) {
      coded.append(coded.length() == 0 ? "" : " / ").append(c);
    }
    sb.append("| ").append(name).append(" | ").append(s.units()).append(" | ").append(coded)
        .append(" | ").append(withCi(s.percentAgreement(), s.intervals().get("percent_agreement")))
        .append(" | ").append(withCi(s.cohenKappa(), s.intervals().get("cohen_kappa")))
        .append(" | ").append(withCi(s.fleissKappa(), s.intervals().get("fleiss_kappa")))
        .append(" | ").append(withCi(s.krippendorffAlpha(), s.intervals().get("krippendorff_alpha")))
        .append(" |\n");
  }

  private static String withCi(double v, Interval ci) {
    String s = num(v);
    return ci == null || Double.isNaN(v) ? s : s + " [" + num(ci.lower()) + ", " + num(ci.upper()) + "]";
  }

  private static String num(double v) {
    return Double.isNaN(v) ? "n/a" : String.format(Locale.ROOT, "%.3f", v);
  }

  private static String escape(String s) {
    return s.replace("\\", "\\\\").replace("|", "\\|").replace('\n', ' ').replace('\r', ' ');
  }
}
