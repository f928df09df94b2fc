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
import org.verbatim.text.Token;

/**
 * Zero-shot theme classifier: tags the themes whose codebook cues occur in a comment, with a polarity per
 * theme and the matched words as evidence. No training data is needed.
 *
 * <pre>{@code
 * Codebook codebook = DefaultCodebooks.socialCare();
 * ThemeClassifier c = CodebookClassifier.create(codebook, OpenNlpPipeline.create(Profile.FAST));
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
 *       each carry at least {@link Options#mixedShare()} of the weight.
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
   *     theme to be {@code MIXED}
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
  private final CueMatcher matcher;
  private final PolarityRules rules;
  private final ModelInfo info;

  private CodebookClassifier(Codebook codebook, TextPipeline pipeline, Options options) {
    this.codebook = Objects.requireNonNull(codebook, "codebook");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.options = Objects.requireNonNull(options, "options");
    if (codebook.needsLemmas() && pipeline.profile() != Profile.FULL) {
      throw new IllegalArgumentException(
          "codebook '" + codebook.id() + "' has lemma: cue patterns, which need a pipeline with profile FULL, got " + pipeline.profile());
    }
    this.matcher = CueMatcher.of(codebook);
    this.rules = new PolarityRules(SentimentLexicon.english());
    Map<String, String> props = new HashMap<>();
    props.put("codebook.id", codebook.id());
    props.put("codebook.version", codebook.version());
    props.put("language", codebook.language());
    props.put("pipeline.profile", pipeline.profile().name().toLowerCase(java.util.Locale.ROOT));
    props.put("threshold", Double.toString(options.threshold()));
    props.put("mixedShare", Double.toString(options.mixedShare()));
    this.info = new ModelInfo("codebook", codebook.name(), codebook.version(), codebook.themeIds(), props);
  }

  /**
   * A classifier for the codebook on the given pipeline, with default options.
   *
   * @throws IllegalArgumentException if the codebook needs lemmas and the pipeline is not {@link Profile#FULL}
   */
  public static CodebookClassifier create(Codebook codebook, TextPipeline pipeline) {
    return new CodebookClassifier(codebook, pipeline, Options.DEFAULT);
  }

  /** A classifier with explicit options. */
  public static CodebookClassifier create(Codebook codebook, TextPipeline pipeline, Options options) {
    return new CodebookClassifier(codebook, pipeline, options);
  }

  /** The codebook this classifier uses. */
  public Codebook codebook() {
    return codebook;
  }

  /** The pipeline this classifier analyses text with. */
  public TextPipeline pipeline() {
    return pipeline;
  }

  @Override
  public Classification classify(String text) {
    return classify(pipeline.analyze(Objects.requireNonNull(text, "text")), options.threshold());
  }

  /**
   * Every theme with at least one cue in the comment, whatever its score (for hybrids and explanations).
   *
   * @throws NullPointerException if {@code text} is null
   */
  public Classification candidates(String text) {
    return classify(pipeline.analyze(Objects.requireNonNull(text, "text")), Double.MIN_VALUE);
  }

  /** Classifies a comment already analysed by {@link #pipeline()}, as {@link #classify(String)} does. */
  public Classification classify(AnalyzedText analyzed) {
    return classify(Objects.requireNonNull(analyzed, "analyzed"), options.threshold());
  }

  /** Classifies an already analysed comment, tagging themes whose score reaches {@code threshold}. */
  public Classification classify(AnalyzedText analyzed, double threshold) {
    List<CueMatcher.Match> matches = matcher.match(analyzed);
    if (matches.isEmpty()) {
      return Classification.EMPTY;
    }
    int nThemes = codebook.themes().size();
    double[] weight = new double[nThemes];
    double[] pos = new double[nThemes];
    double[] neg = new double[nThemes];
    double[] neu = new double[nThemes];
    @SuppressWarnings("unchecked")
    List<Evidence>[] spans = new List[nThemes];
    List<Token> tokens = analyzed.tokens();
    for (CueMatcher.Match m : matches) {
      PolarityRules.Judgement j = rules.judge(analyzed, m);
      double w = m.cue().weight() * j.factor();
      int t = m.themeIndex();
      weight[t] += w;
      switch (j.polarity()) {
        case POSITIVE -> pos[t] += w;
        case NEGATIVE -> neg[t] += w;
        case MIXED -> {
          pos[t] += w / 2;
          neg[t] += w / 2;
        }
        case NEUTRAL -> neu[t] += w;
      }
      int first = j.negatorToken() >= 0 ? Math.min(j.negatorToken(), m.firstToken()) : m.firstToken();
      Evidence e = new Evidence(tokens.get(first).start(), tokens.get(m.endToken() - 1).end());
      if (spans[t] == null) {
        spans[t] = new ArrayList<>(2);
      }
      spans[t].add(e);
    }
    List<ThemeTag> tags = new ArrayList<>();
    for (int t = 0; t < nThemes; t++) {
      if (weight[t] <= 0) {
        continue;
      }
      double score = weight[t] / (weight[t] + 1.0);
      if (score + 1e-12 < threshold) {
        continue;
      }
      tags.add(new ThemeTag(codebook.themes().get(t).id(), score, polarity(pos[t], neg[t], neu[t]), merge(spans[t])));
    }
    return tags.isEmpty() ? Classification.EMPTY : new Classification(tags);
  }

  private Polarity polarity(double pos, double neg, double neu) {
    double judged = pos + neg;
    if (judged <= 0) {
      return neu > 0 ? Polarity.NEUTRAL : Polarity.POSITIVE;
    }
    double share = options.mixedShare();
    if (pos >= share * judged && neg >= share * judged) {
      return Polarity.MIXED;
    }
    return pos > neg ? Polarity.POSITIVE : Polarity.NEGATIVE;
  }

  private static List<Evidence> merge(List<Evidence> spans) {
    if (spans.size() <= 1) {
      return spans;
    }
    List<Evidence> sorted = new ArrayList<>(spans);
    sorted.sort(null);
    List<Evidence> out = new ArrayList<>(sorted.size());
    Evidence cur = sorted.get(0);
    for (int i = 1; i < sorted.size(); i++) {
      Evidence e = sorted.get(i);
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
