package org.verbatim.features;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.verbatim.classify.SentimentLexicon;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Clause;
import org.verbatim.text.Token;

/**
 * Turns a (comment, theme) pair into binary feature names for the learned polarity model: first the theme's
 * evidence clauses are located with {@link ThemeAssociation}, then the switched-on {@link PolarityFeature}
 * groups are drawn from them.
 *
 * <pre>{@code
 * PolarityFeatures fx = new PolarityFeatures(association, SentimentLexicon.english(), PolarityFeature.defaults());
 * List<String> names = fx.features(pipeline.analyze(text), "staff");
 * int[] x = PolarityFeatures.indexes(names, vocabulary);
 * }</pre>
 *
 * <p>Immutable and thread-safe. Internal machinery shared by the polarity trainer and model.
 */
public final class PolarityFeatures {

  /** A clause is evidence when its best word ratio reaches this floor ... */
  static final double MIN_EVIDENCE_RATIO = 1.0;
  /** ... and is within this fraction of the best clause's. */
  static final double NEAR_BEST = 0.75;

  private final ThemeAssociation association;
  private final SentimentLexicon lexicon;
  private final Set<PolarityFeature> groups;
  private final boolean evidenceClauses;
  private final boolean bigrams;
  private final boolean lexiconSums;
  private final boolean themeConjunctions;
  private final boolean contextWords;

  /**
   * @param association the themes' word association (from training)
   * @param lexicon the sentiment lexicon of the {@link PolarityFeature#LEXICON} group
   * @param groups the feature groups switched on
   * @throws NullPointerException if an argument is null
   */
  public PolarityFeatures(ThemeAssociation association, SentimentLexicon lexicon, Set<PolarityFeature> groups) {
    this.association = Objects.requireNonNull(association, "association");
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
    this.groups = Collections.unmodifiableSet(groups.isEmpty() ? EnumSet.noneOf(PolarityFeature.class) : EnumSet.copyOf(groups));
    this.evidenceClauses = groups.contains(PolarityFeature.EVIDENCE_CLAUSES);
    this.bigrams = groups.contains(PolarityFeature.BIGRAMS);
    this.lexiconSums = groups.contains(PolarityFeature.LEXICON);
    this.themeConjunctions = groups.contains(PolarityFeature.THEME_CONJUNCTIONS);
    this.contextWords = groups.contains(PolarityFeature.CONTEXT_WORDS);
  }

  /** The feature groups switched on. */
  public Set<PolarityFeature> groups() {
    return groups;
  }

  /** The themes' word association. */
  public ThemeAssociation association() {
    return association;
  }

  /** Indexes of the evidence clauses of a theme (all clauses when none stands out), in text order. */
  List<Integer> evidence(AnalyzedText a, String themeId) {
    List<Clause> clauses = a.clauses();
    List<Integer> all = new ArrayList<>();
    for (int c = 0; c < clauses.size(); c++) {
      all.add(c);
    }
    if (!evidenceClauses || clauses.size() <= 1) {
      return all;
    }
    double[] score = new double[clauses.size()];
    double best = 0;
    for (int c = 0; c < clauses.size(); c++) {
      Clause cl = clauses.get(c);
      for (int t = cl.firstToken(); t < cl.endToken(); t++) {
        score[c] = Math.max(score[c], association.ratio(themeId, a.tokens().get(t).norm()));
      }
      best = Math.max(best, score[c]);
    }
    if (best < MIN_EVIDENCE_RATIO) {
      return all;
    }
    List<Integer> out = new ArrayList<>();
    for (int c = 0; c < clauses.size(); c++) {
      if (score[c] >= best * NEAR_BEST) {
        out.add(c);
      }
    }
    return out;
  }

  /** Distinct feature names of a pair, in a deterministic order. */
  public List<String> features(AnalyzedText a, String themeId) {
    Set<String> f = new LinkedHashSet<>();
    List<Clause> clauses = a.clauses();
    List<Token> tokens = a.tokens();
    List<Integer> ev = evidence(a, themeId);
    boolean[] inEvidence = new boolean[tokens.size()];
    String prev = "<s>";
    double pos = 0;
    double neg = 0;
    double negatedPos = 0;
    double negatedNeg = 0;
    for (int c : ev) {
      Clause cl = clauses.get(c);
      prev = "<c>";
      for (int t = cl.firstToken(); t < cl.endToken(); t++) {
        inEvidence[t] = true;
        Token tok = tokens.get(t);
        String w = word(tok);
        if (w == null) {
          continue;
        }
        f.add("w:" + w);
        if (themeConjunctions) {
          f.add("tw:" + themeId + "|" + w);
        }
        if (bigrams) {
          f.add("b:" + prev + "_" + w);
        }
        prev = w;
        double s = lexicon.score(tok.norm());
        if (tok.negated()) {
          negatedPos += Math.max(s, 0);
          negatedNeg += Math.max(-s, 0);
        } else {
          pos += Math.max(s, 0);
          neg += Math.max(-s, 0);
        }
      }
      if (bigrams) {
        f.add("b:" + prev + "_</c>");
      }
    }
    if (themeConjunctions) {
      f.add("t:" + themeId);
    }
    if (lexiconSums) {
      f.add("lp:" + bin(pos));
      f.add("ln:" + bin(neg));
      f.add("lnp:" + bin(negatedPos));
      f.add("lnn:" + bin(negatedNeg));
      double net = pos - neg - negatedPos + negatedNeg;
      f.add("le:" + signedBin(net));
      double whole = 0;
      for (Token tok : tokens) {
        double s = lexicon.score(tok.norm());
        whole += tok.negated() ? -s : s;
      }
      f.add("ld:" + signedBin(whole));
    }
    if (!ev.isEmpty() && ev.size() < clauses.size()) {
      Clause first = clauses.get(ev.get(0));
      int last = ev.get(ev.size() - 1);
      if (first.afterContrast()) {
        f.add("c:after");
      }
      if (last + 1 < clauses.size() && clauses.get(last + 1).afterContrast()
          && clauses.get(last + 1).sentence() == clauses.get(last).sentence()) {
        f.add("c:before");
      }
      if (themeConjunctions) {
        f.add("tc:" + themeId + "|" + (f.contains("c:after") ? "after" : f.contains("c:before") ? "before" : "none"));
      }
    }
    if (contextWords) {
      for (int t = 0; t < tokens.size(); t++) {
        if (!inEvidence[t]) {
          String w = word(tokens.get(t));
          if (w != null) {
            f.add("x:" + w);
          }
        }
      }
    }
    return new ArrayList<>(f);
  }

  /** The word feature of a token ({@code NOT_} marks negation scope), or null for punctuation. */
  private static String word(Token tok) {
    String n = tok.norm();
    if (!ThemeAssociation.isWord(n)) {
      return null;
    }
    return tok.negated() ? "NOT_" + n : n;
  }

  private static String bin(double v) {
    if (v <= 0) {
      return "0";
    }
    if (v <= 1) {
      return "1";
    }
    if (v <= 2) {
      return "2";
    }
    if (v <= 4) {
      return "3";
    }
    return "4";
  }

  private static String signedBin(double v) {
    return (v < 0 ? "-" : "+") + bin(Math.abs(v));
  }

  /**
   * The vocabulary indexes of the features that are in {@code vocabulary}, sorted ascending (unknown
   * features are dropped).
   */
  public static int[] indexes(List<String> features, Map<String, Integer> vocabulary) {
    int[] out = new int[features.size()];
    int n = 0;
    for (String f : features) {
      Integer i = vocabulary.get(f);
      if (i != null) {
        out[n++] = i;
      }
    }
    int[] x = Arrays.copyOf(out, n);
    Arrays.sort(x);
    return x;
  }
}
