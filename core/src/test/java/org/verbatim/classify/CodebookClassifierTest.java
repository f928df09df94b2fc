package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.Theme;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;

class CodebookClassifierTest {

  private static Theme theme(String id, Cue... cues) {
    return new Theme(id, id, "definition of " + id, List.of(), List.of(), List.of(cues), List.of(), List.of());
  }

  static final Codebook CODEBOOK = new Codebook("test", "Test codebook", "1", "en", "inline test codebook",
      List.of(
          theme("listening", Cue.of("listen*"), Cue.of("fell on deaf ears", Polarity.NEGATIVE)),
          theme("respect", Cue.of("rude", Polarity.NEGATIVE), Cue.of("polite", Polarity.POSITIVE)),
          theme("empathy", Cue.of("kind", Polarity.POSITIVE), Cue.of("caring", Polarity.POSITIVE)),
          theme("competence", Cue.of("useless", Polarity.NEGATIVE), Cue.of("knew ... doing", Polarity.POSITIVE)),
          theme("reliability", Cue.of("on time", Polarity.POSITIVE), Cue.of("late", Polarity.NEGATIVE),
              Cue.of("kept * waiting", Polarity.NEGATIVE)),
          theme("clarity", Cue.of("explain*"), Cue.of("leaflet*"), Cue.of("nobody told", Polarity.NEGATIVE)),
          theme("fairness", Cue.of("fair*"))),
      List.of());

  private final CodebookClassifier classifier = CodebookClassifier.create(CODEBOOK, RulePipeline.create());

  private ThemeTag tag(Classification c, String theme) {
    return c.tag(theme).orElseThrow(() -> new AssertionError("expected theme " + theme + " in " + c));
  }

  @Test
  void negatedNeutralCueIsAComplaint() {
    Classification c = classifier.classify("She never once listened to us.");
    assertEquals(List.of("listening"), c.themeIds());
    ThemeTag t = tag(c, "listening");
    assertEquals(Polarity.NEGATIVE, t.polarity());
    // evidence reaches back to the negator: "never once listened"
    assertEquals("never once listened", t.evidence().get(0).in("She never once listened to us."));
  }

  @Test
  void plainNeutralCueIsPraise() {
    assertEquals(Polarity.POSITIVE, tag(classifier.classify("She really listened."), "listening").polarity());
  }

  @Test
  void negatedComplaintIsNotAComplaint() {
    Classification c = classifier.classify("The staff were not rude.");
    c.tag("respect").ifPresent(t -> assertEquals(Polarity.POSITIVE, t.polarity()));
    // half weight: one negated complaint cue is below the default threshold
    assertTrue(c.tag("respect").isEmpty(), "a negated complaint alone should not reach the threshold: " + c);
  }

  @Test
  void contrastSeparatesThemesOfOppositePolarity() {
    Classification c = classifier.classify("Kind but useless.");
    assertEquals(Polarity.POSITIVE, tag(c, "empathy").polarity());
    assertEquals(Polarity.NEGATIVE, tag(c, "competence").polarity());
  }

  @Test
  void hedgedPraiseIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("Not always on time."), "reliability").polarity());
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("They were hardly ever on time"), "reliability").polarity());
  }

  @Test
  void praiseAndComplaintOnOneThemeIsMixed() {
    Classification c = classifier.classify("She was polite on Monday. On Tuesday she was rude.");
    assertEquals(Polarity.MIXED, tag(c, "respect").polarity());
  }

  @Test
  void severalThemesWithDifferentPolarities() {
    Classification c = classifier.classify("She never listened but was always polite.");
    assertEquals(Polarity.NEGATIVE, tag(c, "listening").polarity());
    assertEquals(Polarity.POSITIVE, tag(c, "respect").polarity());
  }

  @Test
  void requestsTurnNeutralCuesIntoComplaints() {
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("They need to explain things."), "clarity").polarity());
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("I wish they had explained what would happen."), "clarity").polarity());
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("Staff should be more polite"), "respect").polarity());
  }

  @Test
  void contextSentimentDecidesNeutralCues() {
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("What they explained was confusing and poor."), "clarity").polarity());
    assertEquals(Polarity.POSITIVE, tag(classifier.classify("Everything was explained brilliantly."), "clarity").polarity());
  }

  @Test
  void commentsWithoutThemesGetNoTags() {
    for (String s : List.of("n/a", "Nothing to add.", "", "   ", "N/A - no comment")) {
      assertTrue(classifier.classify(s).isEmpty(), "expected no theme for a comment of length " + s.length());
    }
  }

  @Test
  void longestMatchWinsAndGapsMatch() {
    Classification c = classifier.classify("They kept me waiting and were late. She knew what she was doing.");
    ThemeTag rel = tag(c, "reliability");
    assertEquals(Polarity.NEGATIVE, rel.polarity());
    assertEquals(Polarity.POSITIVE, tag(c, "competence").polarity());
    assertTrue(rel.score() > 0.5, "two cues score above one: " + rel.score());
  }

  @Test
  void evidenceOffsetsPointIntoTheText() {
    String text = "Honestly? She was rude \u2014 and late, again.";
    Classification c = classifier.classify(text);
    for (ThemeTag t : c.tags()) {
      for (Evidence e : t.evidence()) {
        assertTrue(e.end() <= text.length());
        assertFalse(e.in(text).isBlank());
      }
    }
    assertEquals("rude", tag(c, "respect").evidence().get(0).in(text));
  }

  @Test
  void thresholdIsAnOption() {
    CodebookClassifier strict = CodebookClassifier.create(CODEBOOK, RulePipeline.create(),
        new CodebookClassifier.Options(0.7, 0.3));
    assertTrue(strict.classify("She was rude.").isEmpty());
    assertFalse(strict.classify("She was rude, rude and late and rude.").tag("respect").isEmpty());
    assertThrows(IllegalArgumentException.class, () -> new CodebookClassifier.Options(0, 0.3));
    assertThrows(IllegalArgumentException.class, () -> new CodebookClassifier.Options(0.5, 0.9));
  }

  @Test
  void candidatesIncludeWeakThemes() {
    assertFalse(classifier.candidates("The staff were not rude.").isEmpty());
  }

  @Test
  void lemmaCodebookNeedsFullProfile() {
    Codebook lemmas = new Codebook("l", "l", "1", "en", "", List.of(theme("listening", Cue.of("lemma:listen"))), List.of());
    assertThrows(IllegalArgumentException.class, () -> CodebookClassifier.create(lemmas, RulePipeline.create()));
  }

  @Test
  void negationAfterAndIsAComplaintWhateverTheOtherConjunct() {
    // issue 12: the negative clause ("rude") must not flip "never listened" back to praise
    Classification c = classifier.classify("Staff were rude and never listened when I raised concerns.");
    assertEquals(Polarity.NEGATIVE, tag(c, "listening").polarity());
    assertEquals(Polarity.NEGATIVE, tag(c, "respect").polarity());
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("Still nobody has explained the awful complaint decision."), "clarity").polarity());
  }

  @Test
  void praiseAfterAndIsNotNegatedByTheFirstConjunct() {
    Classification c = classifier.classify("She never rushed us and listened to everything.");
    assertEquals(Polarity.POSITIVE, tag(c, "listening").polarity());
  }

  @Test
  void sentenceLevelWishesAreComplaints() {
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("Larger print leaflets please."), "clarity").polarity());
    assertEquals(Polarity.NEGATIVE,
        tag(classifier.classify("Why can nobody explain the charges to me?"), "clarity").polarity());
    assertEquals(Polarity.NEGATIVE,
        tag(classifier.classify("It would have been nice if someone had explained the plan."), "clarity").polarity());
    assertEquals(Polarity.NEGATIVE,
        tag(classifier.classify("ALL I WANT IS FOR SOMEONE TO EXPLAIN THE PLAN"), "clarity").polarity());
    // "please" in another clause is no wish about this one; a fixed-polarity cue keeps its praise
    assertEquals(Polarity.POSITIVE,
        tag(classifier.classify("Please keep her, she explains everything."), "clarity").polarity());
    assertEquals(Polarity.POSITIVE, tag(classifier.classify("Why can't they all be as kind as her?"), "empathy").polarity());
  }

  @Test
  void aComplaintNegatedThroughFeelIsPraiseInFull() {
    // "not rude" is faint praise (half weight, below the threshold); "never made me feel" is praise
    assertTrue(classifier.classify("The staff were not rude.").tag("respect").isEmpty());
    ThemeTag t = tag(classifier.classify("She never made me feel rude for asking."), "respect");
    assertEquals(Polarity.POSITIVE, t.polarity());
    assertEquals(Polarity.POSITIVE, tag(classifier.classify("I never felt they were late."), "reliability").polarity());
  }

  @Test
  void wouldBeNiceMakesFixedPraiseAWish() {
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("It would be nice if someone was on time."), "reliability").polarity());
    assertEquals(Polarity.NEGATIVE,
        tag(classifier.classify("I would be grateful if someone could explain the charges."), "clarity").polarity());
    // "she'd been kind" is "she had been kind", not a wish
    assertEquals(Polarity.POSITIVE, tag(classifier.classify("She'd been kind up to then."), "empathy").polarity());
  }

  @Test
  void negationStopsAtANewSubjectUnlessTheVerbCarriesIt() {
    // "can't help" does not negate "they explain": a new clause starts at "they"
    assertEquals(Polarity.POSITIVE,
        tag(classifier.classify("When they can't help they explain why and point you elsewhere."), "clarity").polarity());
    // raising verbs and inverted clauses carry the negation past the subject
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("I don't think she listened at all."), "listening").polarity());
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("Never once did she listen."), "listening").polarity());
    // so does a negated noun phrase with its relative clause
    assertTrue(classifier.classify("It wasn't a meeting I found useless.").tag("competence").isEmpty());
  }

  @Test
  void aTopicInASilentSentenceTakesTheCommentsSentiment() {
    // "explain" has no polarity of its own and its sentence has no sentiment word: the rest of the comment decides
    assertEquals(Polarity.NEGATIVE,
        tag(classifier.classify("I asked them to explain the charges. It was awful and nothing changed."), "clarity").polarity());
    assertEquals(Polarity.POSITIVE,
        tag(classifier.classify("She explained the charges. It was brilliant."), "clarity").polarity());
    // a silent comment leaves the default, praise
    assertEquals(Polarity.POSITIVE, tag(classifier.classify("She explained the charges."), "clarity").polarity());
  }

  @Test
  void aNegatorTakenByAWildcardNegatesTheCue() {
    // "kept * waiting" matches "kept nobody waiting": the negator inside the match negates it
    Classification c = classifier.classify("They kept nobody waiting.");
    assertEquals(Polarity.POSITIVE, tag(classifier.candidates("They kept nobody waiting."), "reliability").polarity());
    assertTrue(c.tag("reliability").isEmpty(), "a negated complaint alone stays below the threshold: " + c);
    assertEquals(Polarity.NEGATIVE, tag(classifier.classify("They kept me waiting."), "reliability").polarity());
  }

  @Test
  void ignorePatternsBlockTheCuesInsideThem() {
    Codebook withIgnore = new Codebook("i", "i", "1", "en", "", CODEBOOK.themes(), List.of(),
        List.of(org.verbatim.codebook.CuePattern.parse("to be fair"), org.verbatim.codebook.CuePattern.parse("we turned up")));
    CodebookClassifier c = CodebookClassifier.create(withIgnore, RulePipeline.create());
    assertTrue(c.classify("To be fair, the night staff are lovely.").tag("fairness").isEmpty());
    assertFalse(c.classify("The decision was fair.").tag("fairness").isEmpty());
    assertFalse(classifier.classify("To be fair, the night staff are lovely.").tag("fairness").isEmpty());
    // issue 12: "Nobody told us ... we turned up and the room was empty" is no reliability praise
    Codebook reliability = new Codebook("r", "r", "1", "en", "",
        List.of(theme("reliability", Cue.of("turn* up")), theme("clarity", Cue.of("nobody told", Polarity.NEGATIVE))),
        List.of(), List.of(org.verbatim.codebook.CuePattern.parse("we turned up")));
    Classification r = CodebookClassifier.create(reliability, RulePipeline.create())
        .classify("Nobody told us the meeting had moved, we turned up and the room was empty.");
    assertEquals(List.of("clarity"), r.themeIds());
    assertEquals(Polarity.NEGATIVE, tag(r, "clarity").polarity());
    assertFalse(CodebookClassifier.create(reliability, RulePipeline.create())
        .classify("She always turned up when she said.").tag("reliability").isEmpty());
  }

  @Test
  void infoDescribesTheClassifier() {
    assertEquals("codebook", classifier.info().kind());
    assertEquals(CODEBOOK.themeIds(), classifier.info().themes());
    assertEquals("test", classifier.info().properties().get("codebook.id"));
  }
}
