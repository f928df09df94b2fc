package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.verbatim.features.FeatureExtractor;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.PipelineTokenizer;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;
import org.verbatim.train.TrainingData;

/**
 * The prediction path (token cache, streamed hashes, stamps) must compute exactly what a plain reading of the
 * model does: feature key strings, vocabulary look-up, sublinear TF-IDF, L2 norm per block, dot product.
 */
class LinearModelScoringTest {

  private static final LinearThemeClassifier WORDS_CHARS = ThemeTrainer.create(ThemeOptions.builder().folds(3).seed(4)
      .cost(2.0).threads(1).tokenizer(PipelineTokenizer.fast()).features(FeatureOptions.wordsAndChars().withNegation(FeatureOptions.Negation.BOTH)).build())
      .train(TrainingData.comments(80, 8));
  private static final LinearThemeClassifier TRIGRAMS_MARKED = ThemeTrainer.create(ThemeOptions.builder().folds(3).seed(4)
      .cost(2.0).threads(1).tokenizer(PipelineTokenizer.fast()).features(new FeatureOptions(1, 3, 3, 4, 1,
          FeatureOptions.Weighting.TFIDF, false, FeatureOptions.Negation.MARK)).build())
      .train(TrainingData.comments(80, 8));

  /** The default features and tokenizer (simple-v1, word 1-2 and character 2-5 grams): bigrams found by word pairs. */
  private static final LinearThemeClassifier DEFAULTS = ThemeTrainer.create(ThemeOptions.builder().folds(3).seed(4)
      .cost(2.0).threads(1).features(FeatureOptions.wordsAndChars()).build())
      .train(TrainingData.comments(80, 8));

  @Provide
  Arbitrary<String> comments() {
    Arbitrary<String> words = Arbitraries.of("the", "nurse", "was", "not", "rude", "never", "wait", "waiting", "hours",
        "food", "cold", "menu", "and", "but", "it's", "didn't", "Queue", "LATE", ",", ".", "xyzzy", "café", "");
    return words.list().ofMaxSize(120).map(l -> String.join(" ", l));
  }

  @Property(tries = 200, seed = "20261205")
  void fastPathEqualsReference(@ForAll("comments") String text) {
    check(WORDS_CHARS, text);
    check(TRIGRAMS_MARKED, text);
    check(DEFAULTS, text);
  }

  @Property(tries = 20, seed = "20261205")
  void longCommentsTakeTheSlotBySlotNorm(@ForAll("comments") String text) {
    // over 4,096 character n-grams: the character block's norm is summed slot by slot, not per token. The float sums
    // over a hundred repeats of each n-gram drift from the double reference by a few 1e-3 (as they did before the
    // per-token norms: the same floats in the same order), so the reference gets a wider tolerance here
    String longText = (text + " waiting rude nurse xyzzy ").repeat(80);
    check(DEFAULTS, longText, 1e-2);
    check(WORDS_CHARS, longText, 1e-2);
    decidesAsTheFullScores(DEFAULTS, longText);
    decidesAsTheFullScores(WORDS_CHARS, longText);
  }

  @Property(tries = 300, seed = "20261205")
  void classifyDecidesAsTheFullScores(@ForAll("comments") String text) {
    // classify sums most labels over the large rows only, and the labels it decides on over every row: same tags,
    // same order, same scores to the bit as deciding on the full scores
    for (LinearThemeClassifier c : List.of(DEFAULTS, WORDS_CHARS, TRIGRAMS_MARKED)) {
      decidesAsTheFullScores(c, text);
    }
  }

  private static void decidesAsTheFullScores(LinearThemeClassifier c, String text) {
    LinearModel m = c.model();
    LinearModel.Work w = m.newWork();
    m.score(text, w);
    int[] want = m.decide(w.scores);
    List<org.verbatim.ThemeTag> got = c.classify(text).tags();
    assertEquals(want.length, got.size(), "number of tags");
    for (int i = 0; i < want.length; i++) {
      assertEquals(m.labels().get(want[i]), got.get(i).themeId());
      assertEquals(Double.doubleToLongBits(LinearThemeClassifier.sigmoid(w.scores[want[i]] - m.threshold(want[i]))),
          Double.doubleToLongBits(got.get(i).score()));
    }
  }

  @Property(tries = 100, seed = "20261205")
  void repeatedCallsGiveTheSameMargins(@ForAll("comments") String a, @ForAll("comments") String b) {
    // per-thread scratch space (stamps, token memory) carries nothing from one comment to the next
    double[] first = DEFAULTS.margins(a);
    DEFAULTS.margins(b);
    double[] again = DEFAULTS.margins(a);
    for (int l = 0; l < first.length; l++) {
      assertEquals(Double.doubleToLongBits(first[l]), Double.doubleToLongBits(again[l]), "label " + l);
    }
  }

  @Property(tries = 100, seed = "20261205")
  void fastPathEqualsReferenceOnAnyString(@ForAll String text) {
    check(WORDS_CHARS, text);
  }

  private static void check(LinearThemeClassifier c, String text) {
    check(c, text, 1e-4);
  }

  private static void check(LinearThemeClassifier c, String text, double tolerance) {
    LinearModel m = c.model();
    double[] got = c.margins(text);
    double[] want = reference(m, text);
    for (int l = 0; l < got.length; l++) {
      assertEquals(want[l], got[l], tolerance, "label " + m.labels().get(l));
    }
  }

  static double[] reference(LinearModel m, String text) {
    Map<String, Integer> index = new HashMap<>();
    List<String> keys = m.keys();
    for (int f = 0; f < keys.size(); f++) {
      index.put(keys.get(f), f);
    }
    Map<Integer, Integer> counts = new TreeMap<>();
    for (String k : new FeatureExtractor(m.features(), m.tokenizer()).keys(text)) {
      Integer f = index.get(k);
      if (f != null) {
        counts.merge(f, 1, Integer::sum);
      }
    }
    float[] idf = m.idf();
    double nw = 0;
    double nc = 0;
    Map<Integer, Double> values = new TreeMap<>();
    for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
      int tf = e.getValue();
      double v = (tf == 1 ? 1.0 : (m.features().sublinearTf() ? 1 + Math.log(tf) : tf)) * idf[e.getKey()];
      values.put(e.getKey(), v);
      if (e.getKey() < m.wordFeatures()) {
        nw += v * v;
      } else {
        nc += v * v;
      }
    }
    int L = m.labels().size();
    double[] out = m.bias();
    double[] th = m.thresholds();
    for (Map.Entry<Integer, Double> e : values.entrySet()) {
      double norm = e.getKey() < m.wordFeatures() ? Math.sqrt(nw) : Math.sqrt(nc);
      for (int l = 0; l < L; l++) {
        out[l] += e.getValue() / norm * m.weight(e.getKey(), l);
      }
    }
    for (int l = 0; l < L; l++) {
      out[l] -= th[l];
    }
    return out;
  }
}
