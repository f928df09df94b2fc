package org.verbatim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.Theme;
import org.verbatim.features.ClassifierFeatures;
import org.verbatim.features.FeatureOptions;
import org.verbatim.text.RulePipeline;
import org.verbatim.train.ThemeTrainer;

class ModelClassifiersTest {

  @TempDir Path dir;

  private static ThemeClassifier codebook(String id, String cue) {
    Codebook cb = new Codebook(id, "Test " + id, "1", "en", "inline",
        List.of(new Theme("staff", "Staff", "staff", List.of(), List.of(),
            List.of(Cue.of(cue), Cue.of("rude", Polarity.NEGATIVE)), List.of(), List.of())),
        List.of());
    return CodebookClassifier.create(cb, RulePipeline.create());
  }

  @Test
  void aPlainModelLoadsAloneOrAsAHybridWithoutAskingForTheDefaultCodebook() throws Exception {
    Path file = dir.resolve("plain.zip");
    LinearThemeClassifier trained = Fixtures.trained();
    ModelWriter.write(trained, file);
    AtomicInteger asked = new AtomicInteger();
    ModelClassifiers.CodebookSupplier fallback = () -> {
      asked.incrementAndGet();
      return codebook("default", "nurse*");
    };
    ThemeClassifier alone = ModelClassifiers.load(file, null, fallback, true);
    assertInstanceOf(LinearThemeClassifier.class, alone);
    assertEquals(trained.classifyAll(Fixtures.PROBES), alone.classifyAll(Fixtures.PROBES));
    ThemeClassifier cues = codebook("given", "nurse*");
    assertInstanceOf(HybridThemeClassifier.class, ModelClassifiers.load(file, cues, fallback, true));
    assertInstanceOf(LinearThemeClassifier.class, ModelClassifiers.load(file, cues, fallback, false));
    assertEquals(0, asked.get(), "a model without cue features never needs the default codebook");
  }

  @Test
  void aModelWithCueFeaturesTakesTheGivenOrTheDefaultCodebookAndNamesTheMissingOne() throws Exception {
    ThemeClassifier source = codebook("rt", "nurse*");
    LinearThemeClassifier trained = ThemeTrainer.create(Fixtures.options(ClassifierKind.NB_LOGISTIC,
        FeatureOptions.words()).toBuilder().extraFeatures(ClassifierFeatures.of(source)).build()).train(Fixtures.data());
    Path file = dir.resolve("cues.zip");
    ModelWriter.write(trained, file);

    ThemeClassifier given = ModelClassifiers.load(file, source, () -> codebook("other", "doctor*"), false);
    assertEquals(trained.classifyAll(Fixtures.PROBES), given.classifyAll(Fixtures.PROBES));
    ThemeClassifier byDefault = ModelClassifiers.load(file, null, () -> source, true);
    assertInstanceOf(LinearThemeClassifier.class, byDefault, "the default codebook gives features, not a hybrid");
    assertEquals(trained.classifyAll(Fixtures.PROBES), byDefault.classifyAll(Fixtures.PROBES));

    CodebookNeededException e = assertThrows(CodebookNeededException.class,
        () -> ModelClassifiers.load(file, null, () -> codebook("other", "doctor*"), false));
    assertEquals(file.toString(), e.file());
    assertTrue(e.getMessage().startsWith(file + ": the model was trained with a codebook's cue features"), e.getMessage());
    assertInstanceOf(ModelFormatException.class, e.getCause());
    // a wrong codebook given explicitly is the model's refusal, not a missing codebook
    assertThrows(ModelFormatException.class,
        () -> ModelClassifiers.load(file, codebook("other", "doctor*"), () -> source, true));
  }
}
