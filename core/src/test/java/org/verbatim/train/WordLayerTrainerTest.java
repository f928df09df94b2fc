package org.verbatim.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WordLayerTrainerTest {

  @Test
  void aWordsRatioComparesItsShareOfTheThemesCommentsWithItsShareOfTheOthers() {
    // four comments, two with the theme; word 0 only with it, word 1 only without, word 2 in every comment
    int[][] x = {{0, 2}, {0, 2}, {1, 2}, {2}};
    byte[] y = {1, 1, 0, 0};
    double[] r = WordLayerTrainer.logCountRatios(x, y, 3);
    // counts plus one: with the theme (3, 1, 3), sum 7; without (1, 2, 3), sum 6
    assertEquals(Math.log(3.0 / 7) - Math.log(1.0 / 6), r[0], 1e-12);
    assertEquals(Math.log(1.0 / 7) - Math.log(2.0 / 6), r[1], 1e-12);
    assertEquals(Math.log(3.0 / 7) - Math.log(3.0 / 6), r[2], 1e-12);
    assertTrue(r[0] > 0 && r[1] < 0, "a word of the theme's comments leans to it, a word of the others away");
    assertTrue(Math.abs(r[2]) < Math.abs(r[0]) && Math.abs(r[2]) < Math.abs(r[1]),
        "a word in every comment weighs least");
  }
}
