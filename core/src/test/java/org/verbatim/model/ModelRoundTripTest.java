package org.verbatim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.features.FeatureOptions;

class ModelRoundTripTest {

  @TempDir
  Path dir;

  @Test
  void writeThenLoadGivesTheSameModelAndPredictions() throws Exception {
    LinearThemeClassifier trained = Fixtures.trained();
    Path file = dir.resolve("m.zip");
    ModelWriter.write(trained, file);
    LinearThemeClassifier loaded = ModelLoader.load(file);
    assertEquals(trained.labels(), loaded.labels());
    assertEquals(trained.model().keys(), loaded.model().keys());
    assertArrayEquals(trained.model().weights(), loaded.model().weights());
    assertArrayEquals(trained.model().idf(), loaded.model().idf());
    assertArrayEquals(trained.model().thresholds(), loaded.model().thresholds());
    assertArrayEquals(trained.model().bias(), loaded.model().bias());
    assertEquals(trained.report(), loaded.report());
    assertEquals(trained.info().kind(), loaded.info().kind());
    assertEquals(trained.info().properties().get("data.sha256"), loaded.info().properties().get("data.sha256"));
    assertEquals(trained.info().properties().get("option.seed"), loaded.info().properties().get("option.seed"));
    assertEquals(trained.classifyAll(Fixtures.PROBES), loaded.classifyAll(Fixtures.PROBES));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
    }
  }

  @Test
  void aPolarityModelTravelsInTheFileAndJudgesTheTags() throws Exception {
    LinearThemeClassifier trained = Fixtures.trainedWithPolarity();
    Path file = dir.resolve("p.zip");
    ModelWriter.write(trained, file);
    String manifest;
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(file.toFile())) {
      manifest = new String(z.getInputStream(z.getEntry(ModelFormat.MANIFEST)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(z.getEntry(ModelFormat.POLARITY) != null);
    }
    assertTrue(manifest.contains("\"formatVersion\" : 3"), manifest);
    assertTrue(manifest.contains("\"polarity\" : {"), manifest);
    assertTrue(manifest.contains("\"pipeline\" : \"opennlp-fast\""), "the polarity model's pipeline is recorded: " + manifest);
    LinearThemeClassifier loaded = ModelLoader.load(file);
    assertTrue(loaded.polarityModel().isPresent());
    assertEquals(trained.classifyAll(Fixtures.PROBES), loaded.classifyAll(Fixtures.PROBES));
    assertEquals("3", loaded.info().properties().get("format.version"));
    assertEquals(trained.info().properties().get("polarity.classes"), loaded.info().properties().get("polarity.classes"));
    // the learned polarities reach the tags: the training rows get the polarity they were coded with
    var praise = loaded.classify(Fixtures.ROWS[1][1]).tag("staff");
    var complaint = loaded.classify(Fixtures.ROWS[10][1]).tag("waiting");
    assertTrue(praise.isPresent() && complaint.isPresent());
    assertEquals(org.verbatim.Polarity.POSITIVE, praise.get().polarity());
    assertEquals(org.verbatim.Polarity.NEGATIVE, complaint.get().polarity());
    // without polarity: neutral tags (written as version 3 too, sealed)
    Path plain = dir.resolve("plain.zip");
    ModelWriter.write(Fixtures.trained(), plain);
    LinearThemeClassifier p = ModelLoader.load(plain);
    assertEquals("3", p.info().properties().get("format.version"));
    assertTrue(p.polarityModel().isEmpty());
    assertTrue(p.classify(Fixtures.ROWS[1][1]).tags().stream().allMatch(t -> t.polarity() == org.verbatim.Polarity.NEUTRAL));
    try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(plain.toFile())) {
      String m = new String(z.getInputStream(z.getEntry(ModelFormat.MANIFEST)).readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      assertTrue(m.contains("\"pipeline\" : \"none\""), "the default theme model needs no pipeline: " + m);
    }
  }

  @Test
  void everyKindAndFeatureSetRoundTrips() throws Exception {
    for (ClassifierKind k : ClassifierKind.values()) {
      FeatureOptions f = k == ClassifierKind.LOGISTIC
          ? FeatureOptions.words().withWeighting(FeatureOptions.Weighting.BINARY)
          : FeatureOptions.wordsAndChars().withNegation(FeatureOptions.Negation.BOTH);
      LinearThemeClassifier trained = Fixtures.trained(k, f);
      Path file = dir.resolve(k.id() + ".zip");
      ModelWriter.write(trained, file);
      LinearThemeClassifier loaded = ModelLoader.load(file);
      assertEquals(trained.classifyAll(Fixtures.PROBES), loaded.classifyAll(Fixtures.PROBES), k.id());
      assertEquals(k, loaded.model().kind(), k.id());
      assertEquals(Fixtures.options(k, f).features(), loaded.model().features());
    }
  }

  @Test
  void aModelWithExtraFeaturesNeedsTheSameSourceToLoad() throws Exception {
    org.verbatim.codebook.Codebook cb = new org.verbatim.codebook.Codebook("rt", "Round trip", "1", "en", "inline",
        List.of(new org.verbatim.codebook.Theme("staff", "Staff", "staff", List.of(), List.of(),
            List.of(org.verbatim.codebook.Cue.of("nurse*"), org.verbatim.codebook.Cue.of("rude", org.verbatim.Polarity.NEGATIVE)),
            List.of(), List.of())),
        List.of());
    org.verbatim.features.ClassifierFeatures cues = org.verbatim.features.ClassifierFeatures.of(
        org.verbatim.classify.CodebookClassifier.create(cb, org.verbatim.text.RulePipeline.create()));
    LinearThemeClassifier trained = org.verbatim.train.ThemeTrainer.create(Fixtures.options(ClassifierKind.NB_LOGISTIC,
        FeatureOptions.words()).toBuilder().extraFeatures(cues).build()).train(Fixtures.data());
    Path file = dir.resolve("extras.zip");
    ModelWriter.write(trained, file);
    LinearThemeClassifier loaded = ModelLoader.load(file, cues);
    assertEquals(trained.classifyAll(Fixtures.PROBES), loaded.classifyAll(Fixtures.PROBES));
    assertEquals(List.of("cue:staff"), loaded.model().extraNames());
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelLoader.load(file));
    assertTrue(e.getMessage().contains("the model needs a codebook"), e.getMessage());
    assertEquals(java.util.Optional.of(cues.id()), ModelLoader.extraFeaturesId(file), "asked before loading");
    Path plain = dir.resolve("plain.zip");
    ModelWriter.write(Fixtures.trained(), plain);
    assertEquals(java.util.Optional.empty(), ModelLoader.extraFeaturesId(plain));
  }

  @Test
  void overwritesAnExistingFile() throws Exception {
    Path file = dir.resolve("m.zip");
    Files.writeString(file, "old");
    ModelWriter.write(Fixtures.trained(), file);
    assertTrue(Files.size(file) > 100);
    ModelLoader.load(file);
  }

  @Test
  void refusesToStoreAnUnsupportedClassifier() {
    LinearThemeClassifier t = Fixtures.trained();
    org.verbatim.ThemeClassifier other = new org.verbatim.ThemeClassifier() {
      @Override
      public org.verbatim.Classification classify(String text) {
        return t.classify(text);
      }

      @Override
      public org.verbatim.ModelInfo info() {
        return t.info();
      }
    };
    assertThrows(IllegalArgumentException.class, () -> ModelWriter.write(other, dir.resolve("x.zip")));
  }
}
