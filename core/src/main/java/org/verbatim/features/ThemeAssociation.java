package org.verbatim.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Token;

/**
 * Per-theme word association learned from which comments carry which themes: the naive-Bayes log-count
 * ratio r(w) = log((p_w + 1) / |p + 1|_1) - log((q_w + 1) / |q + 1|_1), where p_w counts comments labelled with
 * the theme that contain w and q_w the comments not labelled with it (Wang and Manning 2012, "Baselines and
 * Bigrams"). Only words seen in at least two comments of the theme with r(w) > 0 are kept.
 *
 * <pre>{@code
 * ThemeAssociation a = ThemeAssociation.learn(analysedComments, themesOfEachComment);
 * ThemeAssociation same = ThemeAssociation.of(a.ratios());   // as a model file stores it
 * }</pre>
 *
 * <p>Immutable and thread-safe. Internal machinery of the learned polarity model.
 */
public final class ThemeAssociation {

  /** Smallest in-theme comment count for a word to be kept. */
  static final int MIN_THEME_COUNT = 2;

  private final Map<String, Map<String, Double>> ratios;

  private ThemeAssociation(Map<String, Map<String, Double>> ratios) {
    Map<String, Map<String, Double>> copy = new TreeMap<>();
    ratios.forEach((theme, words) -> copy.put(theme, Collections.unmodifiableMap(new TreeMap<>(words))));
    this.ratios = Collections.unmodifiableMap(copy);
  }

  /**
   * The association with the given ratios (theme to word to ratio), as {@link #ratios()} returns them.
   *
   * @throws NullPointerException if {@code ratios} is null
   */
  public static ThemeAssociation of(Map<String, Map<String, Double>> ratios) {
    return new ThemeAssociation(Objects.requireNonNull(ratios, "ratios"));
  }

  /**
   * Learns ratios from analysed comments and the themes each one carries.
   *
   * @param docs analysed comments
   * @param themes themes of each comment, parallel to {@code docs}
   */
  public static ThemeAssociation learn(List<AnalyzedText> docs, List<Set<String>> themes) {
    Set<String> allThemes = new HashSet<>();
    themes.forEach(allThemes::addAll);
    List<Set<String>> words = new ArrayList<>(docs.size());
    Map<String, Integer> docFreq = new HashMap<>();
    for (AnalyzedText d : docs) {
      Set<String> w = new HashSet<>();
      for (Token t : d.tokens()) {
        if (isWord(t.norm())) {
          w.add(t.norm());
        }
      }
      words.add(w);
      w.forEach(x -> docFreq.merge(x, 1, Integer::sum));
    }
    Map<String, Map<String, Double>> out = new HashMap<>();
    for (String theme : allThemes) {
      Map<String, Integer> in = new HashMap<>();
      for (int i = 0; i < docs.size(); i++) {
        if (themes.get(i).contains(theme)) {
          words.get(i).forEach(x -> in.merge(x, 1, Integer::sum));
        }
      }
      double pTotal = 0;
      double qTotal = 0;
      for (Map.Entry<String, Integer> e : docFreq.entrySet()) {
        int p = in.getOrDefault(e.getKey(), 0);
        pTotal += p + 1;
        qTotal += e.getValue() - p + 1;
      }
      Map<String, Double> r = new HashMap<>();
      for (Map.Entry<String, Integer> e : in.entrySet()) {
        int p = e.getValue();
        if (p < MIN_THEME_COUNT) {
          continue;
        }
        int q = docFreq.get(e.getKey()) - p;
        double ratio = Math.log((p + 1) / pTotal) - Math.log((q + 1) / qTotal);
        if (ratio > 0) {
          r.put(e.getKey(), ratio);
        }
      }
      out.put(theme, r);
    }
    return new ThemeAssociation(out);
  }

  static boolean isWord(String norm) {
    for (int i = 0; i < norm.length(); i++) {
      if (Character.isLetter(norm.charAt(i))) {
        return true;
      }
    }
    return false;
  }

  /** The ratio of a word for a theme; 0 for an unknown theme or word. */
  double ratio(String themeId, String norm) {
    Map<String, Double> m = ratios.get(themeId);
    return m == null ? 0.0 : m.getOrDefault(norm, 0.0);
  }

  boolean knows(String themeId) {
    return ratios.containsKey(themeId);
  }

  /** Themes in sorted order with their sorted word ratios. */
  public Map<String, Map<String, Double>> ratios() {
    return ratios;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ThemeAssociation a && a.ratios.equals(ratios);
  }

  @Override
  public int hashCode() {
    return Objects.hash(ratios);
  }
}
