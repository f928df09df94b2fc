package org.verbatim.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** Small synthetic labelled data for tests: comments built from theme words and filler, seeded. */
final class TrainingData {

  static final String[][] THEME_WORDS = {
      {"nurse", "doctor", "receptionist", "staff", "rude", "friendly", "polite"},
      {"wait", "waiting", "hours", "delay", "late", "queue", "slow"},
      {"food", "meal", "lunch", "tasty", "cold", "menu", "drink"},
  };
  static final String[] THEMES = {"staff", "waiting", "food"};
  static final String[] FILLER = {"the", "was", "very", "and", "it", "we", "really", "today", "again", "a", "so"};

  private TrainingData() {}

  /** {@code n} comments with 1 or 2 of the three themes each. */
  static List<LabelledComment> comments(int n, long seed) {
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
}
