package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Classification;
import org.verbatim.ModelInfo;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.Theme;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.PolarityExample;
import org.verbatim.train.PolarityOptions;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;
import org.verbatim.train.TrainingData;

class HybridThemeClassifierTest {

  private static Theme theme(String id, Cue... cues) {
    return new Theme(id, id, "definition of " + id, List.of(), List.of(), List.of(cues), List.of(), List.of());
  }

  static final Codebook CODEBOOK = new Codebook("hybrid-test", "Hybrid test codebook", "1", "en", "inline test codebook",
      List.of(
          theme("staff", Cue.of("rude", Polarity.NEGATIVE), Cue.of("friendly", Polarity.POSITIVE), Cue.of("polite", Polarity.POSITIVE)),
          theme("waiting", Cue.of("wait*"), Cue.of("delay", Polarity.NEGATIVE), Cue.of("slow", Polarity.NEGATIVE)),
          theme("food", Cue.of("tasty", Polarity.POSITIVE), Cue.of("cold", Polarity.NEGATIVE)),
          theme("parking", Cue.of("parking", Polarity.NEGATIVE), Cue.of("car park"))),
      List.of());

  static final CodebookClassifier CUES = CodebookClassifier.create(CODEBOOK, RulePipeline.create());

  private static LinearThemeClassifier trained(int minExamples) {
    List<LabelledComment> data = new ArrayList<>(TrainingData.comments(150, 21));
    data.add(LabelledComment.of("p1", "parking was full", "parking"));
    data.add(LabelledComment.of("p2", "no parking spaces", "parking"));
    return ThemeTrainer.create(ThemeOptions.builder().folds(3).seed(2).costs(List.of(1.0, 4.0)).threads(1)
        .minExamples(minExamples).build()).train(data);
  }

  @Test
  void trainedThemesGetTheCodebooksPolarityAndEvidence() {
    LinearThemeClassifier model = trained(3);
    HybridThemeClassifier hybrid = HybridThemeClassifier.of(model, CUES);
    String text = "the nurse was rude and the parking was a nightmare";
    Classification c = hybrid.classify(text);
    ThemeTag staff = c.tag("staff").orElseThrow();
    assertEquals(model.classify(text).tag("staff").orElseThrow().score(), staff.score(), 1e-12, "score from the trained model");
    assertEquals(Polarity.NEGATIVE, staff.polarity(), "polarity from the codebook");
    assertEquals("rude", staff.evidence().get(0).in(text));
    // "parking" has 2 training examples < minExamples 3: the codebook decides it alone
    assertEquals(List.of("parking"), hybrid.fallbackThemes());
    ThemeTag parking = c.tag("parking").orElseThrow();
    assertEquals(CUES.classify(text).tag("parking").orElseThrow(), parking);
    assertTrue(hybrid.info().themes().containsAll(List.of("staff", "waiting", "food", "parking")));
    assertEquals("hybrid", hybrid.info().kind());
  }

  /** {@link #trained} with a polarity model learned from staff comments: "rude" ones coded {@code rude}, "friendly" ones {@code friendly}. */
  private static LinearThemeClassifier trainedWithStaffPolarity(Polarity rude, Polarity friendly) {
    List<PolarityExample> pairs = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      pairs.add(new PolarityExample("the nurse was rude " + i, "staff", rude));
      pairs.add(new PolarityExample("the nurse was friendly " + i, "staff", friendly));
    }
    PolarityModel polarity = PolarityTrainer.create(PolarityOptions.builder().lambdas(List.of(0.1)).build()).train(pairs);
    return trained(3).withPolarity(polarity);
  }

  @Test
  void aLearnedPolarityModelOverridesTheCodebooksPolarityButNotItsEvidence() {
    // polarity codes that contradict the codebook's cues, so the winner is visible
    LinearThemeClassifier model = trainedWithStaffPolarity(Polarity.POSITIVE, Polarity.NEGATIVE);
    String text = "the nurse was rude and the parking was a nightmare";
    ThemeTag staff = HybridThemeClassifier.of(model, CUES).classify(text).tag("staff").orElseThrow();
    assertEquals(Polarity.POSITIVE, staff.polarity(), "polarity from the learned model");
    assertEquals("rude", staff.evidence().get(0).in(text), "evidence from the codebook");
    assertEquals(Polarity.NEGATIVE, HybridThemeClassifier.of(trained(3), CUES).classify(text).tag("staff").orElseThrow().polarity());
  }

  /**
   * With {@link HybridThemeClassifier.PolaritySource#EVIDENCE} the codebook's polarity is kept where it found the
   * theme, and the learned polarity is used where only the model found it.
   */
  @Test
  void evidencePolarityWinsWhereTheCodebookFoundTheTheme() {
    LinearThemeClassifier model = trainedWithStaffPolarity(Polarity.POSITIVE, Polarity.NEGATIVE);
    HybridThemeClassifier hybrid = HybridThemeClassifier.of(model, CUES, HybridThemeClassifier.PolaritySource.EVIDENCE);
    String text = "the nurse was rude and the parking was a nightmare";
    ThemeTag staff = hybrid.classify(text).tag("staff").orElseThrow();
    assertEquals(Polarity.NEGATIVE, staff.polarity(), "the codebook's polarity, against the learned POSITIVE");
    assertEquals("rude", staff.evidence().get(0).in(text));
    assertEquals("evidence", hybrid.info().properties().get("hybrid.polarity"));
    String missed = "the receptionist and the doctor";
    assertTrue(CUES.classify(missed).isEmpty(), "the codebook finds nothing here");
    ThemeTag onlyModel = hybrid.classify(missed).tag("staff").orElseThrow();
    assertEquals(model.classify(missed).tag("staff").orElseThrow().polarity(), onlyModel.polarity(),
        "the learned polarity where only the model found the theme");
  }

  @Test
  void withTheSamePipelineEachCommentIsAnalysedOnceWithTheSameResult() {
    LinearThemeClassifier model = trainedWithStaffPolarity(Polarity.NEGATIVE, Polarity.POSITIVE);
    HybridThemeClassifier once = HybridThemeClassifier.of(model, CUES);
    assertTrue(once.analysesOnce(), "the polarity model and the codebook share the cached FAST pipeline");
    // the same codebook behind a plain ThemeClassifier: each part analyses the comment itself
    ThemeClassifier opaque = new ThemeClassifier() {
      @Override
      public Classification classify(String text) {
        return CUES.classify(text);
      }

      @Override
      public ModelInfo info() {
        return CUES.info();
      }
    };
    HybridThemeClassifier twice = HybridThemeClassifier.of(model, opaque);
    assertFalse(twice.analysesOnce());
    assertFalse(HybridThemeClassifier.of(trained(3), CUES).analysesOnce(), "no learned polarity: nothing to share");
    List<String> texts = List.of("the nurse was rude and the lunch was cold", "friendly staff, tasty food, no parking",
        "we waited hours", "", "the nurse was not friendly at all");
    assertEquals(twice.classifyAll(texts), once.classifyAll(texts));
    assertTrue(once.classifyAll(texts).stream().anyMatch(c -> !c.tags().isEmpty()));
  }

  @Test
  void aThemeTheCodebookMissesKeepsTheModelsEvidence() {
    HybridThemeClassifier hybrid = HybridThemeClassifier.of(trained(3), CUES);
    String text = "the receptionist and the doctor";
    Classification c = hybrid.classify(text);
    ThemeTag staff = c.tag("staff").orElseThrow();
    assertEquals(Polarity.NEUTRAL, staff.polarity());
    assertFalse(staff.evidence().isEmpty());
    assertTrue(CUES.classify(text).isEmpty());
  }

  @Test
  void withEnoughExamplesTheModelDecidesAndTheCodebookCannotAddCoveredThemes() {
    HybridThemeClassifier hybrid = HybridThemeClassifier.of(trained(1), CUES);
    assertTrue(hybrid.fallbackThemes().isEmpty());
    // the codebook tags "waiting" from "wait", but the trained model (which covers it) has the last word
    Classification c = hybrid.classify("tasty lunch and a cold drink, no wait at all");
    assertEquals(hybrid.model().classify("tasty lunch and a cold drink, no wait at all").themeIds(), c.themeIds());
  }

  @Test
  void codebookCueCountsAsExtraFeatures() {
    ClassifierFeatures cues = ClassifierFeatures.of(CUES);
    assertEquals(List.of("cue:staff", "cue:waiting", "cue:food", "cue:parking"), cues.names());
    double[] v = new double[4];
    cues.compute("rude and slow, rude again", v);
    assertEquals(2.0, v[0]);
    assertEquals(1.0, v[1]);
    assertEquals(0.0, v[2]);
    LinearThemeClassifier m = ThemeTrainer.create(ThemeOptions.builder().folds(3).seed(2).cost(1.0).threads(1)
        .extraFeatures(cues).build()).train(TrainingData.comments(90, 5));
    assertEquals(cues.names(), m.model().extraNames());
    assertEquals(List.of("staff"), m.classify("the nurse was rude").themeIds());
  }

  @Test
  void aModelWithCodebookFeaturesReadsTheHybridsCodebookTagsWithTheSameResult() {
    ClassifierFeatures cues = ClassifierFeatures.of(CUES);
    LinearThemeClassifier m = ThemeTrainer.create(ThemeOptions.builder().folds(3).seed(2).cost(1.0).threads(1)
        .extraFeatures(cues).build()).train(TrainingData.comments(90, 5));
    HybridThemeClassifier once = HybridThemeClassifier.of(m, CUES);
    assertTrue(once.classifiesOnce(), "the model's cue features are the hybrid's own codebook tags");
    ThemeClassifier opaque = new ThemeClassifier() {
      @Override
      public Classification classify(String text) {
        return CUES.classify(text);
      }

      @Override
      public ModelInfo info() {
        return new ModelInfo("other", "other", "1", CUES.info().themes(), java.util.Map.of());
      }
    };
    HybridThemeClassifier twice = HybridThemeClassifier.of(m, opaque);
    assertFalse(twice.classifiesOnce(), "another classifier's tags are not the model's features");
    List<String> texts = List.of("the nurse was rude", "rude and slow, rude again", "tasty food", "", "we waited hours");
    assertEquals(twice.classifyAll(texts), once.classifyAll(texts));
    assertTrue(once.classifyAll(texts).stream().anyMatch(c -> !c.tags().isEmpty()));
  }
}
