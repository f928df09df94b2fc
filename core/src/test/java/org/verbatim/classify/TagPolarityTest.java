package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.model.ModelFormatException;
import org.verbatim.text.RulePipeline;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.WordLayerTrainer;

/** The learned polarity of a word layer's tags: what it learns, its gate, and the version 2 file format. */
class TagPolarityTest {

  private static final CodebookClassifier CUES =
      CodebookClassifier.create(CodebookClassifierTest.CODEBOOK, RulePipeline.create());
  private static final List<String> THEMES = CodebookClassifierTest.CODEBOOK.themeIds();

  /**
   * Comments on the leaflet ("leaflet" is a clarity cue of no polarity, so the rules call it praise) coded negative
   * when they hold the made-up word "blorp" and positive when they hold "zing"; and comments on lateness.
   */
  private static final List<LabelledComment> CODED = new ArrayList<>();
  private static final List<Map<String, Polarity>> POLARITIES = new ArrayList<>();

  static {
    String[] blorp = {"The leaflet was blorp.", "A blorp leaflet again.", "Their leaflets are blorp.",
        "Blorp leaflet, as ever."};
    String[] zing = {"The leaflet was zing.", "A zing leaflet again.", "Their leaflets are zing.",
        "Zing leaflet, as ever."};
    String[] late = {"The carer came late.", "Late every morning.", "She was late twice."};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < blorp.length; j++) {
        add("b" + i + j, blorp[j], "clarity", Polarity.NEGATIVE);
        add("z" + i + j, zing[j], "clarity", Polarity.POSITIVE);
      }
      for (int j = 0; j < late.length; j++) {
        add("l" + i + j, late[j], "reliability", Polarity.NEGATIVE);
      }
    }
  }

  private static void add(String id, String text, String theme, Polarity p) {
    CODED.add(LabelledComment.of(id, text, theme));
    POLARITIES.add(Map.of(theme, p));
  }

  private static WordLayer trained(WordLayerTrainer trainer) {
    return trainer.train(CUES, CODED, POLARITIES);
  }

  private static final WordLayerTrainer TRAINER = WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS);

  private static String text(WordLayer l) throws IOException {
    StringWriter w = new StringWriter();
    l.write(w);
    return w.toString();
  }

  private static List<String> themesAndScores(Classification c) {
    return c.tags().stream().map(t -> t.themeId() + " " + t.score() + " " + t.evidence()).toList();
  }

  @Test
  void learnsThePolarityTheRulesMissAndLeavesTheThemesAlone() {
    String text = "Another blorp leaflet.";
    Classification rules = CUES.withLayer(trained(TRAINER.withoutPolarity())).classify(text);
    Classification learned = CUES.withLayer(trained(TRAINER)).classify(text);
    assertEquals(Polarity.POSITIVE, rules.tag("clarity").orElseThrow().polarity(), "the rules: a plain cue is praise");
    assertEquals(Polarity.NEGATIVE, learned.tag("clarity").orElseThrow().polarity(), "coded negative with 'blorp'");
    assertEquals(Polarity.POSITIVE, CUES.withLayer(trained(TRAINER)).classify("Another zing leaflet.")
        .tag("clarity").orElseThrow().polarity());
    for (String s : List.of(text, "The carer came late with a zing leaflet.", "Nothing here.", "Kind but late.")) {
      assertEquals(themesAndScores(CUES.withLayer(trained(TRAINER.withoutPolarity())).classify(s)),
          themesAndScores(CUES.withLayer(trained(TRAINER)).classify(s)), "the same themes, scores and evidence");
    }
  }

  /** A model whose every tag is negative with probability 0.9 (27 / 30), whatever its features. */
  private static TagPolarity negativeAtNinetyPercent(double gate) {
    int k = TagPolarity.CLASSES;
    float[] bias = {0, (float) Math.log(27), 0, 0};
    return new TagPolarity(gate, bias, new float[TagPolarity.RULES * k], new float[THEMES.size() * k],
        new float[THEMES.size() * TagPolarity.RULES * k], new float[k], new float[0]);
  }

  @Test
  void theLearnedPolarityReplacesTheRulesOnlyAtOrOverTheGate() {
    WordLayer none = new WordLayer(THEMES, 0.5, new float[THEMES.size()], new float[THEMES.size() * THEMES.size()],
        List.of(), new float[0], 0, new float[0]);
    String text = "She was kind and polite.";
    assertEquals(Polarity.POSITIVE, CUES.withLayer(none).classify(text).tag("respect").orElseThrow().polarity());
    Classification under = CUES.withLayer(none.withPolarity(negativeAtNinetyPercent(0.85))).classify(text);
    Classification over = CUES.withLayer(none.withPolarity(negativeAtNinetyPercent(0.95))).classify(text);
    for (String theme : List.of("respect", "empathy")) {
      assertEquals(Polarity.NEGATIVE, under.tag(theme).orElseThrow().polarity(), theme + ": 0.9 reaches gate 0.85");
      assertEquals(Polarity.POSITIVE, over.tag(theme).orElseThrow().polarity(), theme + ": 0.9 is under gate 0.95");
    }
    assertEquals(themesAndScores(under), themesAndScores(over));
    assertEquals(0.85, none.withPolarity(negativeAtNinetyPercent(0.5)).polarity().orElseThrow().withGate(0.85).gate());
    assertThrows(IllegalArgumentException.class, () -> negativeAtNinetyPercent(0));
    assertThrows(IllegalArgumentException.class, () -> negativeAtNinetyPercent(1.01));
    IllegalArgumentException words = assertThrows(IllegalArgumentException.class,
        () -> trained(TRAINER.withoutPolarity()).withPolarity(negativeAtNinetyPercent(0.5)));
    assertTrue(words.getMessage().contains("words"), words.getMessage());
  }

  @Test
  void aVersion2FileRoundTripsWithTheSamePredictions() throws Exception {
    WordLayer layer = trained(TRAINER);
    String once = text(layer);
    assertTrue(once.startsWith(WordLayer.MAGIC + "\n"), "a layer with a learned polarity is a version 2 file");
    assertEquals(once, text(trained(TRAINER)), "training is deterministic");
    WordLayer read = WordLayer.read(new StringReader(once), "layer.tsv");
    assertEquals(once, text(read));
    assertEquals(WordLayerTrainer.DEFAULT_POLARITY_GATE, read.polarity().orElseThrow().gate());
    for (String s : List.of("Another blorp leaflet.", "A zing leaflet, but late.", "The carer came late.", "")) {
      assertEquals(CUES.withLayer(layer).classify(s), CUES.withLayer(read).classify(s));
    }
  }

  @Test
  void aVersion1FileStillLoadsWithoutALearnedPolarity() throws Exception {
    String v1 = text(trained(TRAINER.withoutPolarity()));
    assertTrue(v1.startsWith(WordLayer.MAGIC_V1 + "\n"), v1.substring(0, 30));
    WordLayer read = WordLayer.read(new StringReader(v1), "old.tsv");
    assertFalse(read.polarity().isPresent());
    assertEquals(v1, text(read));
    // a hand-written version 1 file, as the format was before version 2
    String nt0 = "\t0".repeat(THEMES.size());
    StringBuilder old = new StringBuilder("verbatim-word-layer 1\nthemes\t" + String.join("\t", THEMES)
        + "\nthreshold\t0.5\nbias" + nt0 + "\n");
    for (String t : THEMES) {
      old.append("cue\t").append(t).append(nt0).append('\n');
    }
    old.append("complaint\t0.5\nword\tblorp").append(nt0).append("\t2.0\n");
    WordLayer hand = WordLayer.read(new StringReader(old.toString()), "hand.tsv");
    assertEquals(List.of("blorp"), hand.words());
    assertFalse(hand.polarity().isPresent());
    ThemeTag clarity = CUES.withLayer(hand).classify("A blorp leaflet.").tag("clarity").orElseThrow();
    assertEquals(Polarity.POSITIVE, clarity.polarity(), "the rule polarity");
  }

  @Test
  void badVersion2FilesAreRefusedWithTheLineAndWhatWasExpected() throws Exception {
    String good = text(trained(TRAINER));
    String noGate = good.replaceFirst("polarity\t[^\n]*\n", "");
    ModelFormatException gate = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(noGate), "x.tsv"));
    assertTrue(gate.getMessage().contains("incomplete learned polarity"), gate.getMessage());
    String shortWord = good.replaceFirst("(\nword\t[^\t\n]+(\t[^\t\n]+){" + (THEMES.size() + 1) + "})[^\n]*", "$1");
    ModelFormatException word = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(shortWord), "x.tsv"));
    assertTrue(word.getMessage().contains("x.tsv") && word.getMessage().contains((THEMES.size() + 5) + " weights"),
        word.getMessage());
    String v1WithPolarity = good.replaceFirst(WordLayer.MAGIC, WordLayer.MAGIC_V1);
    ModelFormatException v1 = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(v1WithPolarity), "x.tsv"));
    assertTrue(v1.getMessage().contains("version 2"), v1.getMessage());
    ModelFormatException v3 = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(good.replaceFirst(WordLayer.MAGIC, "verbatim-word-layer 3")), "x.tsv"));
    assertTrue(v3.getMessage().contains("line 1"), v3.getMessage());
  }
}
