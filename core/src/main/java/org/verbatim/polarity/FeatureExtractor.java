package org.verbatim.polarity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.verbatim.classify.SentimentLexicon;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Clause;
import org.verbatim.text.Token;

/**
 * Turns a (comment, theme) pair into binary feature names: first the theme's evidence clauses are located
 * with {@link ThemeAssociation}, then features are drawn from them.
 *
 * <p>Immutable and thread-safe.
 */
final class FeatureExtractor {

  /** A clause is evidence when its best word ratio reaches this floor ... */
  static final double MIN_EVIDENCE_RATIO = 1.0;
  /** ... and is within this fraction of the best clause's. */
  static final double NEAR_BEST = 0.75;

  private final ThemeAssociation association;
  private final SentimentLexicon lexicon;
  private final PolarityOptions options;

  FeatureExtractor(ThemeAssociation association, SentimentLexicon lexicon, PolarityOptions options) {
    this.association = association;
    this.lexicon = lexicon;
    this.options = options;
  }

  /** Indexes of the evidence clauses of a theme (all clauses when none stands out), in text order. */
  List<Integer> evidence(AnalyzedText a, String themeId) {
    List<Clause> clauses = a.clauses();
    List<Integer> all = new ArrayList<>();
    for (int c = 0; c < clauses.size(); c++) {
      all.add(c);
    }
    if (!options.evidenceClauses() || clauses.size() <= 1) {
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
  List<String> features(AnalyzedText a, String themeId) {
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
        if (options.themeConjunctions()) {
          f.add("tw:" + themeId + "|" + w);
        }
        if (options.bigrams()) {
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
      if (options.bigrams()) {
        f.add("b:" + prev + "_</c>");
      }
    }
    if (options.themeConjunctions()) {
      f.add("t:" + themeId);
    }
    if (options.lexicon()) {
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
      if (options.themeConjunctions()) {
        f.add("tc:" + themeId + "|" + (f.contains("c:after") ? "after" : f.contains("c:before") ? "before" : "none"));
      }
    }
    if (options.contextWords()) {
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
}
