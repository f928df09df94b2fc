package org.verbatim.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;

/**
 * The false positives and false negatives of a classifier on coded comments, each with the score and the evidence
 * behind it, most confident first: the list to read when deciding which cues or codes to fix.
 *
 * <pre>{@code
 * List<PredictionErrors.Error> errors = PredictionErrors.of(ids, gold, classifications, null);
 * errors.get(0).kind();        // FALSE_POSITIVE: the most confident wrong tag
 * errors.get(0).evidence();    // the character spans that made it
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class PredictionErrors {

  private PredictionErrors() {}

  /** Whether a theme was predicted without being coded, or coded without being predicted. */
  public enum Kind {
    /** Predicted, not coded. */
    FALSE_POSITIVE,
    /** Coded, not predicted. */
    FALSE_NEGATIVE;

    /** {@code false_positive} or {@code false_negative}. */
    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * One wrong decision.
   *
   * @param index the document's position in the input
   * @param id the document id
   * @param theme the theme id
   * @param kind false positive or false negative
   * @param score a false positive's tag score; a false negative's score for the theme when the classifier can give
   *     one below its threshold ({@code NaN} otherwise)
   * @param polarity a false positive's predicted polarity (empty for a false negative)
   * @param evidence a false positive's evidence spans (empty for a false negative)
   */
  public record Error(int index, String id, String theme, Kind kind, double score, Optional<Polarity> polarity,
      List<Evidence> evidence) {
    /** @throws NullPointerException if an argument is null */
    public Error {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(theme, "theme");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(polarity, "polarity");
      evidence = List.copyOf(evidence);
    }
  }

  /**
   * Lists every false positive and false negative, sorted by score from highest to lowest (false negatives without
   * a score last), then by document order and theme.
   *
   * @param ids the document ids
   * @param gold the coded themes of each document
   * @param predicted the classification of each document
   * @param missedScore gives a false negative's score from (document index, theme), or NaN; null for none
   * @throws NullPointerException if a list or element is null
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static List<Error> of(List<String> ids, List<? extends Set<String>> gold, List<Classification> predicted,
      BiFunction<Integer, String, Double> missedScore) {
    Objects.requireNonNull(ids, "ids");
    Objects.requireNonNull(gold, "gold");
    Objects.requireNonNull(predicted, "predicted");
    if (ids.size() != gold.size() || gold.size() != predicted.size()) {
      throw new IllegalArgumentException("ids, gold and predicted must have the same size: " + ids.size() + ", "
          + gold.size() + ", " + predicted.size());
    }
    List<Error> out = new ArrayList<>();
    for (int d = 0; d < ids.size(); d++) {
      Set<String> g = gold.get(d);
      Classification c = predicted.get(d);
      for (ThemeTag t : c.tags()) {
        if (!g.contains(t.themeId())) {
          out.add(new Error(d, ids.get(d), t.themeId(), Kind.FALSE_POSITIVE, t.score(), Optional.of(t.polarity()),
              t.evidence()));
        }
      }
      for (String theme : new java.util.TreeSet<>(g)) {
        if (c.tag(theme).isEmpty()) {
          Double s = missedScore == null ? null : missedScore.apply(d, theme);
          out.add(new Error(d, ids.get(d), theme, Kind.FALSE_NEGATIVE, s == null ? Double.NaN : s, Optional.empty(),
              List.of()));
        }
      }
    }
    out.sort(Comparator.<Error>comparingDouble(e -> Double.isNaN(e.score()) ? Double.POSITIVE_INFINITY : -e.score())
        .thenComparingInt(Error::index).thenComparing(Error::theme));
    return out;
  }
}
