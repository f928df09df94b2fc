package org.verbatim.bench;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.codebook.Theme;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Token;

/**
 * Data-driven cue mining (issue 12, fourth round): from coded social-care comments, proposes per theme the words,
 * word families ({@code decid*}) and two- or three-word phrases whose presence predicts the theme where the codebook
 * misses it, in the codebook's cue syntax with a weight and, where the coders' polarity is one-sided, a polarity.
 *
 * <p>A candidate is counted once per comment. For a theme, its <em>gain</em> is the number of comments where it
 * occurs, the theme is coded and the codebook does not find the theme; its <em>false hits</em> the comments where
 * it occurs, the theme is not coded and the codebook does not find it (where the codebook already finds the theme a
 * new cue changes nothing). A candidate is proposed when its gain reaches {@code --min-support}, its precision
 * {@code gain / (gain + false hits)} reaches {@code --min-precision} (with {@code --z Z} above 0: the lower bound of
 * its Wilson interval at Z standard errors, which asks more of rare candidates) and its gain comes from at least
 * {@code --min-sets} of the training sets. Filtered out: stop words, words of fewer than three letters, names
 * (words capitalised inside a sentence in most of their uses), setting words with no theme meaning (family,
 * services, places, times), phrases that open or close on a function word, and a phrase or word whose gain lies
 * inside that of a proposed word or family it contains (the shorter cue already covers it).
 *
 * <p>Modes:
 * <ul>
 *   <li>{@code --mode lofo} (default): leave one set out. For each of the four coded sets ({@code dev}, {@code final},
 *       {@code check}, {@code check2}), mine on the other three, add the cues to the codebook and score the held-out
 *       set (micro P / R / F1, macro F1, polarity over themes found); once per setting of the grid
 *       ({@code --grid}: min support 2..4 x min precision 0.6..0.9 of the observed precision, or 0.3..0.6 of its
 *       Wilson lower bound at z = 1; min sets 2) or for the given settings.
 *   <li>{@code --mode mine}: mine on the sets named by {@code --sets} (default all four), print the cues as TSV
 *       ({@code --tsv FILE}) and write the codebook with them added ({@code --out FILE.yaml}).
 * </ul>
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.CueMining [--mode lofo|mine]
 * [--min-support 3] [--min-precision 0.7] [--z 0] [--min-sets 2] [--weight 1] [--grid] [--sets dev,final,check,check2]
 * [--codebook FILE.yaml] [--review FILE.tsv] [--per-cue] [--out FILE.yaml] [--tsv FILE]} from the repository root (the
 * default codebook is {@code codebooks/src/main/resources/org/verbatim/codebooks/social-care.yaml}). With
 * {@code --review} (e.g. {@code socialcare/round4/review.tsv}) only the cues the review keeps are used, in both modes;
 * {@code --per-cue} prints, per held-out set, where each cue occurs and the codebook misses its theme. The results of
 * the fourth round: {@code benchmarks/README.md}, section 7. Prints no comment text. Stateless.
 */
public final class CueMining {

  /** The coded social-care sets, by name. */
  static final Map<String, String> SETS = new LinkedHashMap<>();

  static {
    SETS.put("dev", "/org/verbatim/bench/socialcare/dev.csv");
    SETS.put("final", "/org/verbatim/bench/socialcare/final.csv");
    SETS.put("check", "/org/verbatim/bench/socialcare/check/check.csv");
    SETS.put("check2", "/org/verbatim/bench/socialcare/check2/check.csv");
  }

  private static final Pattern WORD = Pattern.compile("[a-z]+");

  /** Stop words: never a cue alone, and a phrase needs a word outside them. */
  static final Set<String> STOP = Set.copyOf(List.of((
      "a an the and or but so if then than that this these those there here it its it's i me my mine myself we us our"
          + " ours you your yours he him his she her hers they them their theirs one ones who whom whose which what"
          + " when where why how all any both each few more most other some such no nor not only own same too very"
          + " can will just should now is am are was were be been being have has had having do does did doing would"
          + " could might must shall may of to in on at by for with about against between into through during before"
          + " after above below from up down out off over under again further once also as until while because get"
          + " got gets getting go goes going went gone come came comes coming say said says make made take took"
          + " know knew think thought see saw seen want wanted need needed way thing things lot lots really quite"
          + " still even ever much many well back yes yeah ok okay just like im ive dont didnt cant wont lets s t"
          + " re ve ll d m").split(" ")));

  /** Setting words: the people, services, places and times of social care, with no theme meaning of their own. */
  static final Set<String> SETTING = Set.copyOf(List.of((
      "mum mom mother dad father son sons daughter daughters husband wife partner brother sister brothers sisters"
          + " nan nana gran grandma granddad grandad grandson granddaughter grandchildren aunt uncle family families"
          + " child children kid kids baby babies boy boys girl girls parent parents carer carers foster fostering"
          + " social worker workers care service services team staff agency council local authority hospital school"
          + " home homes house flat room office centre center day days week weeks weekend month months year years"
          + " time times today yesterday morning afternoon evening night monday tuesday wednesday thursday friday"
          + " saturday sunday january february march april may june july august september october november december"
          + " old age aged people person man woman men women lady he she him her mr mrs ms miss dr"
          + " first second third two three four five six seven eight nine ten last next new").split(" ")));

  /** Words a phrase may not open on. */
  private static final Set<String> BAD_START = Set.copyOf(List.of((
      "the a an and or but so because of to in on at for with from by"
      + " as that which who it this is was were are be been").split(" ")));

  /** Words a phrase may not close on. */
  private static final Set<String> BAD_END = Set.copyOf(List.of((
      "the a an and or but so because my his her their our your its of"
      + " in on at for with from by as that which who i we you he she they it is was were are be been this am has"
      + " have had do did does").split(" ")));

  /** Suffixes stripped to find a word family's prefix, longest first. */
  private static final String[] SUFFIXES = {"ations", "ation", "ingly", "ings", "ing", "edly", "ed", "ers", "er",
      "ies", "es", "ly", "ments", "ment", "ness", "fully", "ful", "s", "e", "y"};

  /** Shortest word-family prefix. */
  static final int MIN_PREFIX = 5;

  private CueMining() {}

  /** The miner's settings. */
  record Settings(int minSupport, double minPrecision, int minSets, double weight, double z) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "support>=%d precision>=%.2f (z %.1f) sets>=%d weight %.1f", minSupport,
          minPrecision, z, minSets, weight);
    }

    /** True when the precision of {@code gain} hits in {@code gain + falseHits}, less z standard errors, passes. */
    boolean precise(int gain, int falseHits) {
      double n = gain + falseHits;
      double p = gain / n;
      if (z == 0) {
        return p >= minPrecision;
      }
      // Wilson score interval, lower bound
      double z2 = z * z;
      double lower = (p + z2 / (2 * n) - z * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))) / (1 + z2 / n);
      return lower >= minPrecision;
    }
  }

  /** One proposed cue. */
  record Mined(String theme, String pattern, Polarity polarity, double weight, int gain, int falseHits, int sets) {
    String yaml() {
      StringBuilder b = new StringBuilder("{pattern: \"").append(pattern).append('"');
      if (polarity != null) {
        b.append(", polarity: ").append(polarity.name().toLowerCase(Locale.ROOT));
      }
      if (weight != 1.0) {
        b.append(", weight: ")
            .append(weight == Math.rint(weight) ? Long.toString((long) weight) : Double.toString(weight));
      }
      return b.append('}').toString();
    }
  }

  /** A coded comment as the miner sees it: candidate keys and the codebook's themes. */
  private record Doc(int set, Set<String> labels, Map<String, Polarity> polarity, Set<String> predicted,
                     List<List<Token>> sentences) {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("mode", "min-support", "min-precision", "min-sets", "weight", "z", "sets",
        "codebook", "review",
        "out", "tsv"), List.of("grid", "per-cue"));
    Path codebookFile = a.path("codebook").orElse(Path.of(
        "codebooks/src/main/resources/org/verbatim/codebooks/social-care.yaml"));
    String yaml = Files.readString(codebookFile, StandardCharsets.UTF_8);
    Codebook base = CodebookLoader.load(codebookFile);
    RulePipeline pipeline = RulePipeline.create();
    CodebookClassifier baseClassifier = CodebookClassifier.create(base, pipeline);
    Map<String, List<ZeroShotGold.Row>> sets = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : SETS.entrySet()) {
      sets.put(e.getKey(), SocialCareDev.rows(e.getValue()));
    }
    Settings given = new Settings(a.intValue("min-support", 3), Double.parseDouble(a.value("min-precision", "0.7")),
        a.intValue("min-sets", 2), Double.parseDouble(a.value("weight", "1")), Double.parseDouble(a.value("z", "0")));
    Map<String, String[]> review = a.path("review").isPresent() ? readReview(a.path("review").get()) : null;
    String mode = a.value("mode", "lofo");
    if (mode.equals("mine")) {
      List<String> names = List.of(a.value("sets", String.join(",", SETS.keySet())).split(","));
      List<List<ZeroShotGold.Row>> train = new ArrayList<>();
      for (String n : names) {
        if (!sets.containsKey(n)) {
          throw new IllegalArgumentException("--sets: unknown set '" + n + "' (known: " + SETS.keySet() + ")");
        }
        train.add(sets.get(n));
      }
      List<Mined> cues = reviewed(mine(train, base, baseClassifier, pipeline, given), review);
      StringBuilder tsv = new StringBuilder("theme\tpattern\tpolarity\tweight\tgain\tfalse_hits\tsets\n");
      for (Mined m : cues) {
        tsv.append(m.theme()).append('\t').append(m.pattern()).append('\t')
            .append(m.polarity() == null ? "" : m.polarity().name().toLowerCase(Locale.ROOT)).append('\t')
            .append(m.weight()).append('\t').append(m.gain()).append('\t').append(m.falseHits()).append('\t')
            .append(m.sets()).append('\n');
      }
      if (a.path("tsv").isPresent()) {
        Files.writeString(a.path("tsv").get(), tsv, StandardCharsets.UTF_8);
      } else {
        System.out.print(tsv);
      }
      if (a.path("out").isPresent()) {
        Files.writeString(a.path("out").get(), withCues(yaml, cues, "mined from " + String.join(", ", names)),
            StandardCharsets.UTF_8);
      }
      System.out.println(cues.size() + " cues, " + given + ", mined from " + names);
      return;
    }
    List<Settings> grid = new ArrayList<>();
    if (a.flag("grid")) {
      for (double z : new double[] {0, 1}) {
        for (int s = 2; s <= 4; s++) {
          for (double p : z == 0 ? new double[] {0.6, 0.7, 0.8, 0.9} : new double[] {0.3, 0.4, 0.5, 0.6}) {
            grid.add(new Settings(s, p, 2, given.weight(), z));
          }
        }
      }
    } else {
      grid.add(given);
    }
    Map<String, String> baseRows = new LinkedHashMap<>();
    for (String held : SETS.keySet()) {
      baseRows.put(held, score(sets.get(held), baseClassifier));
    }
    System.out.println("codebook " + base.id() + " " + base.version() + ", FAST profile; leave one set out"
        + (review == null ? "" : "; mined cues kept only as the review decides"));
    System.out.println("| settings | held out | cues | micro P / R / F1 | macro F1 | polarity (correct/found) |");
    System.out.println("|---|---|---:|---|---|---|");
    for (String held : SETS.keySet()) {
      System.out.println("| codebook alone | " + held + " | 0 | " + baseRows.get(held) + " |");
    }
    for (Settings st : grid) {
      double sumMicro = 0;
      double sumMacro = 0;
      for (String held : SETS.keySet()) {
        List<List<ZeroShotGold.Row>> train = new ArrayList<>();
        sets.forEach((n, rows) -> {
          if (!n.equals(held)) {
            train.add(rows);
          }
        });
        List<Mined> cues = reviewed(mine(train, base, baseClassifier, pipeline, st), review);
        Codebook cb = CodebookLoader.load(new StringReader(withCues(yaml, cues, "lofo")), "mined");
        CodebookClassifier c = CodebookClassifier.create(cb, pipeline);
        String row = score(sets.get(held), c);
        if (a.flag("per-cue")) {
          System.out.println(perCue(held, sets.get(held), cues, base, baseClassifier, pipeline));
        }
        if (!held.equals("dev")) {
          MultiLabelReport m = report(sets.get(held), c);
          sumMicro += m.microF1();
          sumMacro += m.macroF1();
        }
        System.out.println("| " + st + " | " + held + " | " + cues.size() + " | " + row + " |");
      }
      System.out.println(String.format(Locale.ROOT, "| %s | mean of final, check, check2 | | F1 %.3f | %.3f | |", st,
          sumMicro / 3, sumMacro / 3));
      System.out.flush();
    }
  }

  /**
   * Mines cues from the training sets.
   *
   * @param train the coded sets, each a list of rows
   * @param base the codebook the cues are added to (its themes; its misses decide the gain)
   */
  static List<Mined> mine(List<List<ZeroShotGold.Row>> train, Codebook base, CodebookClassifier baseClassifier,
                          RulePipeline pipeline, Settings st) {
    return mine(train, base, baseClassifier, pipeline, st, null);
  }

  /**
   * Mines cues, or with {@code only} (keys {@code theme TAB pattern}) counts just those candidates, with no threshold
   * and no pruning.
   */
  static List<Mined> mine(List<List<ZeroShotGold.Row>> train, Codebook base, CodebookClassifier baseClassifier,
                          RulePipeline pipeline, Settings st, Set<String> only) {
    List<String> themes = new ArrayList<>();
    for (Theme t : base.themes()) {
      themes.add(t.id());
    }
    List<Doc> docs = new ArrayList<>();
    Map<String, int[]> caps = new HashMap<>(); // norm -> {capitalised inside a sentence, uses inside a sentence}
    for (int s = 0; s < train.size(); s++) {
      for (ZeroShotGold.Row r : train.get(s)) {
        AnalyzedText at = pipeline.analyze(r.text());
        List<List<Token>> sentences = new ArrayList<>();
        for (AnalyzedText.TokenRange range : at.sentences()) {
          List<Token> sent = at.tokens().subList(range.firstToken(), range.endToken());
          sentences.add(sent);
          for (int i = 1; i < sent.size(); i++) {
            Token t = sent.get(i);
            if (!t.text().isEmpty() && WORD.matcher(t.norm()).matches()) {
              int[] c = caps.computeIfAbsent(t.norm(), k -> new int[2]);
              c[1]++;
              if (Character.isUpperCase(t.text().charAt(0)) && !t.norm().equals("i")) {
                c[0]++;
              }
            }
          }
        }
        Set<String> predicted = new HashSet<>();
        for (ThemeTag tag : baseClassifier.classify(at).tags()) {
          predicted.add(tag.themeId());
        }
        docs.add(new Doc(s, r.labels(), r.polarity(), predicted, sentences));
      }
    }
    Set<String> names = new HashSet<>();
    caps.forEach((w, c) -> {
      if (c[1] > 0 && c[0] * 2 > c[1]) {
        names.add(w);
      }
    });
    // word families: prefixes of stripped word forms
    Set<String> prefixes = new HashSet<>();
    for (Doc d : docs) {
      for (List<Token> sent : d.sentences()) {
        for (Token t : sent) {
          if (usableWord(t.norm(), names)) {
            String stem = stem(t.norm());
            if (stem.length() >= MIN_PREFIX) {
              prefixes.add(stem);
            }
          }
        }
      }
    }
    int nThemes = themes.size();
    Set<String> existing = new HashSet<>();
    for (Theme t : base.themes()) {
      t.cues().forEach(c -> existing.add(t.id() + "\t" + c.pattern().source()));
    }
    // per candidate: per theme {gain, false hits, positive, negative, set bits}
    Map<String, int[]> counts = new HashMap<>();
    Map<String, BitSet[]> gainDocs = new HashMap<>();
    for (int di = 0; di < docs.size(); di++) {
      Doc d = docs.get(di);
      Set<String> cands = candidates(d, names, prefixes);
      for (String c : cands) {
        int[] k = counts.computeIfAbsent(c, x -> new int[nThemes * 5]);
        for (int t = 0; t < nThemes; t++) {
          String theme = themes.get(t);
          if (d.predicted().contains(theme)) {
            continue;
          }
          if (d.labels().contains(theme)) {
            k[t * 5]++;
            Polarity p = d.polarity().get(theme);
            if (p == Polarity.POSITIVE) {
              k[t * 5 + 2]++;
            } else if (p == Polarity.NEGATIVE) {
              k[t * 5 + 3]++;
            }
            k[t * 5 + 4] |= 1 << d.set();
            BitSet[] g = gainDocs.computeIfAbsent(c, x -> new BitSet[nThemes]);
            if (g[t] == null) {
              g[t] = new BitSet();
            }
            g[t].set(di);
          } else {
            k[t * 5 + 1]++;
          }
        }
      }
    }
    List<Mined> proposed = new ArrayList<>();
    for (Map.Entry<String, int[]> e : counts.entrySet()) {
      int[] k = e.getValue();
      for (int t = 0; t < nThemes; t++) {
        int gain = k[t * 5];
        int fp = k[t * 5 + 1];
        int nsets = Integer.bitCount(k[t * 5 + 4]);
        if (only != null) {
          if (only.contains(themes.get(t) + "\t" + e.getKey())) {
            proposed.add(new Mined(themes.get(t), e.getKey(), null, 1, k[t * 5], k[t * 5 + 1], 0));
          }
          continue;
        }
        if (existing.contains(themes.get(t) + "\t" + e.getKey())) {
          continue;
        }
        if (gain >= st.minSupport() && st.precise(gain, fp) && nsets >= st.minSets()) {
          Polarity pol = null;
          int pos = k[t * 5 + 2];
          int neg = k[t * 5 + 3];
          if (pos >= st.minSupport() && pos >= 0.85 * gain) {
            pol = Polarity.POSITIVE;
          } else if (neg >= st.minSupport() && neg >= 0.85 * gain) {
            pol = Polarity.NEGATIVE;
          }
          proposed.add(new Mined(themes.get(t), e.getKey(), pol, st.weight(), gain, fp, nsets));
        }
      }
    }
    // shorter cues first (families, words, then phrases), then by gain: a longer cue whose gain lies inside that of a
    // kept cue it contains adds nothing
    proposed.sort(Comparator.comparingInt((Mined m) -> m.pattern().split(" ").length)
        .thenComparing(m -> !m.pattern().endsWith("*"))
        .thenComparing(Comparator.comparingInt(Mined::gain).reversed())
        .thenComparing(Mined::theme).thenComparing(Mined::pattern));
    if (only != null) {
      return proposed;
    }
    List<Mined> kept = new ArrayList<>();
    for (Mined m : proposed) {
      int t = themes.indexOf(m.theme());
      BitSet mine = gainDocs.get(m.pattern())[t];
      boolean covered = false;
      for (Mined k : kept) {
        if (k.theme().equals(m.theme()) && contains(m.pattern(), k.pattern())) {
          BitSet rest = (BitSet) mine.clone();
          rest.andNot(gainDocs.get(k.pattern())[t]);
          if (rest.isEmpty()) {
            covered = true;
            break;
          }
        }
      }
      if (!covered) {
        kept.add(m);
      }
    }
    kept.sort(Comparator.comparing(Mined::theme).thenComparing(Comparator.comparingInt(Mined::gain).reversed())
        .thenComparing(Mined::pattern));
    return kept;
  }

  /**
   * Where each mined cue falls on a held-out set: the comments where it occurs and the codebook misses its theme,
   * coded with the theme (hit) or not (false hit). A diagnostic for the write-up, not for choosing settings.
   */
  static String perCue(String held, List<ZeroShotGold.Row> rows, List<Mined> cues, Codebook base,
                       CodebookClassifier baseClassifier, RulePipeline pipeline) {
    Set<String> keys = new HashSet<>();
    cues.forEach(m -> keys.add(m.theme() + "\t" + m.pattern()));
    Map<String, Mined> everything = new HashMap<>();
    for (Mined m : mine(List.of(rows), base, baseClassifier, pipeline, new Settings(1, 0, 1, 1, 0), keys)) {
      everything.put(m.theme() + "\t" + m.pattern(), m);
    }
    StringBuilder b = new StringBuilder();
    for (Mined m : cues) {
      Mined h = everything.get(m.theme() + "\t" + m.pattern());
      b.append("|   | ").append(held).append(" | ").append(m.theme()).append(' ').append(m.pattern()).append(" | hits ")
          .append(h == null ? 0 : h.gain()).append(", false hits ").append(h == null ? 0 : h.falseHits())
          .append(" |\n");
    }
    return b.toString().stripTrailing();
  }

  /**
   * Reads a review of mined cues: a TSV with the columns {@code theme, pattern, decision, reason}, the decision one of
   * {@code keep}, {@code keep-no-polarity}, {@code weaken} (no polarity, weight at most 0.5: counts only beside
   * another cue of the theme), {@code drop} or {@code narrow:PATTERN}.
   *
   * @throws IOException if the file cannot be read or a line is malformed (named by file and line)
   */
  static Map<String, String[]> readReview(Path file) throws IOException {
    Map<String, String[]> out = new HashMap<>();
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isBlank()) {
        continue;
      }
      String[] f = lines.get(i).split("\t", -1);
      if (f.length < 3 || !(f[2].equals("keep") || f[2].equals("keep-no-polarity") || f[2].equals("drop")
          || f[2].equals("weaken")
          || f[2].startsWith("narrow:") && f[2].length() > "narrow:".length())) {
        throw new IOException(file + ": line " + (i + 1) + ": field 'decision' must be keep, keep-no-polarity, drop"
            + " or narrow:PATTERN after the theme and the pattern");
      }
      out.put(f[0] + "\t" + f[1], f);
    }
    return out;
  }

  /**
   * The cues as the review decides; a cue the review does not name is dropped (only reviewed cues are kept).
   * Without a review, the cues unchanged.
   */
  static List<Mined> reviewed(List<Mined> cues, Map<String, String[]> review) {
    if (review == null) {
      return cues;
    }
    List<Mined> out = new ArrayList<>();
    for (Mined m : cues) {
      String[] r = review.get(m.theme() + "\t" + m.pattern());
      if (r == null || r[2].equals("drop")) {
        continue;
      }
      if (r[2].equals("keep-no-polarity")) {
        out.add(new Mined(m.theme(), m.pattern(), null, m.weight(), m.gain(), m.falseHits(), m.sets()));
      } else if (r[2].equals("weaken")) {
        out.add(new Mined(m.theme(), m.pattern(), null, Math.min(0.5, m.weight()), m.gain(), m.falseHits(), m.sets()));
      } else if (r[2].startsWith("narrow:")) {
        out.add(new Mined(m.theme(), r[2].substring("narrow:".length()), m.polarity(), m.weight(), m.gain(),
            m.falseHits(), m.sets()));
      } else {
        out.add(m);
      }
    }
    return out;
  }

  /** True when cue {@code shorter} matches inside every match of {@code longer}. */
  static boolean contains(String longer, String shorter) {
    if (longer.equals(shorter)) {
      return false;
    }
    for (String w : longer.split(" ")) {
      if (shorter.endsWith("*") ? w.startsWith(shorter.substring(0, shorter.length() - 1)) : w.equals(shorter)) {
        return true;
      }
    }
    return (" " + longer + " ").contains(" " + shorter + " ");
  }

  /** The candidate keys of a comment: words, word families ({@code stem*}), two- and three-word phrases. */
  private static Set<String> candidates(Doc d, Set<String> names, Set<String> prefixes) {
    Set<String> out = new HashSet<>();
    for (List<Token> sent : d.sentences()) {
      for (int i = 0; i < sent.size(); i++) {
        String w = sent.get(i).norm();
        if (!WORD.matcher(w).matches()) {
          continue;
        }
        if (content(w, names)) {
          out.add(w);
          for (int len = MIN_PREFIX; len <= w.length(); len++) {
            String p = w.substring(0, len);
            if (prefixes.contains(p)) {
              out.add(p + "*");
            }
          }
        }
        if (BAD_START.contains(w) || names.contains(w)) {
          continue;
        }
        StringBuilder phrase = new StringBuilder(w);
        boolean hasContent = content(w, names);
        for (int j = i + 1; j < Math.min(sent.size(), i + 3); j++) {
          String v = sent.get(j).norm();
          if (!WORD.matcher(v).matches() || names.contains(v)) {
            break;
          }
          phrase.append(' ').append(v);
          hasContent |= content(v, names);
          if (hasContent && !BAD_END.contains(v)) {
            out.add(phrase.toString());
          }
        }
      }
    }
    return out;
  }

  private static boolean usableWord(String w, Set<String> names) {
    return WORD.matcher(w).matches() && content(w, names);
  }

  /** A word that can carry a theme: letters only, three or more, no stop word, setting word or name. */
  static boolean content(String w, Set<String> names) {
    return w.length() >= 3 && !STOP.contains(w) && !SETTING.contains(w) && !names.contains(w);
  }

  /** The word with one common suffix stripped (a word family's prefix). */
  static String stem(String w) {
    for (String s : SUFFIXES) {
      if (w.endsWith(s) && w.length() - s.length() >= MIN_PREFIX) {
        return w.substring(0, w.length() - s.length());
      }
    }
    return w;
  }

  /**
   * The codebook's YAML with the cues added at the head of each theme's {@code cues:} list, under a comment.
   *
   * @throws IllegalArgumentException if a theme of the cues has no {@code cues:} list in the YAML
   */
  static String withCues(String yaml, List<Mined> cues, String source) {
    Map<String, List<Mined>> byTheme = new LinkedHashMap<>();
    for (Mined m : cues) {
      byTheme.computeIfAbsent(m.theme(), k -> new ArrayList<>()).add(m);
    }
    String[] lines = yaml.split("\n", -1);
    StringBuilder out = new StringBuilder(yaml.length() + cues.size() * 60);
    String theme = null;
    Set<String> done = new HashSet<>();
    for (String line : lines) {
      out.append(line).append('\n');
      if (line.startsWith("  - id: ")) {
        theme = line.substring("  - id: ".length()).strip();
      }
      if (line.equals("    cues:") && theme != null && byTheme.containsKey(theme) && done.add(theme)) {
        out.append("      # ").append(source).append('\n');
        for (Mined m : byTheme.get(theme)) {
          out.append("      - ").append(m.yaml()).append('\n');
        }
      }
    }
    for (String t : byTheme.keySet()) {
      if (!done.contains(t)) {
        throw new IllegalArgumentException("theme '" + t + "' has no 'cues:' list in the codebook");
      }
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }

  private static MultiLabelReport report(List<ZeroShotGold.Row> rows, CodebookClassifier c) {
    List<Set<String>> predicted = new ArrayList<>();
    for (ZeroShotGold.Row r : rows) {
      Set<String> themes = new HashSet<>();
      for (ThemeTag t : c.classify(r.text()).tags()) {
        themes.add(t.themeId());
      }
      predicted.add(themes);
    }
    return MultiLabelMetrics.compute(rows.stream().map(ZeroShotGold.Row::labels).toList(), predicted);
  }

  private static String score(List<ZeroShotGold.Row> rows, CodebookClassifier c) {
    MultiLabelReport m = report(rows, c);
    Map<DocumentTheme, Polarity> gold = new HashMap<>();
    Map<DocumentTheme, Polarity> pred = new HashMap<>();
    for (ZeroShotGold.Row r : rows) {
      r.polarity().forEach((t, p) -> gold.put(new DocumentTheme(r.key(), t), p));
      for (ThemeTag t : c.classify(r.text()).tags()) {
        pred.put(new DocumentTheme(r.key(), t.themeId()), t.polarity());
      }
    }
    PolarityReport p = PolarityMetrics.compute(gold, pred);
    return String.format(Locale.ROOT, "%.3f / %.3f / %.3f | %.3f | %.3f (%d/%d)", m.microPrecision(),
        m.microRecall(), m.microF1(), m.macroF1(), p.accuracyFound(), p.correct(), p.foundPairs());
  }
}
