package org.verbatim.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import org.verbatim.Polarity;
import org.verbatim.features.PolarityFeature;

/**
 * Small synthetic labelled data for tests: comments built from theme words and filler, seeded; restaurant
 * comments with polarity per theme.
 */
public final class TrainingData {

  static final String[][] THEME_WORDS = {
      {"nurse", "doctor", "receptionist", "staff", "rude", "friendly", "polite"},
      {"wait", "waiting", "hours", "delay", "late", "queue", "slow"},
      {"food", "meal", "lunch", "tasty", "cold", "menu", "drink"},
  };
  static final String[] THEMES = {"staff", "waiting", "food"};
  static final String[] FILLER = {"the", "was", "very", "and", "it", "we", "really", "today", "again", "a", "so"};

  private TrainingData() {}

  /** {@code n} comments with 1 or 2 of the three themes each. */
  public static List<LabelledComment> comments(int n, long seed) {
    Random r = new Random(seed);
    List<LabelledComment> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      List<Integer> themes = new ArrayList<>(List.of(0, 1, 2));
      Collections.shuffle(themes, r);
      int k = r.nextDouble() < 0.3 ? 2 : 1;
      List<String> words = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      for (int t = 0; t < k; t++) {
        int th = themes.get(t);
        labels.add(THEMES[th]);
        for (int w = 0; w < 2; w++) {
          words.add(THEME_WORDS[th][r.nextInt(THEME_WORDS[th].length)]);
        }
      }
      for (int f = 0; f < 4; f++) {
        words.add(FILLER[r.nextInt(FILLER.length)]);
      }
      Collections.shuffle(words, r);
      out.add(new LabelledComment("c" + i, String.join(" ", words), labels));
    }
    return out;
  }

  static final String[] FOOD_POS = {"great", "tasty", "delicious", "lovely", "superb"};
  static final String[] FOOD_NEG = {"bland", "cold", "awful", "greasy", "stale"};
  static final String[] STAFF_POS = {"friendly", "kind", "helpful", "attentive", "polite"};
  static final String[] STAFF_NEG = {"rude", "slow", "unfriendly", "careless", "dismissive"};

  /** Single- and two-theme restaurant comments; leaves out every pair using "great" with "rude". */
  public static List<PolarityExample> restaurant() {
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

  /** Polarity options for the small fixtures: seed 3, lambdas 0.3 and 1, 3 folds, every feature group. */
  public static PolarityOptions smallPolarity() {
    return PolarityOptions.builder().seed(3L).lambdas(List.of(0.3, 1.0)).folds(3).minFeatureCount(1)
        .features(EnumSet.allOf(PolarityFeature.class)).build();
  }
}
