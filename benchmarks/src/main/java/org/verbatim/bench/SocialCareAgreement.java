package org.verbatim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Polarity;
import org.verbatim.eval.Agreement;
import org.verbatim.eval.LabelSets;
import org.verbatim.eval.LabelStats;

/**
 * Inter-coder agreement of the social-care development set ({@code bench/socialcare/coding/}): per theme Cohen's
 * kappa and Krippendorff's alpha between coder A and coder B (present / absent per comment), pooled alpha over
 * every (comment, theme) cell, micro-F1 of one coder against the other, and polarity agreement on the themes both
 * coders gave (exact share, Cohen's kappa and Krippendorff's alpha over positive / negative / mixed / neutral).
 * Each coder is also scored against the adjudicated consensus. Reads ids, labels and polarity codes only.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.SocialCareAgreement}; prints a
 * Markdown report. Stateless and thread-safe.
 */
public final class SocialCareAgreement {

  /** The class-path folder of the set. */
  static final String DIR = "/org/verbatim/bench/socialcare/coding/";

  /** The ten theme ids of the default codebook, in the codebook's order. */
  static final List<String> THEMES = List.of(
      "respect", "honesty", "power", "listening", "clarity", "reliability", "empathy", "fairness", "support",
      "competence");

  /**
   * One coder's codes of one comment.
   *
   * @param labels the themes
   * @param polarity the polarity of each theme
   */
  record Codes(Set<String> labels, Map<String, Polarity> polarity) {}

  /**
   * Agreement on one theme.
   *
   * @param theme the theme id
   * @param both comments both coders gave the theme
   * @param firstOnly comments only the first coder gave it
   * @param secondOnly comments only the second coder gave it
   * @param kappa Cohen's kappa (NaN when undefined)
   * @param alpha Krippendorff's alpha, nominal (NaN when undefined)
   */
  record ThemeAgreement(String theme, int both, int firstOnly, int secondOnly, double kappa, double alpha) {}

  /**
   * The agreement figures of two codings of the same comments.
   *
   * @param comments comments coded by both
   * @param themes per-theme agreement, in {@link #THEMES} order
   * @param pooledAlpha Krippendorff's alpha over every (comment, theme) cell
   * @param microF1 micro-F1 of the second coder's themes against the first's (symmetric)
   * @param macroKappa mean of the per-theme kappas
   * @param exactComments share of comments with the same theme set
   * @param polarityPairs themes both coders gave
   * @param polarityAgree of those, the pairs with the same polarity
   * @param polarityKappa Cohen's kappa of the polarity on those pairs
   * @param polarityAlpha Krippendorff's alpha (nominal) of the polarity on those pairs
   */
  record Figures(int comments, List<ThemeAgreement> themes, double pooledAlpha, double microF1, double macroKappa,
      double exactComments, int polarityPairs, int polarityAgree, double polarityKappa, double polarityAlpha) {}

  private SocialCareAgreement() {}

  /**
   * Reads a coding file {@code id,labels,polarity} (polarity: {@code theme:polarity} joined by {@code ;}).
   *
   * @param name the file name, for error messages
   * @throws IOException if a row is malformed or an id repeats; the message names the file and line
   */
  static Map<String, Codes> read(String name, Reader in) throws IOException {
    Map<String, Codes> out = new LinkedHashMap<>();
    try (CSVParser p = CSVParser.builder().setReader(in)
        .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      for (String col : List.of("id", "labels", "polarity")) {
        if (!p.getHeaderMap().containsKey(col)) {
          throw new IOException(name + ": line 1: missing column '" + col + "', expected id,labels,polarity");
        }
      }
      for (CSVRecord rec : p) {
        long line = p.getCurrentLineNumber();
        Set<String> labels = LabelSets.parse(rec.get("labels"));
        Map<String, Polarity> pol = new HashMap<>();
        for (String pair : rec.get("polarity").split(";")) {
          if (pair.isBlank()) {
            continue;
          }
          int colon = pair.indexOf(':');
          String theme = colon < 0 ? "" : pair.substring(0, colon).strip();
          if (!labels.contains(theme)) {
            throw new IOException(name + ": line " + line + ": polarity entry '" + pair.strip()
                + "' must be theme:polarity for a theme of the labels column");
          }
          try {
            pol.put(theme, Polarity.parse(pair.substring(colon + 1).strip()));
          } catch (IllegalArgumentException e) {
            throw new IOException(name + ": line " + line + ": " + e.getMessage(), e);
          }
        }
        if (out.put(rec.get("id").strip(), new Codes(labels, pol)) != null) {
          throw new IOException(name + ": line " + line + ": duplicate id '" + rec.get("id").strip() + "'");
        }
      }
    }
    return out;
  }

  /**
   * The agreement of two codings over the comments both coded, on the given themes.
   *
   * @throws IllegalArgumentException if the codings share no comment
   */
  static Figures compare(Map<String, Codes> first, Map<String, Codes> second, List<String> themes) {
    Objects.requireNonNull(first, "first");
    Objects.requireNonNull(second, "second");
    List<String> ids = new ArrayList<>();
    for (String id : first.keySet()) {
      if (second.containsKey(id)) {
        ids.add(id);
      }
    }
    if (ids.isEmpty()) {
      throw new IllegalArgumentException("the two codings share no comment id");
    }
    int n = ids.size();
    List<ThemeAgreement> per = new ArrayList<>();
    long a = 0;
    long b = 0;
    long c = 0;
    double kappaSum = 0;
    for (String t : themes) {
      int both = 0;
      int firstOnly = 0;
      int secondOnly = 0;
      for (String id : ids) {
        boolean x = first.get(id).labels().contains(t);
        boolean y = second.get(id).labels().contains(t);
        both += x && y ? 1 : 0;
        firstOnly += x && !y ? 1 : 0;
        secondOnly += !x && y ? 1 : 0;
      }
      int neither = n - both - firstOnly - secondOnly;
      double kappa = Agreement.cohenKappa(both, firstOnly, secondOnly, neither);
      per.add(new ThemeAgreement(t, both, firstOnly, secondOnly, kappa,
          Agreement.krippendorffAlphaBinary(both, firstOnly, secondOnly, neither)));
      kappaSum += kappa;
      a += both;
      b += firstOnly;
      c += secondOnly;
    }
    long d = (long) n * themes.size() - a - b - c;
    int exact = 0;
    List<Integer> polFirst = new ArrayList<>();
    List<Integer> polSecond = new ArrayList<>();
    for (String id : ids) {
      Codes x = first.get(id);
      Codes y = second.get(id);
      Set<String> xs = new LinkedHashSet<>(x.labels());
      xs.retainAll(themes);
      Set<String> ys = new LinkedHashSet<>(y.labels());
      ys.retainAll(themes);
      exact += xs.equals(ys) ? 1 : 0;
      for (String t : xs) {
        Polarity px = x.polarity().get(t);
        Polarity py = y.polarity().get(t);
        if (ys.contains(t) && px != null && py != null) {
          polFirst.add(px.ordinal());
          polSecond.add(py.ordinal());
        }
      }
    }
    int pairs = polFirst.size();
    int agree = 0;
    int[] pf = new int[pairs];
    int[] ps = new int[pairs];
    for (int i = 0; i < pairs; i++) {
      pf[i] = polFirst.get(i);
      ps[i] = polSecond.get(i);
      agree += pf[i] == ps[i] ? 1 : 0;
    }
    return new Figures(n, per, Agreement.krippendorffAlphaBinary(a, b, c, d), LabelStats.of((int) a, (int) c, (int) b).f1(),
        kappaSum / themes.size(), (double) exact / n, pairs, agree, Agreement.cohenKappa(pf, ps),
        Agreement.krippendorffAlphaNominal(new int[][] {pf, ps}));
  }

  /** The figures as a Markdown report. */
  static String markdown(String title, Figures f) {
    StringBuilder sb = new StringBuilder();
    sb.append("## ").append(title).append(" (").append(f.comments()).append(" comments)\n\n");
    sb.append("| theme | both | first only | second only | Cohen's kappa | Krippendorff's alpha |\n");
    sb.append("|---|---:|---:|---:|---:|---:|\n");
    for (ThemeAgreement t : f.themes()) {
      sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.3f | %.3f |%n", t.theme(), t.both(),
          t.firstOnly(), t.secondOnly(), t.kappa(), t.alpha()));
    }
    sb.append(String.format(Locale.ROOT, "%n- micro-F1 between the codings: %.3f%n", f.microF1()));
    sb.append(String.format(Locale.ROOT, "- mean per-theme kappa: %.3f; pooled Krippendorff's alpha (comment x theme): %.3f%n",
        f.macroKappa(), f.pooledAlpha()));
    sb.append(String.format(Locale.ROOT, "- comments with the same theme set: %.3f%n", f.exactComments()));
    sb.append(String.format(Locale.ROOT,
        "- polarity on the %d themes both gave: agreement %.3f (%d/%d), Cohen's kappa %.3f, Krippendorff's alpha %.3f%n%n",
        f.polarityPairs(), (double) f.polarityAgree() / Math.max(1, f.polarityPairs()), f.polarityAgree(),
        f.polarityPairs(), f.polarityKappa(), f.polarityAlpha()));
    return sb.toString();
  }

  private static Map<String, Codes> load(String file) throws IOException {
    InputStream in = SocialCareAgreement.class.getResourceAsStream(DIR + file);
    if (in == null) {
      throw new IOException("coding file " + DIR + file + " is missing from the class path");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      return read(file, r);
    }
  }

  /** Prints the report: coder A against coder B, and each coder against the consensus. No options. */
  public static void main(String[] args) throws IOException {
    Args.parse(args, List.of(), List.of());
    Map<String, Codes> coderA = load("coderA.csv");
    Map<String, Codes> coderB = load("coderB.csv");
    Map<String, Codes> consensus = load("consensus.csv");
    StringBuilder out = new StringBuilder("# Agreement of the social-care development set\n\n");
    out.append(markdown("Coder A against coder B", compare(coderA, coderB, THEMES)));
    out.append(markdown("Coder A against the consensus", compare(consensus, coderA, THEMES)));
    out.append(markdown("Coder B against the consensus", compare(consensus, coderB, THEMES)));
    System.out.print(out);
  }
}
