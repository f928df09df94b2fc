package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.CuePattern;
import org.verbatim.codebook.Theme;
import org.verbatim.text.RulePipeline;

/** Issue 12's polarity cases of the zero-shot rules, one test per case, each with a counter-case the rule must leave alone. */
class PolarityRulesCasesTest {

  private static Theme theme(String id, Cue... cues) {
    return new Theme(id, id, "definition of " + id, List.of(), List.of(), List.of(cues), List.of(), List.of());
  }

  private static Cue weighted(String pattern, Polarity polarity, double weight) {
    return new Cue(CuePattern.parse(pattern), polarity, weight);
  }

  static final Codebook CODEBOOK = new Codebook("test", "Test codebook", "1", "en", "inline test codebook",
      List.of(
          theme("listening", Cue.of("listen*")),
          theme("respect", Cue.of("rude", Polarity.NEGATIVE), Cue.of("polite", Polarity.POSITIVE),
              weighted("talk to me like", Polarity.NEGATIVE, 2)),
          theme("support", weighted("fight for", Polarity.NEGATIVE, 2), Cue.of("sitter"), Cue.of("worker")),
          theme("reliability", Cue.of("contacted"), Cue.of("turned up"), Cue.of("kept her promise", Polarity.POSITIVE),
              Cue.of("cancelled", Polarity.NEGATIVE), Cue.of("emails"), Cue.of("no reply", Polarity.NEGATIVE)),
          theme("clarity", Cue.of("information"), Cue.of("nobody told", Polarity.NEGATIVE))),
      List.of());

  private final CodebookClassifier classifier = CodebookClassifier.create(CODEBOOK, RulePipeline.create());

  private Polarity polarity(String text, String theme) {
    Classification c = classifier.classify(text);
    ThemeTag t = c.tag(theme).orElseThrow(() -> new AssertionError("expected theme " + theme + " in " + c));
    return t.polarity();
  }

  @Test
  void negationAfterAndKeepsTheComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("Staff were rude and never listened.", "listening"));
    assertEquals(Polarity.POSITIVE, polarity("Staff were polite and listened.", "listening"));
  }

  @Test
  void nobodyToldUsIsNoReliabilityPraise() {
    String text = "Nobody told us the meeting had moved, we turned up and the room was empty.";
    assertEquals(Polarity.NEGATIVE, polarity(text, "clarity"));
    assertEquals(Polarity.NEGATIVE, polarity(text, "reliability"));
    // a clause opening with "not" is mostly a contrast, no complaint: "we turned up at ten, not at noon"
    assertEquals(Polarity.POSITIVE, polarity("We turned up at ten, not at noon.", "reliability"));
  }

  @Test
  void shouldNotHaveHadToIsAComplaint() {
    // without the rule the negator flips the complaint cue into praise
    assertEquals(Polarity.NEGATIVE, polarity("We shouldn't have had to fight for that.", "support"));
    assertEquals(Polarity.NEGATIVE, polarity("You should not have to fight for basic help.", "support"));
    // a plain negation still flips: "never had to fight for" is praise
    assertEquals(Polarity.POSITIVE, polarity("We never had to fight for anything.", "support"));
  }

  @Test
  void theServiceDoesNotHaveToIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("I know I made mistakes but they don't have to talk to me like that.", "respect"));
    // with the writer as subject, "don't have to" is relief: the negation flips as before
    assertEquals(Polarity.POSITIVE, polarity("I don't have to fight for anything now.", "support"));
  }

  @Test
  void withoutXIWouldHaveGoneUnderPraisesX() {
    assertEquals(Polarity.POSITIVE, polarity("Without the Tuesday sitter I'd have gone under.", "support"));
    assertEquals(Polarity.POSITIVE, polarity("I couldn't have coped without the sitter.", "support"));
    // "without" with no conditional is still a lack
    assertEquals(Polarity.NEGATIVE, polarity("We were left without a sitter for a month.", "support"));
  }

  @Test
  void aLaterDenialCancelsAPromise() {
    assertEquals(Polarity.NEGATIVE,
        polarity("They said I'd be contacted about the emergency card and I never was, typical", "reliability"));
    assertEquals(Polarity.NEGATIVE, polarity("We were told the worker would ring. Nobody did.", "support"));
    // a promise kept stays praise
    assertEquals(Polarity.POSITIVE, polarity("They said I'd be contacted and I was, the next day.", "reliability"));
    // a denial that is not elliptical ("never was late") does not cancel anything
    assertEquals(Polarity.POSITIVE, polarity("They said I'd be contacted and the worker never was late.", "reliability"));
  }

  @Test
  void formalComplaintWordingIsNegative() {
    assertEquals(Polarity.NEGATIVE,
        polarity("I must raise my concern that information about my daughter was shared with her school.", "clarity"));
    assertEquals(Polarity.NEGATIVE,
        polarity("The information was shared. I would like to understand who authorised this.", "clarity"));
    assertEquals(Polarity.POSITIVE, polarity("The information was shared with us promptly.", "clarity"));
  }

  @Test
  void aSilentSentenceOpeningWithANegatorIsAComplaint() {
    // before, "emails" took the praise of a silent comment and the theme was mixed
    assertEquals(Polarity.NEGATIVE, polarity("Eleven emails since September. No reply.", "reliability"));
    // a negated scored word keeps its own reading: "No problem" is praise
    assertEquals(Polarity.POSITIVE, polarity("Eleven emails since September. No problem at all.", "reliability"));
  }

  @Test
  void praiseAndComplaintInDifferentSentencesAreMixed() {
    // one full-weight cue each way in different sentences: before, the three complaints outweighed the praise
    String text = "The social worker kept her promise to come back. The manager cancelled the review, cancelled the"
        + " visit and cancelled the plan.";
    assertEquals(Polarity.MIXED, polarity(text, "reliability"));
    // in one sentence the vote of the weights still decides
    assertEquals(Polarity.NEGATIVE,
        polarity("She kept her promise but the manager cancelled, cancelled and cancelled again.", "reliability"));
    assertEquals(Polarity.NEGATIVE, polarity("The manager cancelled. Then he cancelled again.", "reliability"));
  }

  // Round 2 (rules from the spent social-care check sets)

  @Test
  void mixedByWeightShareNeedsATurn() {
    // a third of the weight praising, no contrast marker: coders read one complaint (before: mixed)
    assertEquals(Polarity.NEGATIVE, polarity("The worker was polite, rude to my son and rude to me.", "respect"));
    // the same weights across a "but" stay mixed
    assertEquals(Polarity.MIXED, polarity("The worker was polite but rude to my son and rude to me.", "respect"));
  }

  @Test
  void anAuxiliaryThenANegatorDeniesAPromise() {
    assertEquals(Polarity.NEGATIVE, polarity("We were told the worker would ring. They didn't.", "support"));
    // a promise kept stays praise
    assertEquals(Polarity.POSITIVE, polarity("We were told the worker would ring. They did.", "support"));
    // the auxiliary and negator must end their clause: "they didn't mind" denies nothing
    assertEquals(Polarity.POSITIVE, polarity("We were told the worker would ring. They didn't mind at all.", "support"));
  }

  @Test
  void aQuestionIsARequest() {
    assertEquals(Polarity.NEGATIVE, polarity("Any chance of the information in large print?", "clarity"));
    // a silent question elsewhere in the comment counts as a complaint too
    assertEquals(Polarity.NEGATIVE,
        polarity("Is there a number to ring at weekends? The information only gives office hours.", "clarity"));
    // the same statement without a question stays praise
    assertEquals(Polarity.POSITIVE, polarity("The information came in large print.", "clarity"));
  }

  @Test
  void neverForgetAffirms() {
    assertEquals(Polarity.POSITIVE, polarity("I will never forget how polite they were with him.", "respect"));
    // a plain negation still flips the praise
    assertEquals(Polarity.NEGATIVE, polarity("They were never polite with him.", "respect"));
  }

  @Test
  void timeGoneBySinceAPromiseDeniesIt() {
    assertEquals(Polarity.NEGATIVE, polarity("They said they'd send the information. It's been nine days.", "clarity"));
    assertEquals(Polarity.NEGATIVE, polarity("We were told the worker would ring. That was in March.", "support"));
    // "it's been" without a time ("a great help") is no elapsed time
    assertEquals(Polarity.POSITIVE, polarity("They said they'd send the information. It's been a great help.", "clarity"));
  }

  @Test
  void pleaseBeforePraiseIsARequest() {
    assertEquals(Polarity.NEGATIVE, polarity("Please be polite to my mother when you ring.", "respect"));
    // "please" after the praise is a courtesy, not a request for it
    assertEquals(Polarity.POSITIVE, polarity("Thank you for being so polite, please pass this on.", "respect"));
  }

  @Test
  void praiseQuotedBackAfterAVerbOfSpeechIsNoPraise() {
    assertEquals(Polarity.NEGATIVE, polarity("They keep saying 'polite service' but nobody answers the phone.", "respect"));
    // quotation marks without a verb of speech are the writer's own emphasis
    assertEquals(Polarity.POSITIVE, polarity("The staff were 'polite' and kind, always there for me.", "respect"));
  }

  @Test
  void thatAfterAPrepositionKeepsTheNegationsScope() {
    assertEquals(Polarity.NEGATIVE, polarity("Nobody at that office was polite.", "respect"));
    // "that" after a verb opens a clause of its own, out of the negation's scope
    assertEquals(Polarity.POSITIVE, polarity("I had no doubt that staff were polite.", "respect"));
  }

  @Test
  void aDenialWithEverCancelsAPromise() {
    assertEquals(Polarity.NEGATIVE,
        polarity("They always promised we would be contacted, lovely people. No one ever did.", "reliability"));
    // "ever" and an auxiliary that do not end their clause deny nothing
    assertEquals(Polarity.POSITIVE,
        polarity("They always promised we would be contacted, lovely people. No one ever did it better.", "reliability"));
  }

  @Test
  void stoppingAComplaintIsPraise() {
    assertEquals(Polarity.POSITIVE, polarity("The chair stopped rude comments at once.", "respect"));
    // the imperative asks for it to stop: it goes on
    assertEquals(Polarity.NEGATIVE, polarity("Stop rude comments at once.", "respect"));
  }

  @Test
  void couldHaveAfterTheCueIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("I felt the worker could have pushed much harder.", "support"));
    // after "without" it is what kept things going
    assertEquals(Polarity.POSITIVE, polarity("Without the worker I would have gone under.", "support"));
  }

  @Test
  void beforeAnyoneIsNobodyUntilThen() {
    assertEquals(Polarity.NEGATIVE, polarity("I had to get the GP involved before anyone listened.", "listening"));
    // "before" alone, or after the cue, leaves it praise
    assertEquals(Polarity.POSITIVE, polarity("She listened before anything was decided.", "listening"));
    assertEquals(Polarity.POSITIVE, polarity("Before the meeting she listened to us.", "listening"));
  }

  // Round 4, from the spent check5 and check6 sets (own sentences, not the sets' comments)

  @Test
  void praiseInTheoryIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("The sitter scheme is great in theory.", "support"));
    // the same praise without "in theory" stays praise
    assertEquals(Polarity.POSITIVE, polarity("The sitter scheme is great in every way.", "support"));
  }

  @Test
  void wouldNotKillYouIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("A polite word wouldn't kill them.", "respect"));
    // another verb after "wouldn't" leaves the praise alone
    assertEquals(Polarity.POSITIVE, polarity("She was polite and I wouldn't change a thing.", "respect"));
  }

  @Test
  void wantingSomeOfItIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("I just want some information about the plan.", "clarity"));
    assertEquals(Polarity.NEGATIVE, polarity("They need a bit of information before they visit.", "clarity"));
    // "some" given, not wanted, is praise
    assertEquals(Polarity.POSITIVE, polarity("They gave me some information the same day.", "clarity"));
  }

  @Test
  void praiseWhenYouCanIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("The worker is good when you can get hold of her.", "support"));
    // "you can" without "when" / "if" is no condition
    assertEquals(Polarity.POSITIVE, polarity("The worker is good and you can ring her any time.", "support"));
  }

  @Test
  void howIsThatQuestionIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("How is that polite?", "respect"));
    // an exclamation with "how" is praise
    assertEquals(Polarity.POSITIVE, polarity("How polite she was!", "respect"));
  }

  @Test
  void askedForThenDeniedIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("I asked for a sitter. They said we did not qualify.", "support"));
    // a negator in the reason for asking is no denial
    assertEquals(Polarity.POSITIVE, polarity("I asked for a sitter because I was not sleeping. One came within a week.", "support"));
  }

  @Test
  void whatIsThePointIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("We get emails every week, what is the point.", "reliability"));
    // "the point" without "what is" is no reproach
    assertEquals(Polarity.POSITIVE, polarity("We get emails every week, the point is to keep us in the loop.", "reliability"));
  }

  @Test
  void aShortWhyQuestionAfterTheCueIsAComplaint() {
    assertEquals(Polarity.NEGATIVE, polarity("They listened and were kind. Why bother?", "listening"));
    // a longer "why" question is a real question, not a retort
    assertEquals(Polarity.POSITIVE,
        polarity("They listened and were kind. Why did I wait so many months before I asked them?", "listening"));
  }

  @Test
  void iRequestIsARequest() {
    assertEquals(Polarity.NEGATIVE, polarity("I request clear information about the charges.", "clarity"));
    // "requested" before the cue without a denial stays praise
    assertEquals(Polarity.POSITIVE, polarity("I requested clear information and got it the same day.", "clarity"));
  }
}
