package org.verbatim.classify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ModelInfo;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.codebook.Codebook;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.Analysis;
import org.verbatim.text.Vocabulary;

/**
 * Zero-shot theme classifier: tags the themes whose codebook cues occur in a comment, with a polarity per
 * theme and the matched words as evidence. No training data is needed.
 *
 * <pre>{@code
 * Codebook codebook = DefaultCodebooks.socialCare();
 * ThemeClassifier c = CodebookClassifier.create(codebook, RulePipeline.create());
 * c.classify("Kind but useless.");
 * // empathy POSITIVE ("Kind"), competence NEGATIVE ("useless")
 * }</pre>
 *
 * <h2>How a comment is scored</h2>
 * <ol>
 *   <li>The {@link CueMatcher} finds cue patterns (longest match wins).
 *   <li>Each match gets a polarity ({@link PolarityRules}): the cue's own polarity, or for a cue without one the
 *       sentiment of its clause (the comment's other words, our lexicon, requests such as "need to", default
 *       positive); then negation flips it when a negator ("not", "never", "n't", "hardly"...) stands shortly
 *       before the cue in the same clause ("never once listened": negative; "not always on time": negative).
 *       A negated complaint cue ("not rude") counts for half: it is no complaint, only faint praise.
 *   <li>A theme's weight {@code w} is the sum of its matches' weights; its score is {@code w / (w + 1)}, so
 *       one clear cue (weight 1) scores 0.5. A theme is tagged when its score reaches
 *       {@link Options#threshold()} (default 0.5).
 *   <li>The theme's polarity is the weighted vote of its matches: {@code MIXED} when praise and complaint
 *       each carry at least {@link Options#mixedShare()} of the weight in a comment with a contrast marker
 *       ("but", "however", "although"...), or when a full-weight (weight at least 1) praising match and a
 *       full-weight complaining one stand in different sentences.
 * </ol>
 * Clauses are cut at punctuation and contrast markers, so "kind but useless" gives two themes of opposite
 * polarity.
 *
 * <p>Immutable and thread-safe: build one and share it. Never logs comment text.
 */
public final class CodebookClassifier implements ThemeClassifier {

  /**
   * Settings of the codebook classifier.
   *
   * @param threshold minimum score in (0, 1] for a theme to be tagged; 0.5 = one clear cue
   * @param mixedShare minimum share in (0, 0.5] of weight that praise and complaint must each carry for a
   *     theme to be {@code MIXED} (in a comment with a contrast marker)
   */
  public record Options(double threshold, double mixedShare) {

    /** The defaults: threshold 0.5, mixed share 0.3. */
    public static final Options DEFAULT = new Options(0.5, 0.3);

    /** @throws IllegalArgumentException if a value is outside its range */
    public Options {
      if (!(threshold > 0 && threshold <= 1)) {
        throw new IllegalArgumentException("threshold must be in (0, 1]: " + threshold);
      }
      if (!(mixedShare > 0 && mixedShare <= 0.5)) {
        throw new IllegalArgumentException("mixedShare must be in (0, 0.5]: " + mixedShare);
      }
    }
  }

  private final Codebook codebook;
  private final TextPipeline pipeline;
  private final Options options;
  private final Vocabulary vocabulary;
  private final CueMatcher matcher;
  private final PolarityRules rules;
  private final ModelInfo info;
  private final ThreadLocal<Work> work;
  /** The theme ids by index. */
  private final String[] themeIds;
  /** The learned layer over the cues, or null. */
  private final WordLayer layer;
  /** Per vocabulary entry, its layer row (see {@link WordLayer#rowsById}); null without a layer. */
  private final int[] layerRow;
  /** The layer's pairs of words by their vocabulary entries (see {@link WordLayer#pairsById}); null without pairs. */
  private final WordLayer.Pairs layerPairs;
  /** Per vocabulary entry, its layer prefix's row (see {@link WordLayer#prefixRowsById}); null without prefixes. */
  private final int[] layerPrefixRow;

  private CodebookClassifier(Codebook codebook, TextPipeline pipeline, Options options, WordLayer layer) {
    this.codebook = Objects.requireNonNull(codebook, "codebook");
    this.layer = layer;
    if (layer != null && !layer.themes().equals(codebook.themeIds())) {
      throw new IllegalArgumentException("the word layer's themes " + layer.themes() + " are not codebook '"
          + codebook.id() + "''s themes in its order " + codebook.themeIds());
    }
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.options = Objects.requireNonNull(options, "options");
    if (codebook.needsLemmas() && pipeline.profile() != Profile.FULL) {
      throw new IllegalArgumentException(
          "codebook '" + codebook.id() + "' has lemma: cue patterns, which need a pipeline with profile FULL, got " + pipeline.profile());
    }
    SentimentLexicon lexicon = SentimentLexicon.english();
    List<String> words = new ArrayList<>();
    List<String> prefixes = new ArrayList<>();
    CueMatcher.collect(codebook, words, prefixes);
    PolarityRules.collect(words);
    lexicon.collect(words, prefixes);
    if (layer != null) {
      // the layer's words become entries too (after the others, so every other entry keeps its id): a token's layer
      // row is then read from the entry it resolves to; prefix cues and sentiment fold into new word entries as into
      // any word's (Vocabulary.prefixes), so the cues match as without the layer
      words.addAll(layer.vocabularyWords());
      prefixes.addAll(layer.vocabularyPrefixes());
    }
    this.vocabulary = Vocabulary.base().extend(words, prefixes);
    this.layerRow = layer == null ? null : layer.rowsById(vocabulary);
    this.layerPairs = layer == null ? null : layer.pairsById(vocabulary);
    this.layerPrefixRow = layer == null ? null : layer.prefixRowsById(vocabulary);
    this.matcher = new CueMatcher(codebook, vocabulary, PolarityRules.NEGATOR_WORDS);
    this.rules = new PolarityRules(lexicon, vocabulary);
    int themes = codebook.themes().size();
    this.themeIds = codebook.themes().stream().map(org.verbatim.codebook.Theme::id).toArray(String[]::new);
    this.work = ThreadLocal.withInitial(() -> new Work(themes));
    Map<String, String> props = new HashMap<>();
    props.put("codebook.id", codebook.id());
    props.put("codebook.version", codebook.version());
    props.put("language", codebook.language());
    props.put("pipeline.profile", pipeline.profile().name().toLowerCase(java.util.Locale.ROOT));
    props.put("threshold", Double.toString(options.threshold()));
    props.put("mixedShare", Double.toString(options.mixedShare()));
    if (layer != null) {
      props.put("layer.words", Integer.toString(layer.words().size()));
      props.put("layer.threshold", Double.toString(layer.threshold()));
      layer.polarity().ifPresent(p -> props.put("layer.polarity.gate", Double.toString(p.gate())));
    }
    this.info = new ModelInfo("codebook", codebook.name(), codebook.version(), codebook.themeIds(), props);
  }

  /** Per-thread working storage: the analysis, the matches and the per-theme sums of the last comment. */
  private static final class Work {
    final Analysis analysis = new Analysis();
    final CueMatcher.Matches matches = new CueMatcher.Matches();
    final double[] weight;
    final double[] pos;
    final double[] neg;
    final double[] neu;
    /** Themes with a match in the comment being classified: {@code touched[0, n)}, each marked in {@code seen}. */
    final boolean[] seen;
    final int[] touched;
    int themes;
    /** Per theme, the sentence of its last full-weight praising and complaining match (-1: none), for the mixed rule. */
    final int[] posSentence;
    final int[] negSentence;
    int[] spanTheme = new int[16];
    int[] spanStart = new int[16];
    int[] spanEnd = new int[16];
    /**
     * The word layer's scratch: its cue-score input and its logits; and per theme whether the cues tagged it (set as
     * the tags are made, cleared with the sums).
     */
    final WordLayer.Scratch layer = new WordLayer.Scratch();
    final double[] cue;
    final double[] logit;
    final boolean[] tagged;
    final int[] layerWords = new int[WordLayer.EVIDENCE_WORDS];

    Work(int themes) {
      cue = new double[themes];
      logit = new double[themes];
      tagged = new boolean[themes];
      weight = new double[themes];
      pos = new double[themes];
      neg = new double[themes];
      neu = new double[themes];
      seen = new boolean[themes];
      touched = new int[themes];
      posSentence = new int[themes];
      negSentence = new int[themes];
    }
  }

  /**
   * A classifier for the codebook on the given pipeline, with default options.
   *
   * @throws IllegalArgumentException if the codebook needs lemmas and the pipeline is not {@link Profile#FULL}
   */
  public static CodebookClassifier create(Codebook codebook, TextPipeline pipeline) {
    return new CodebookClassifier(codebook, pipeline, Options.DEFAULT, null);
  }

  /**
   * A classifier with a learned layer over its cues, built once: as {@code create(codebook, pipeline).withLayer(layer)}
   * without building the cues-only classifier on the way (its vocabulary, matcher and rules), which a start-up pays
   * for.
   *
   * @param layer the layer, trained with this codebook; null for none
   * @throws IllegalArgumentException if the layer's themes are not the codebook's
   */
  public static CodebookClassifier create(Codebook codebook, TextPipeline pipeline, WordLayer layer) {
    return new CodebookClassifier(codebook, pipeline, Options.DEFAULT, layer);
  }

  /** A classifier with explicit options. */
  public static CodebookClassifier create(Codebook codebook, TextPipeline pipeline, Options options) {
    return new CodebookClassifier(codebook, pipeline, options, null);
  }

  /**
   * This classifier with a learned layer over its cues ({@link WordLayer}): a theme the cues did not tag is tagged
   * too when the layer's probability for it reaches the layer's threshold, with the words that weighed most (and
   * the theme's weaker cues, if any) as evidence. {@link #candidates} are the cues' alone.
   *
   * @param layer the layer, trained with this codebook (its themes in the codebook's order); null for none
   * @throws IllegalArgumentException if the layer's themes are not the codebook's
   */
  public CodebookClassifier withLayer(WordLayer layer) {
    return new CodebookClassifier(codebook, pipeline, options, layer);
  }

  /** The learned layer over the cues, if any. */
  public java.util.Optional<WordLayer> layer() {
    return java.util.Optional.ofNullable(layer);
  }

  /** The codebook this classifier uses. */
  public Codebook codebook() {
    return codebook;
  }

  /** The pipeline this classifier analyses text with. */
  public TextPipeline pipeline() {
    return pipeline;
  }

  /** The vocabulary an {@link Analysis} given to {@link #classify(Analysis)} must have been made with. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  @Override
  public Classification classify(String text) {
    Objects.requireNonNull(text, "text");
    Work w = work.get();
    pipeline.analyze(text, vocabulary, w.analysis);
    return classify(w.analysis, options.threshold(), w, true);
  }

  /**
   * Every theme with at least one cue in the comment, whatever its score (for hybrids and explanations).
   *
   * @throws NullPointerException if {@code text} is null
   */
  public Classification candidates(String text) {
    Objects.requireNonNull(text, "text");
    Work w = work.get();
    pipeline.analyze(text, vocabulary, w.analysis);
    return classify(w.analysis, Double.MIN_VALUE, w, false);
  }

  /** Classifies a comment already analysed by {@link #pipeline()}, as {@link #classify(String)} does. */
  public Classification classify(AnalyzedText analyzed) {
    return classify(Objects.requireNonNull(analyzed, "analyzed"), options.threshold());
  }

  /** Classifies an already analysed comment, tagging themes whose score reaches {@code threshold}. */
  public Classification classify(AnalyzedText analyzed, double threshold) {
    Work w = work.get();
    w.analysis.load(Objects.requireNonNull(analyzed, "analyzed"), vocabulary);
    return classify(w.analysis, threshold, w, true);
  }

  /**
   * Classifies a comment analysed by {@link #pipeline()} into an {@link Analysis} with {@link #vocabulary()}, as
   * {@link #classify(String)} does: the form a composite classifier uses to analyse each comment once.
   *
   * @throws IllegalArgumentException if the analysis was made with another vocabulary
   */
  public Classification classify(Analysis analysis) {
    Objects.requireNonNull(analysis, "analysis");
    if (analysis.vocabulary() != vocabulary) {
      throw new IllegalArgumentException("the analysis was made with another vocabulary than this classifier's");
    }
    return classify(analysis, options.threshold(), work.get(), true);
  }

  private Classification classify(Analysis a, double threshold, Work w, boolean withLayer) {
    CueMatcher.Matches m = w.matches;
    matcher.match(a, m);
    int k = m.keptSize;
    boolean layered = withLayer && layer != null;
    if (k == 0 && !layered) {
      return Classification.EMPTY;
    }
    double[] weight = w.weight;
    double[] pos = w.pos;
    double[] neg = w.neg;
    double[] neu = w.neu;
    boolean[] seen = w.seen;
    int[] touched = w.touched;
    for (int x = 0; x < w.themes; x++) { // the sums of the last comment (also when it failed half way)
      int t = touched[x];
      weight[t] = 0;
      pos[t] = 0;
      neg[t] = 0;
      neu[t] = 0;
      seen[t] = false;
      w.tagged[t] = false;
    }
    w.themes = 0;
    if (w.spanTheme.length < k) {
      w.spanTheme = new int[m.kept.length];
      w.spanStart = new int[m.kept.length];
      w.spanEnd = new int[m.kept.length];
    }
    for (int j = 0; j < k; j++) {
      int x = m.kept[j];
      int cue = m.cue[x];
      int first = m.first[x];
      int end = m.end[x];
      long judgement = rules.judge(a, matcher, cue, first, end);
      double wt = matcher.weight[cue] * PolarityRules.factor(judgement);
      int t = matcher.theme[cue];
      if (!seen[t]) {
        seen[t] = true;
        touched[w.themes++] = t;
        w.posSentence[t] = -1;
        w.negSentence[t] = -1;
      }
      weight[t] += wt;
      switch (PolarityRules.polarity(judgement)) {
        case POSITIVE -> {
          pos[t] += wt;
          if (wt >= 1) { // a full-weight match: remember its sentence for the mixed rule
            w.posSentence[t] = a.sentence(first);
          }
        }
        case NEGATIVE -> {
          neg[t] += wt;
          if (wt >= 1) { // a full-weight match: remember its sentence for the mixed rule
            w.negSentence[t] = a.sentence(first);
          }
        }
        case MIXED -> {
          pos[t] += wt / 2;
          neg[t] += wt / 2;
        }
        case NEUTRAL -> neu[t] += wt;
      }
      int negator = PolarityRules.negatorToken(judgement);
      int from = negator >= 0 ? Math.min(negator, first) : first;
      w.spanTheme[j] = t;
      w.spanStart[j] = a.start(from);
      w.spanEnd[j] = a.end(end - 1);
    }
    if (layered) {
      layerLogits(a, w);
    }
    // only the themes with a match were touched (Classification orders the tags by score and id)
    List<ThemeTag> tags = new ArrayList<>(w.themes);
    for (int x = 0; x < w.themes; x++) {
      int t = touched[x];
      if (weight[t] > 0) {
        double score = weight[t] / (weight[t] + 1.0);
        if (score + 1e-12 >= threshold) {
          Polarity p = polarity(a, pos[t], neg[t], neu[t], w.posSentence[t], w.negSentence[t]);
          if (layered) {
            p = layer.polarity(t, true, p, w.layer); // the learned polarity, where the layer has one
          }
          tags.add(new ThemeTag(themeIds[t], score, p, evidence(w, k, t)));
          w.tagged[t] = true;
        }
      }
    }
    if (layered) {
      addLayerTags(a, w, k, tags);
    }
    return tags.isEmpty() ? Classification.EMPTY : new Classification(tags);
  }

  /** The {@link #layer}'s logits of every theme into {@code w.logit}, from the cue scores of the comment's matches. */
  private void layerLogits(Analysis a, Work w) {
    double[] cue = w.cue;
    java.util.Arrays.fill(cue, 0);
    for (int x = 0; x < w.themes; x++) {
      int t = w.touched[x];
      double wt = w.weight[t];
      if (wt > 0) {
        cue[t] = wt / (wt + 1.0);
      }
    }
    layer.logits(a, cue, layerRow, layerPrefixRow, layerPairs, w.layer, w.logit);
  }

  /**
   * Adds the tags of the {@link #layer} for the themes the cues did not tag, after {@link #layerLogits}: score the
   * layer's probability, evidence the (at most two) words that weighed most (with the theme's weaker cues, if any),
   * polarity the theme's cue vote when it has cues, else the layer's complaint model's (either replaced by the
   * layer's learned polarity where it has one and is sure enough).
   */
  private void addLayerTags(Analysis a, Work w, int k, List<ThemeTag> tags) {
    int nt = themeIds.length;
    double[] cue = w.cue;
    boolean[] tagged = w.tagged;
    double[] logit = w.logit;
    for (int t = 0; t < nt; t++) {
      if (tagged[t] || !layer.passes(logit[t])) {
        continue;
      }
      int words = layer.evidence(a, t, w.layer, w.layerWords);
      List<Evidence> spans = new ArrayList<>(evidence(w, k, t));
      for (int x = 0; x < words; x++) {
        spans.add(new Evidence(a.start(w.layerWords[x]), a.end(w.layerWords[x])));
      }
      if (spans.isEmpty()) {
        continue; // a tag is never without its words
      }
      Polarity p;
      if (cue[t] > 0) {
        p = polarity(a, w.pos[t], w.neg[t], w.neu[t], w.posSentence[t], w.negSentence[t]);
      } else {
        // the layer's complaint model: on the coded social-care sets, one set left out, it judged these tags
        // better than the vote of the comment's other cues (benchmarks/README.md, section 7)
        p = WordLayer.complaint(w.layer) ? Polarity.NEGATIVE : Polarity.POSITIVE;
      }
      p = layer.polarity(t, cue[t] > 0, p, w.layer);
      tags.add(new ThemeTag(themeIds[t], WordLayer.probability(logit[t]), p, merged(spans)));
    }
  }

  private Polarity polarity(Analysis a, double pos, double neg, double neu, int posSentence, int negSentence) {
    double judged = pos + neg;
    if (judged <= 0) {
      return neu > 0 ? Polarity.NEUTRAL : Polarity.POSITIVE;
    }
    if (posSentence >= 0 && negSentence >= 0 && posSentence != negSentence) {
      // praise and complaint of full weight in different sentences: "She kept her promise. The manager cancelled twice."
      return Polarity.MIXED;
    }
    double share = options.mixedShare();
    if (pos >= share * judged && neg >= share * judged && hasContrast(a)) {
      // by weight share only where the comment turns ("but", "however", "although"...): without a turn, coders
      // read a comment with some praising words in a complaint (or the reverse) as one complaint (or praise)
      return Polarity.MIXED;
    }
    return pos > neg ? Polarity.POSITIVE : Polarity.NEGATIVE;
  }

  /** True when the comment holds a contrast marker. */
  private static boolean hasContrast(Analysis a) {
    for (int i = 0, n = a.size(); i < n; i++) {
      if (a.isContrast(i)) {
        return true;
      }
    }
    return false;
  }

  /** The evidence spans of theme {@code t}, sorted, overlapping spans merged. */
  private static List<Evidence> evidence(Work w, int k, int t) {
    List<Evidence> spans = new ArrayList<>(2);
    for (int j = 0; j < k; j++) {
      if (w.spanTheme[j] == t) {
        spans.add(new Evidence(w.spanStart[j], w.spanEnd[j]));
      }
    }
    return merged(spans);
  }

  /** The spans sorted, overlapping spans merged. */
  private static List<Evidence> merged(List<Evidence> spans) {
    if (spans.size() <= 1) {
      return spans;
    }
    spans.sort(null);
    List<Evidence> out = new ArrayList<>(spans.size());
    Evidence cur = spans.get(0);
    for (int i = 1; i < spans.size(); i++) {
      Evidence e = spans.get(i);
      if (e.start() <= cur.end()) {
        cur = new Evidence(cur.start(), Math.max(cur.end(), e.end()));
      } else {
        out.add(cur);
        cur = e;
      }
    }
    out.add(cur);
    return out;
  }

  @Override
  public ModelInfo info() {
    return info;
  }

  @Override
  public String toString() {
    return "CodebookClassifier[" + codebook.id() + " " + codebook.version() + ", " + pipeline.profile() + "]";
  }

}
