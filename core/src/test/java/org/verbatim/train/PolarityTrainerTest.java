package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;
import org.verbatim.classify.PolarityModel;
import org.verbatim.classify.PolarityPrediction;
import org.verbatim.features.PolarityFeature;

class PolarityTrainerTest {

  private static PolarityModel train(PolarityOptions options, List<PolarityExample> examples) {
    return PolarityTrainer.create(options).train(examples);
  }

  @Test
  void contrastGivesEachThemeItsOwnPolarity() {
    PolarityModel m = train(TrainingData.smallPolarity(), TrainingData.restaurant());
    String text = "The food was great but the staff were rude.";
    assertEquals(Polarity.POSITIVE, m.predict(text, "food"));
    assertEquals(Polarity.NEGATIVE, m.predict(text, "staff"));
  }

  @Test
  void wholeCommentFeaturesCannotSeparateTheThemes() {
    PolarityOptions noClauses = TrainingData.smallPolarity().toBuilder()
        .features(EnumSet.of(PolarityFeature.BIGRAMS, PolarityFeature.LEXICON, PolarityFeature.THEME_CONJUNCTIONS)).build();
    PolarityModel m = train(noClauses, TrainingData.restaurant());
    String text = "The food was great but the staff were rude.";
    // Without evidence clauses both themes see the same words, so only the theme features differ: the model
    // cannot give the two themes opposite polarities from the sentiment words themselves.
    PolarityPrediction food = m.predictWithProbabilities(text, "food");
    PolarityPrediction staff = m.predictWithProbabilities(text, "staff");
    double withClauses = train(TrainingData.smallPolarity(), TrainingData.restaurant())
        .predictWithProbabilities(text, "staff").probabilities().get(Polarity.NEGATIVE);
    assertTrue(withClauses > staff.probabilities().get(Polarity.NEGATIVE),
        "evidence clauses should make staff more surely negative");
    assertEquals(1.0, food.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
  }

  @Test
  void negationFlipsPolarity() {
    List<PolarityExample> ex = new ArrayList<>();
    String[] pos = {"good", "nice", "helpful", "pleasant", "clean", "great"};
    String[] things = {"ward", "care", "room", "service"};
    for (String p : pos) {
      for (String t : things) {
        ex.add(new PolarityExample("The " + t + " was " + p + ".", "care", Polarity.POSITIVE));
        ex.add(new PolarityExample("The " + t + " was not " + p + ".", "care", Polarity.NEGATIVE));
      }
    }
    PolarityModel m = train(TrainingData.smallPolarity(), ex);
    assertEquals(Polarity.POSITIVE, m.predict("The nurse was good.", "care"));
    assertEquals(Polarity.NEGATIVE, m.predict("The nurse was not good.", "care"));
    assertEquals(Polarity.NEGATIVE, m.predict("The food wasn't nice.", "care"));
  }

  @Test
  void twoClassTrainingPredictsBothClasses() {
    List<PolarityExample> ex = new ArrayList<>();
    for (String p : TrainingData.FOOD_POS) {
      ex.add(new PolarityExample("The food was " + p + ".", "food", Polarity.POSITIVE));
    }
    for (String n : TrainingData.FOOD_NEG) {
      ex.add(new PolarityExample("The food was " + n + ".", "food", Polarity.NEGATIVE));
    }
    PolarityModel m = train(PolarityOptions.builder().seed(1L).lambdas(List.of(0.1)).folds(2).minFeatureCount(1)
        .features(EnumSet.allOf(PolarityFeature.class)).build(), ex);
    assertEquals(List.of(Polarity.POSITIVE, Polarity.NEGATIVE), m.classes());
    assertEquals(Polarity.POSITIVE, m.predict("The food was tasty.", "food"));
    assertEquals(Polarity.NEGATIVE, m.predict("The food was stale.", "food"));
  }

  @Test
  void sameSeedGivesSameModel() {
    PolarityModel a = train(TrainingData.smallPolarity(), TrainingData.restaurant());
    PolarityModel b = train(TrainingData.smallPolarity(), TrainingData.restaurant());
    assertEquals(a.vocabulary(), b.vocabulary());
    assertTrue(java.util.Arrays.deepEquals(a.weights(), b.weights()));
    assertEquals(a.association().ratios(), b.association().ratios());
    assertEquals(a.lambda(), b.lambda());
    assertEquals(a.cvMacroF1(), b.cvMacroF1());
  }

  @Test
  void optionsAndInputsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> PolarityOptions.builder().lambdas(List.of()).build());
    assertThrows(IllegalArgumentException.class, () -> PolarityOptions.builder().lambdas(List.of(-1.0)).build());
    IllegalArgumentException folds = assertThrows(IllegalArgumentException.class,
        () -> PolarityOptions.builder().folds(1).build());
    assertEquals("folds must be in 2..20: 1", folds.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PolarityOptions.builder().minFeatureCount(0).build());
    assertThrows(NullPointerException.class, () -> PolarityOptions.builder().pipeline(null));
    PolarityTrainer t = PolarityTrainer.create(TrainingData.smallPolarity());
    assertThrows(IllegalArgumentException.class, () -> t.train(List.of(
        new PolarityExample("Good.", "x", Polarity.POSITIVE), new PolarityExample("Fine.", "x", Polarity.POSITIVE))));
    assertThrows(IllegalArgumentException.class, () -> new PolarityExample("text", " ", Polarity.NEUTRAL));
  }

  @Test
  void defaultsAreTheDocumentedOnes() {
    PolarityOptions d = PolarityOptions.defaults();
    assertEquals(17L, d.seed());
    assertEquals(List.of(0.3, 1.0, 3.0, 10.0, 30.0), d.lambdas());
    assertEquals(5, d.folds());
    assertEquals(2, d.minFeatureCount());
    assertEquals(PolarityFeature.defaults(), d.features());
    assertEquals(d, d.toBuilder().build());
  }

  @Test
  void examplesComeFromCodesInThemeOrder() {
    List<LabelledComment> comments = List.of(LabelledComment.of("1", "Kind but late.", "empathy", "reliability"),
        LabelledComment.of("2", "Fine.", "empathy"));
    List<PolarityExample> ex = PolarityExample.of(comments, List.of(
        java.util.Map.of("reliability", Polarity.NEGATIVE, "empathy", Polarity.POSITIVE), java.util.Map.of()));
    assertEquals(List.of(new PolarityExample("Kind but late.", "empathy", Polarity.POSITIVE),
        new PolarityExample("Kind but late.", "reliability", Polarity.NEGATIVE)), ex);
  }
}
