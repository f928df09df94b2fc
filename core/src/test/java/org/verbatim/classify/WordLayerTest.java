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

/** The learned layer over a codebook's cues: its file format, its training and what it adds to the cues' tags. */
class WordLayerTest {

  private static final CodebookClassifier CUES =
      CodebookClassifier.create(CodebookClassifierTest.CODEBOOK, RulePipeline.create());
  private static final List<String> THEMES = CodebookClassifierTest.CODEBOOK.themeIds();

  /** Comments where "rang" and "phoned" go with reliability and no reliability cue occurs; others without it. */
  private static List<LabelledComment> coded() {
    List<LabelledComment> out = new ArrayList<>();
    String[] late = {"Nobody rang back for a week.", "They never phoned when they said.", "I rang four times.",
        "Still waiting, nobody phoned.", "The office rang once in a month.", "Phoned twice, no answer."};
    String[] other = {"The room was warm.", "We had lunch together.", "My mum likes the garden.",
        "The carer was rude to me.", "She was kind and polite.", "The leaflet explained it."};
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < late.length; j++) {
        out.add(LabelledComment.of("l" + i + "-" + j, late[j], "reliability"));
        out.add(LabelledComment.of("o" + i + "-" + j, other[j]));
      }
    }
    return out;
  }

  private static WordLayer trained() {
    return trained(Polarity.NEGATIVE);
  }

  /** The layer of {@link #coded} with every reliability code of the given polarity. */
  private static WordLayer trained(Polarity reliability) {
    List<LabelledComment> coded = coded();
    List<Map<String, Polarity>> polarities = new ArrayList<>();
    for (LabelledComment c : coded) {
      polarities.add(c.labels().isEmpty() ? Map.of() : Map.of("reliability", reliability));
    }
    // the rule polarity (a version 1 layer): these fixtures test the layer's tags and the complaint model;
    // TagPolarityTest tests the learned polarity
    return WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS).withoutPolarity().train(CUES, coded, polarities);
  }

  private static String text(WordLayer l) throws IOException {
    StringWriter w = new StringWriter();
    l.write(w);
    return w.toString();
  }

  /**
   * Fairness (no cue in these comments) goes with "no say" as adjacent words; "no" and "say" occur in every comment,
   * apart or split by punctuation in the others, so only the pair can tell them apart.
   */
  private static WordLayer pairsTrained(WordLayerTrainer trainer) {
    String[] pair = {"We had no say in the plan.", "Mum has no say at all.", "I get no say about my money.",
        "There is no say for the children.", "He had no say and we were not asked.", "Dad had no say in the move."};
    String[] apart = {"No, I say the plan was good.", "Say what you like, no problem.", "I say no to sugar.",
        "No one would say the food is bad.", "They say there is no rush.", "Say hello, no need to ring."};
    List<String> with = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      with.addAll(List.of(pair));
      without.addAll(List.of(apart));
    }
    return trainedOn(trainer, "fairness", with, without);
  }

  /**
   * A layer without a learned polarity, trained on comments coded with {@code theme} (negative) and comments coded
   * with nothing, taken in turn.
   */
  private static WordLayer trainedOn(WordLayerTrainer trainer, String theme, List<String> with, List<String> without) {
    List<LabelledComment> coded = new ArrayList<>();
    List<Map<String, Polarity>> polarities = new ArrayList<>();
    for (int k = 0; k < with.size(); k++) {
      coded.add(LabelledComment.of("w" + k, with.get(k), theme));
      polarities.add(Map.of(theme, Polarity.NEGATIVE));
      coded.add(LabelledComment.of("o" + k, without.get(k)));
      polarities.add(Map.of());
    }
    return trainer.withoutPolarity().train(CUES, coded, polarities);
  }

  @Test
  void aPairOfWordsCountsOnlyWhereTheWordsAreAdjacent() throws IOException, ModelFormatException {
    WordLayerTrainer trainer = WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS);
    WordLayer l = pairsTrained(trainer);
    int fairness = THEMES.indexOf("fairness");
    assertTrue(l.words().contains("no say"), "the pair is a feature");
    assertTrue(l.weight("no say", fairness) > 0.5, "no say: " + l.weight("no say", fairness));
    assertTrue(l.vocabularyWords().containsAll(List.of("no", "say")) && !l.vocabularyWords().contains("no say"),
        "the classifier's vocabulary gets the pair's two words, not the pair");
    CodebookClassifier layered = CUES.withLayer(l);
    assertTrue(layered.classify("The plan: no say.").tag("fairness").isPresent());
    assertFalse(layered.classify("The plan: no, say.").tag("fairness").isPresent(),
        "punctuation between the words breaks the pair");
    assertFalse(layered.classify("The plan: say no.").tag("fairness").isPresent());
    // single words alone cannot tell the two kinds apart: the same words in either order get the same themes
    CodebookClassifier single = CUES.withLayer(pairsTrained(trainer.withoutPairs().withoutPrefixes()));
    assertEquals(single.classify("The plan: say no.").themeIds(), single.classify("The plan: no say.").themeIds());
    // the pair survives the file format
    WordLayer read = WordLayer.read(new StringReader(text(l)), "test");
    assertEquals(text(l), text(read));
    assertEquals(layered.classify("We had no say.").themeIds(), CUES.withLayer(read).classify("We had no say.").themeIds());
  }

  @Test
  void aWordWithASpaceMustBeAPair() {
    float[] one = new float[THEMES.size()];
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WordLayer(THEMES, 0.5,
        new float[THEMES.size()], new float[THEMES.size() * THEMES.size()], List.of("no  say"), one, 0,
        new float[1]));
    assertTrue(e.getMessage().contains("pair"), e.getMessage());
  }

  @Test
  void learnsTheWordsThatGoWithAThemeTheCuesMiss() {
    WordLayer l = trained();
    int reliability = THEMES.indexOf("reliability");
    assertTrue(l.weight("rang", reliability) > 0.5, "rang: " + l.weight("rang", reliability));
    assertTrue(l.weight("garden", reliability) < 0, "garden: " + l.weight("garden", reliability));
    assertEquals(0, l.weight("never-seen-word", reliability));
  }

  @Test
  void addsTheThemeWithTheWordAsEvidenceAndLeavesCueTagsAlone() {
    CodebookClassifier layered = CUES.withLayer(trained());
    String text = "Nobody rang me back about the visit.";
    assertEquals(List.of(), CUES.classify(text).themeIds(), "no reliability cue in it");
    Classification c = layered.classify(text);
    ThemeTag t = c.tag("reliability").orElseThrow(() -> new AssertionError(c.toString()));
    double threshold = WordLayerTrainer.Options.DEFAULTS.threshold();
    assertTrue(t.score() >= threshold && t.score() < 1, "a probability at or over the threshold: " + t.score());
    List<String> words = t.evidence().stream().map(e -> text.substring(e.start(), e.end())).toList();
    assertTrue(words.contains("rang") && words.size() <= 2, "the words that weighed most: " + words);
    assertEquals(Polarity.NEGATIVE, t.polarity(), "the comments with 'rang' were coded as complaints");
    // the cues' own tags are the same with and without the layer, and candidates are the cues' alone
    String both = "The carer was polite but nobody rang.";
    assertEquals(CUES.classify(both).tag("respect"), layered.classify(both).tag("respect"));
    assertEquals(CUES.candidates(both), layered.candidates(both));
    assertFalse(layered.classify("The garden was lovely.").tag("reliability").isPresent());
  }

  @Test
  void aLayerTagWithoutCuesOfItsOwnTakesTheComplaintModelsPolarity() {
    // "Caring" is a praising empathy cue; the reliability tag's polarity is the complaint model's, learned from how
    // the comments with "phoned" were coded
    String text = "Caring staff who phoned every week.";
    Classification complaint = CUES.withLayer(trained(Polarity.NEGATIVE)).classify(text);
    Classification praise = CUES.withLayer(trained(Polarity.POSITIVE)).classify(text);
    assertEquals(Polarity.POSITIVE, complaint.tag("empathy").orElseThrow().polarity());
    assertEquals(Polarity.NEGATIVE, complaint.tag("reliability").orElseThrow(() -> new AssertionError(complaint.toString())).polarity());
    assertEquals(Polarity.POSITIVE, praise.tag("reliability").orElseThrow(() -> new AssertionError(praise.toString())).polarity());
  }

  @Test
  void trainingIsDeterministicAndTheTextFormatRoundTrips() throws Exception {
    String once = text(trained());
    assertEquals(once, text(trained()), "same comments and options, same layer");
    WordLayer read = WordLayer.read(new StringReader(once), "layer.tsv");
    assertEquals(once, text(read));
    assertEquals(THEMES, read.themes());
    assertEquals(WordLayerTrainer.Options.DEFAULTS.threshold(), read.threshold());
    String phrase = "Nobody phoned back.";
    assertEquals(CUES.withLayer(trained()).classify(phrase), CUES.withLayer(read).classify(phrase));
  }

  @Test
  void badFilesNameTheLineAndWhatWasExpected() throws Exception {
    String good = text(trained());
    ModelFormatException magic = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader("hello\n"), "x.tsv"));
    assertTrue(magic.getMessage().contains("x.tsv") && magic.getMessage().contains("line 1"), magic.getMessage());
    String[] lines = good.split("\n");
    lines[3] = "bias\t1\t2"; // too few weights
    ModelFormatException bias = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(String.join("\n", lines)), "x.tsv"));
    assertTrue(bias.getMessage().contains("line 4") && bias.getMessage().contains("7 weights"), bias.getMessage());
    String noComplaint = good.replaceFirst("complaint\t[^\n]*\n", "");
    ModelFormatException incomplete = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(noComplaint), "x.tsv"));
    assertTrue(incomplete.getMessage().contains("complaint"), incomplete.getMessage());
    String noNumber = good.replaceFirst("threshold\t[0-9.]+", "threshold\thalf");
    ModelFormatException num = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(noNumber), "x.tsv"));
    assertTrue(num.getMessage().contains("line 3") && num.getMessage().contains("'half'"), num.getMessage());
    String twice = good + "word\trang" + "\t0".repeat(THEMES.size() + 1) + "\n";
    ModelFormatException dup = assertThrows(ModelFormatException.class,
        () -> WordLayer.read(new StringReader(twice), "x.tsv"));
    assertTrue(dup.getMessage().contains("'rang' is listed twice"), dup.getMessage());
  }

  @Test
  void aLayerOfOtherThemesIsRefused() {
    WordLayer other = new WordLayer(List.of("a", "b"), 0.5, new float[2], new float[4], List.of("x"), new float[2], 0, new float[1]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CUES.withLayer(other));
    assertTrue(e.getMessage().contains("[a, b]"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new WordLayer(List.of("a"), 1.0, new float[1], new float[1], List.of(), new float[0], 0, new float[0]));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
        () -> WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS).train(CUES,
            List.of(LabelledComment.of("c1", "text", "nosuchtheme")), List.of(Map.of())));
    assertTrue(unknown.getMessage().contains("'c1'") && unknown.getMessage().contains("'nosuchtheme'"),
        unknown.getMessage());
  }
  /**
   * Reliability (no cue in these comments) goes with forms of "phone"; every form occurs in two comments at most, so
   * none but "phoned" is a word of the layer, while their beginning "phon*" occurs in all of them.
   */
  private static WordLayer prefixTrained(WordLayerTrainer trainer) {
    String[] phone = {"Phoned.", "Phoning.", "Phones!", "Phoned again.", "Phone?", "Phonecall."};
    String[] other = {"The room was warm.", "We had lunch together.", "My mum likes the garden.",
        "The hall was cold.", "The food was nice.", "The bus was on time."};
    List<String> with = new ArrayList<>();
    List<String> without = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      for (int j = 0; j < phone.length; j++) {
        with.add(other[(j + i) % other.length] + " " + phone[j]);
        without.add(other[j]);
      }
    }
    return trainedOn(trainer, "reliability", with, without);
  }

  @Test
  void aWordBeginningReachesFormsAndMisspellingsTheCommentsLack() throws IOException, ModelFormatException {
    WordLayerTrainer trainer = WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS).withPrefixes(4);
    WordLayer l = prefixTrained(trainer);
    int reliability = THEMES.indexOf("reliability");
    assertTrue(l.words().contains("phon*"), "the word beginning is a feature");
    assertTrue(l.weight("phon*", reliability) > 0.5, "phon*: " + l.weight("phon*", reliability));
    assertTrue(l.vocabularyPrefixes().contains("phon"), l.vocabularyPrefixes().toString());
    assertFalse(l.vocabularyWords().contains("phon*") || l.vocabularyWords().contains("phon"),
        "a word beginning is a prefix entry of the classifier's vocabulary, not a word entry");
    String text = "He phonned us once.";
    CodebookClassifier layered = CUES.withLayer(l);
    Classification c = layered.classify(text);
    ThemeTag t = c.tag("reliability").orElseThrow(() -> new AssertionError(c.toString()));
    assertEquals(List.of("phonned"), t.evidence().stream().map(e -> text.substring(e.start(), e.end())).toList(),
        "the misspelt form is the evidence");
    assertFalse(layered.classify("He rang us once.").tag("reliability").isPresent());
    assertFalse(layered.classify("The pho was good.").tag("reliability").isPresent(), "shorter than the beginning");
    // words alone do not reach the misspelling
    CodebookClassifier words = CUES.withLayer(prefixTrained(trainer.withoutPrefixes()));
    assertFalse(words.classify(text).tag("reliability").isPresent());
    // the prefix survives both file forms
    WordLayer read = WordLayer.read(new StringReader(text(l)), "test");
    assertEquals(text(l), text(read));
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    l.writeBinary(bytes);
    WordLayer binary = WordLayer.readBinary(new java.io.ByteArrayInputStream(bytes.toByteArray()), "test");
    assertEquals(text(l), text(binary));
    assertEquals(c, CUES.withLayer(binary).classify(text));
  }

  @Test
  void aWordWithAStarMustBeAPrefix() {
    for (String bad : List.of("a*b", "*", "no say*", "ab**")) {
      float[] one = new float[THEMES.size()];
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new WordLayer(THEMES, 0.5,
          new float[THEMES.size()], new float[THEMES.size() * THEMES.size()], List.of(bad), one, 0, new float[1]),
          bad);
      assertTrue(e.getMessage().contains("prefix"), e.getMessage());
    }
    assertTrue(WordLayer.isPrefixWord("liste*") && !WordLayer.isPrefixWord("*") && !WordLayer.isPrefixWord("no say"));
  }
}
