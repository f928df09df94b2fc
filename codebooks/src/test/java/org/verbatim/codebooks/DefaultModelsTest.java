package org.verbatim.codebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Classification;
import org.verbatim.FileFormatException;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.text.RulePipeline;

class DefaultModelsTest {

  @TempDir Path dir;

  private static ThemeClassifier codebook() {
    return CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
  }

  @Test
  void theSocialCareModelRunsAsAHybridWithTheDefaultCodebook() throws IOException, FileFormatException {
    ThemeClassifier sc = DefaultModels.load(DefaultModels.SOCIAL_CARE, codebook());
    assertTrue(sc instanceof HybridThemeClassifier, sc.getClass().getName());
    assertEquals(DefaultCodebooks.socialCare().themeIds().stream().sorted().toList(),
        sc.info().themes().stream().sorted().toList(), "the model knows the codebook's ten themes");
    String text = "The social worker never listened to a word we said and was rude to my mother.";
    Classification c = sc.classify(text);
    assertFalse(c.tags().isEmpty(), "a plain complaint gets a theme");
    for (ThemeTag t : c.tags()) {
      assertFalse(t.evidence().isEmpty(), t.themeId() + " carries the codebook's evidence or the model's words");
    }
  }

  @Test
  void aBundledModelCopiesToAModelFile() throws IOException {
    Path f = DefaultModels.copyTo(DefaultModels.SOCIAL_CARE, dir);
    assertTrue(Files.size(f) > 100_000, "a model zip: " + Files.size(f));
    try (ZipFile zip = new ZipFile(f.toFile())) {
      assertTrue(zip.getEntry("manifest.json") != null);
      assertTrue(zip.getEntry("weights.bin") != null);
    }
  }

  @Test
  void anUnknownNameIsRefusedNamingTheBundledOnes() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> DefaultModels.copyTo("nhs", dir));
    assertTrue(e.getMessage().contains("no bundled model named 'nhs'; bundled: social-care"), e.getMessage());
    assertEquals(List.of("social-care"), DefaultModels.names());
    assertFalse(DefaultModels.isBundled("social-care.zip"));
  }
}
