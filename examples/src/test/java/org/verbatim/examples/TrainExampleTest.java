package org.verbatim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.LinearThemeClassifier;

class TrainExampleTest {

  @TempDir Path dir;

  @Test
  void theSavedModelTagsThemesWithTheirLearnedPolarity() throws Exception {
    LinearThemeClassifier model = TrainExample.trainSaveAndLoad(dir.resolve("m.zip"));
    assertEquals(List.of("empathy", "listening", "reliability"), model.labels().stream().sorted().toList());
    assertTrue(model.polarityModel().isPresent());
    // a training comment comes back with its coded themes and polarities
    List<ThemeTag> tags = model.classify(TrainExample.CODED[16][0]).tags();
    assertTrue(tags.stream().anyMatch(t -> t.themeId().equals("empathy") && t.polarity() == Polarity.POSITIVE), tags.toString());
    assertTrue(tags.stream().anyMatch(t -> t.themeId().equals("reliability") && t.polarity() == Polarity.NEGATIVE), tags.toString());
  }
}
