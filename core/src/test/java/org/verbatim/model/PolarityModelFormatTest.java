package org.verbatim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.PolarityModel;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.train.TrainingData;

class PolarityModelFormatTest {

  private static final Path FILE = Path.of("m.zip");

  private static PolarityModel model() {
    return PolarityTrainer.create(TrainingData.smallPolarity()).train(TrainingData.restaurant());
  }

  private static PolarityModel read(byte[] bytes) throws ModelFormatException {
    return PolarityModelFormat.read(bytes, FILE, RulePipeline.create());
  }

  @Test
  void roundTripKeepsPredictionsAndBytes() throws Exception {
    PolarityModel m = model();
    byte[] first = PolarityModelFormat.write(m);
    PolarityModel back = read(first);
    assertArrayEquals(first, PolarityModelFormat.write(back));
    for (String text : List.of("The food was great but the staff were rude.", "Staff kind, food cold.", "", "No opinion at all.")) {
      for (String theme : List.of("food", "staff", "unseen theme")) {
        assertEquals(m.predictWithProbabilities(text, theme), back.predictWithProbabilities(text, theme));
      }
    }
    assertEquals(m.options(), back.options());
    assertEquals(m.vocabularySize(), back.vocabularySize());
    assertArrayEquals(PolarityModelFormat.write(model()), first, "the same seed gives the same bytes");
  }

  @Test
  void corruptEntryIsRefusedWithItsLine() {
    ModelFormatException wrongFormat = assertThrows(ModelFormatException.class,
        () -> read("other-format\t1\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(1, wrongFormat.line());
    assertTrue(wrongFormat.getMessage().startsWith("m.zip: polarity.txt: line 1: "), wrongFormat.getMessage());
    ModelFormatException newer = assertThrows(ModelFormatException.class,
        () -> read("verbatim-polarity\t2\n".getBytes(StandardCharsets.UTF_8)));
    assertTrue(newer.getMessage().contains("version 2"), newer.getMessage());
    byte[] good = PolarityModelFormat.write(model());
    byte[] truncated = Arrays.copyOf(good, good.length / 2);
    ModelFormatException cut = assertThrows(ModelFormatException.class, () -> read(truncated));
    assertTrue(cut.line() > 1, cut.getMessage());
    assertEquals("polarity.txt", cut.entry());
  }

  @Test
  void escapingRoundTrips() {
    for (String s : List.of("plain", "tab\there", "new\nline", "back\\slash", "\\t literal", "")) {
      assertEquals(s, PolarityModelFormat.unescape(PolarityModelFormat.escape(s)));
      assertTrue(PolarityModelFormat.escape(s).indexOf('\t') < 0 && PolarityModelFormat.escape(s).indexOf('\n') < 0);
    }
  }
}
