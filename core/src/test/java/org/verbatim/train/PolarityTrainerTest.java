package org.verbatim.train;

import org.verbatim.classify.PolarityModel;
import org.verbatim.classify.PolarityPrediction;
import org.verbatim.io.PolarityFileException;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;

class PolarityTrainerTest {

  private static final String[] FOOD_POS = {"great", "tasty", "delicious", "lovely", "superb"};
  private static final String[] FOOD_NEG = {"bland", "cold", "awful", "greasy", "stale"};
  private static final String[] STAFF_POS = {"friendly", "kind", "helpful", "attentive", "polite"};
  private static final String[] STAFF_NEG = {"rude", "slow", "unfriendly", "careless", "dismissive"};

  /** Single- and two-theme restaurant comments; leaves out every pair using "great" with "rude". */
  static List<PolarityExample> restaurant() {
    List<PolarityExample> out = new ArrayList<>();
    for (String f : FOOD_POS) {
      out.add(new PolarityExample("The food was " + f + ".", "food", Polarity.POSITIVE));
    }
    for (String f : FOOD_NEG) {
      out.add(new PolarityExample("The food was " + f + ".", "food", Polarity.NEGATIVE));
    }
    for (String s : STAFF_POS) {
      out.add(new PolarityExample("The staff were " + s + ".", "staff", Polarity.POSITIVE));
    }
    for (String s : STAFF_NEG) {
      out.add(new PolarityExample("The staff were " + s + ".", "staff", Polarity.NEGATIVE));
    }
    String[][] foods = {FOOD_POS, FOOD_NEG};
    String[][] staffs = {STAFF_POS, STAFF_NEG};
    Polarity[] pol = {Polarity.POSITIVE, Polarity.NEGATIVE};
    for (int a = 0; a < 2; a++) {
      for (int b = 0; b < 2; b++) {
        for (int i = 0; i < 5; i++) {
          for (int j = 0; j < 5; j += 2) {
            String f = foods[a][i];
            String s = staffs[b][(i + j) % 5];
            if (f.equals("great") && s.equals("rude")) {
              continue;
            }
            String text = a != b
                ? "The food was " + f + " but the staff were " + s + "."
                : "The food was " + f + " and the staff were " + s + ".";
            out.add(new PolarityExample(text, "food", pol[a]));
            out.add(new PolarityExample(text, "staff", pol[b]));
          }
        }
      }
    }
    return out;
  }

  static PolarityOptions small() {
    return new PolarityOptions(3L, List.of(0.3, 1.0), 3, 1, true, true, true, true, true);
  }

  @Test
  void contrastGivesEachThemeItsOwnClause() {
    PolarityModel m = new PolarityTrainer(small()).train(restaurant());
    String text = "The food was great but the staff were rude.";
    assertEquals(Polarity.POSITIVE, m.predict(text, "food"));
    assertEquals(Polarity.NEGATIVE, m.predict(text, "staff"));
    List<int[]> staffSpans = m.evidenceSpans(text, "staff");
    assertEquals(1, staffSpans.size());
    assertEquals("but the staff were rude.", text.substring(staffSpans.get(0)[0], staffSpans.get(0)[1]));
    List<int[]> foodSpans = m.evidenceSpans(text, "food");
    assertEquals(1, foodSpans.size());
    assertEquals(0, foodSpans.get(0)[0]);
  }

  @Test
  void wholeCommentFeaturesCannotSeparateTheThemes() {
    PolarityModel m = new PolarityTrainer(small().withFeatures(false, true, true, true, false)).train(restaurant());
    String text = "The food was great but the staff were rude.";
    // Without evidence clauses both themes see the same words, so only the theme features differ: the model
    // cannot give the two themes opposite polarities from the sentiment words themselves.
    PolarityPrediction food = m.predictWithProbabilities(text, "food");
    PolarityPrediction staff = m.predictWithProbabilities(text, "staff");
    double withClauses = new PolarityTrainer(small()).train(restaurant())
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
    PolarityModel m = new PolarityTrainer(small()).train(ex);
    assertEquals(Polarity.POSITIVE, m.predict("The nurse was good.", "care"));
    assertEquals(Polarity.NEGATIVE, m.predict("The nurse was not good.", "care"));
    assertEquals(Polarity.NEGATIVE, m.predict("The food wasn't nice.", "care"));
  }

  @Test
  void twoClassTrainingPredictsBothClasses() {
    List<PolarityExample> ex = new ArrayList<>();
    for (String p : FOOD_POS) {
      ex.add(new PolarityExample("The food was " + p + ".", "food", Polarity.POSITIVE));
    }
    for (String n : FOOD_NEG) {
      ex.add(new PolarityExample("The food was " + n + ".", "food", Polarity.NEGATIVE));
    }
    PolarityModel m = new PolarityTrainer(new PolarityOptions(1L, List.of(0.1), 2, 1, true, true, true, true, true))
        .train(ex);
    assertEquals(List.of(Polarity.POSITIVE, Polarity.NEGATIVE), m.classes());
    assertEquals(Polarity.POSITIVE, m.predict("The food was tasty.", "food"));
    assertEquals(Polarity.NEGATIVE, m.predict("The food was stale.", "food"));
  }

  @Test
  void sameSeedGivesSameModel() throws IOException {
    PolarityModel a = new PolarityTrainer(small()).train(restaurant());
    PolarityModel b = new PolarityTrainer(small()).train(restaurant());
    assertArrayEquals(bytes(a), bytes(b));
    assertEquals(a.lambda(), b.lambda());
    assertEquals(a.cvMacroF1(), b.cvMacroF1());
  }

  @Test
  void serialisationRoundTripKeepsPredictions() throws IOException {
    PolarityModel m = new PolarityTrainer(small()).train(restaurant());
    byte[] first = bytes(m);
    PolarityModel back = PolarityModel.readFrom(new ByteArrayInputStream(first), "model.txt");
    assertArrayEquals(first, bytes(back));
    for (String text : List.of("The food was great but the staff were rude.", "Staff kind, food cold.",
        "", "No opinion at all.")) {
      for (String theme : List.of("food", "staff", "unseen theme")) {
        assertEquals(m.predictWithProbabilities(text, theme), back.predictWithProbabilities(text, theme));
      }
    }
    assertEquals(m.options(), back.options());
    assertEquals(m.vocabularySize(), back.vocabularySize());
  }

  @Test
  void corruptModelIsRefusedWithItsLine() throws IOException {
    byte[] good = bytes(new PolarityTrainer(small()).train(restaurant()));
    PolarityFileException wrongFormat = assertThrows(PolarityFileException.class, () -> PolarityModel.readFrom(
        new ByteArrayInputStream("other-format\t1\n".getBytes(StandardCharsets.UTF_8)), "m.txt"));
    assertEquals(1, wrongFormat.line());
    PolarityFileException newer = assertThrows(PolarityFileException.class, () -> PolarityModel.readFrom(
        new ByteArrayInputStream("verbatim-polarity\t2\n".getBytes(StandardCharsets.UTF_8)), "m.txt"));
    assertTrue(newer.getMessage().contains("version 2"), newer.getMessage());
    byte[] truncated = java.util.Arrays.copyOf(good, good.length / 2);
    PolarityFileException cut = assertThrows(PolarityFileException.class,
        () -> PolarityModel.readFrom(new ByteArrayInputStream(truncated), "m.txt"));
    assertTrue(cut.getMessage().startsWith("m.txt:"), cut.getMessage());
  }

  @Test
  void optionsAndInputsAreValidated() {
    assertThrows(IllegalArgumentException.class, () -> PolarityOptions.defaults().withLambdas(List.of()));
    assertThrows(IllegalArgumentException.class, () -> PolarityOptions.defaults().withLambdas(List.of(-1.0)));
    assertThrows(IllegalArgumentException.class,
        () -> new PolarityOptions(1L, List.of(1.0), 1, 1, true, true, true, true, true));
    assertThrows(IllegalArgumentException.class,
        () -> new PolarityOptions(1L, List.of(1.0), 5, 0, true, true, true, true, true));
    PolarityTrainer t = new PolarityTrainer(small());
    assertThrows(IllegalArgumentException.class, () -> t.train(List.of(
        new PolarityExample("Good.", "x", Polarity.POSITIVE), new PolarityExample("Fine.", "x", Polarity.POSITIVE))));
    assertThrows(IllegalArgumentException.class, () -> new PolarityExample("text", " ", Polarity.NEUTRAL));
  }

  @Test
  void escapingRoundTrips() {
    for (String s : List.of("plain", "tab\there", "new\nline", "back\\slash", "\\t literal", "")) {
      assertEquals(s, PolarityModel.unescape(PolarityModel.escape(s)));
      assertTrue(PolarityModel.escape(s).indexOf('\t') < 0 && PolarityModel.escape(s).indexOf('\n') < 0);
    }
  }

  private static byte[] bytes(PolarityModel m) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    m.writeTo(out);
    return out.toByteArray();
  }
}
