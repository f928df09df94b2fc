package org.verbatim.eval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Agreement between coders on one set of units (the documents of one theme, all document x theme decisions, or
 * the polarity of the themes coders share), made by {@link CoderAgreement}. Definitions are in
 * {@link CoderAgreement}; an undefined statistic is {@code NaN} (JSON {@code null}).
 *
 * <pre>{@code
 * AgreementStats s = report.themes().get("listening");
 * s.cohenKappa();                               // two coders only, else NaN
 * s.intervals().get("krippendorff_alpha");      // a bootstrap interval, absent when undefined
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param units units coded by at least two coders (pairable units)
 * @param coded per coder, in the order of {@link AgreementReport#coders()}, the units it put in the category of
 *     interest (a theme: documents it coded with the theme; polarity and pooled decisions: units it coded at all)
 * @param percentAgreement the share of agreeing coder pairs, averaged over pairable units
 * @param cohenKappa Cohen's kappa (two coders only; NaN with three or more)
 * @param fleissKappa Fleiss' kappa over the units coded by every coder
 * @param krippendorffAlpha Krippendorff's nominal alpha over every pairable unit (missing codes allowed)
 * @param intervals percentile-bootstrap intervals by statistic name ({@code percent_agreement},
 *     {@code cohen_kappa}, {@code fleiss_kappa}, {@code krippendorff_alpha}); a statistic undefined in every
 *     resample has none
 */
@JsonPropertyOrder({"units", "coded", "percent_agreement", "cohen_kappa", "fleiss_kappa", "krippendorff_alpha",
    "intervals"})
public record AgreementStats(
    int units,
    List<Integer> coded,
    @JsonProperty("percent_agreement") double percentAgreement,
    @JsonProperty("cohen_kappa") double cohenKappa,
    @JsonProperty("fleiss_kappa") double fleissKappa,
    @JsonProperty("krippendorff_alpha") double krippendorffAlpha,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Interval> intervals) {

  /**
   * @throws NullPointerException if a list, map or entry is null
   * @throws IllegalArgumentException if {@code units} is negative
   */
  public AgreementStats {
    if (units < 0) {
      throw new IllegalArgumentException("units must be >= 0: " + units);
    }
    coded = List.copyOf(coded);
    Map<String, Interval> copy = new LinkedHashMap<>();
    intervals.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "name"), Objects.requireNonNull(v, k)));
    intervals = Collections.unmodifiableMap(copy);
  }
}
