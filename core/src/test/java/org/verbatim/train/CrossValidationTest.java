package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;

class CrossValidationTest {

  private static final ThemeOptions OPTIONS = ThemeOptions.builder().folds(3).seed(1).threads(1).build();

  @Test
  void everyCommentIsPredictedByAModelThatDidNotSeeIt() {
    List<LabelledComment> data = TrainingData.comments(90, 5);
    List<Map<String, Polarity>> none = Collections.nCopies(data.size(), Map.of());
    CrossValidation.Result r = CrossValidation.run(data, none, 3, 42L, OPTIONS, null);
    assertEquals(data.size(), r.predictions().size());
    assertNull(r.polarityGivenThemes());
    int right = 0;
    for (int i = 0; i < data.size(); i++) {
      if (r.predictions().get(i).themeIds().containsAll(data.get(i).labels())) {
        right++;
      }
    }
    // synthetic themes are separable: measured 90 of 90 with these seeds
    assertTrue(right > 80, right + " of 90");
    assertEquals(r.predictions(), CrossValidation.run(data, none, 3, 42L, OPTIONS, null).predictions(), "deterministic");
  }

  @Test
  void withPolarityCodesEachCodedThemeIsJudged() {
    List<LabelledComment> data = new ArrayList<>();
    List<Map<String, Polarity>> codes = new ArrayList<>();
    String[] good = {"lovely", "kind", "helpful", "great", "friendly", "caring"};
    String[] bad = {"rude", "awful", "careless", "slow", "dismissive", "cold"};
    for (int i = 0; i < 36; i++) {
      boolean pos = i % 2 == 0;
      String w = (pos ? good : bad)[i % 6];
      data.add(LabelledComment.of("c" + i, "The staff were " + w + " today " + i, "staff"));
      codes.add(Map.of("staff", pos ? Polarity.POSITIVE : Polarity.NEGATIVE));
    }
    PolarityOptions polarity = PolarityOptions.builder().lambdas(List.of(1.0)).minFeatureCount(1).build();
    CrossValidation.Result r = CrossValidation.run(data, codes, 3, 42L, OPTIONS, polarity);
    assertEquals(36, r.polarityGivenThemes().size());
    for (Map<String, Polarity> judged : r.polarityGivenThemes()) {
      assertEquals(java.util.Set.of("staff"), judged.keySet());
    }
    assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(data, codes, 1, 42L, OPTIONS, null));
    assertThrows(IllegalArgumentException.class, () -> CrossValidation.run(data, codes.subList(0, 3), 3, 42L, OPTIONS, null));
  }
}
