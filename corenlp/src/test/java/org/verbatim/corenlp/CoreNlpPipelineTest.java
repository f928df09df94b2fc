package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.verbatim.text.AnalyzedText;
import org.verbatim.opennlp.OpenNlpPipeline;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.Token;

class CoreNlpPipelineTest {

  /** Plain sentences on which CoreNLP's and OpenNLP's (FULL) tokenizers agree by design. */
  static List<String> plainSentences() {
    return List.of(
        "The staff were kind and helpful.",
        "She never once listened, but she was polite.",
        "I didn't feel listened to.",
        "They can't seem to answer the phone.",
        "The nurse explained everything clearly.",
        "We waited three hours for an appointment.",
        "No one told us what was happening.",
        "The social worker was rude and dismissive.",
        "He treated my son with respect.",
        "Not always on time, however the drivers are lovely.",
        "I'm grateful for the support we received.",
        "They won't return my calls.",
        "Kind but useless.",
        "The doctor's advice was very helpful.",
        "Although the wait was long, the care was excellent!",
        "We've been let down too many times.",
        "My follow-up e-mail was ignored.",
        "She said \"fine\" (twice).");
  }

  /** The negation hard cases of the brief, on which both backends must give the same negation marks. */
  static List<String> hardCases() {
    return List.of("She never once listened, but she was polite.", "not rude", "not always on time", "Kind but useless.",
        "no one listened");
  }

  private static final TextPipeline OPENNLP_FULL = OpenNlpPipeline.create();

  private static AnalyzedText analyze(CoreNlpPipeline p, String text) {
    AnalyzedText a = p.analyze(text);
    Pipelines.assertWellFormed(a);
    return a;
  }

  private static List<String> spans(AnalyzedText a) {
    return a.tokens().stream().map(t -> t.start() + "-" + t.end()).collect(Collectors.toList());
  }

  private static List<String> texts(AnalyzedText a) {
    return a.tokens().stream().map(Token::text).collect(Collectors.toList());
  }

  /** Per token: {@code !} for a negator, {@code ~} for a negated token, {@code .} otherwise. */
  private static String negation(AnalyzedText a) {
    StringBuilder sb = new StringBuilder();
    for (Token t : a.tokens()) {
      sb.append(t.negator() ? (t.negated() ? '?' : '!') : t.negated() ? '~' : '.');
    }
    return sb.toString();
  }

  private static Token token(AnalyzedText a, String text) {
    return a.tokens().stream().filter(t -> t.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no token '" + text + "' in " + texts(a)));
  }

  @ParameterizedTest
  @MethodSource("plainSentences")
  void plainSentencesGetTheSameTokensAndNormsAsOpenNlpFull(String text) {
    AnalyzedText core = analyze(Pipelines.full(), text);
    AnalyzedText open = OPENNLP_FULL.analyze(text);
    assertEquals(spans(open), spans(core), "token offsets");
    assertEquals(open.tokens().stream().map(Token::norm).collect(Collectors.toList()),
        core.tokens().stream().map(Token::norm).collect(Collectors.toList()), "norms");
    assertEquals(open.sentences(), core.sentences(), "sentences");
    assertEquals(open.clauses(), core.clauses(), "clauses");
    assertEquals(open.tokens().stream().map(Token::negator).collect(Collectors.toList()),
        core.tokens().stream().map(Token::negator).collect(Collectors.toList()), "negation cues");
  }

  /** Where the tokenizers differ on purpose; each row gives CoreNLP's tokens and the reason. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = ';', value = {
      // CoreNLP keeps a fraction whole; OpenNLP's model splits after the slash
      "I was given 1/2 an hour.; I|was|given|1/2|an|hour|.",
      // CoreNLP splits the informal future like the Penn Treebank; OpenNLP keeps the word
      "They're gonna call.; They|'re|gon|na|call|.",
      // CoreNLP splits a number from its unit; OpenNLP keeps 2hrs and 4am whole
      "Wait was 2hrs at 4am.; Wait|was|2|hrs|at|4|am|.",
      // CoreNLP splits N/A at the slash (OpenNLP keeps "N/A." whole)
      "Answer: N/A.; Answer|:|N|/|A.",
      // sentences run together without a space are split like OpenNLP's FAST profile does; its maxent tokenizer
      // (FULL) keeps "attentive.very" whole
      "The nurses were attentive.very kind.; The|nurses|were|attentive|.|very|kind|.",
  })
  void knownTokenizationDivergences(String text, String coreTokens) {
    AnalyzedText core = analyze(Pipelines.full(), text);
    assertEquals(List.of(coreTokens.split("\\|")), texts(core));
    assertNotEquals(spans(OPENNLP_FULL.analyze(text)), spans(core), "OpenNLP tokenizes this differently");
  }

  @ParameterizedTest
  @MethodSource("hardCases")
  void hardCasesGetTheSameNegationAsOpenNlpFull(String text) {
    AnalyzedText core = analyze(Pipelines.full(), text);
    AnalyzedText open = OPENNLP_FULL.analyze(text);
    assertEquals(spans(open), spans(core));
    assertEquals(negation(open), negation(core));
    assertEquals(negation(open), negation(analyze(Pipelines.lexical(), text)));
  }

  @Test
  void hardCasesAreNegatedAsExpected() {
    AnalyzedText a = analyze(Pipelines.full(), "She never once listened, but she was polite.");
    assertTrue(token(a, "never").negator());
    assertTrue(token(a, "once").negated());
    assertTrue(token(a, "listened").negated());
    assertFalse(token(a, "polite").negated());
    assertTrue(token(a, "but").contrast());
    assertTrue(a.clauses().get(token(a, "polite").clause()).afterContrast());
    assertEquals("!~", negation(analyze(Pipelines.full(), "not rude")));
    assertEquals("!~~~", negation(analyze(Pipelines.full(), "not always on time")));
    assertEquals("....", negation(analyze(Pipelines.full(), "Kind but useless.")));
    assertEquals("!!~", negation(analyze(Pipelines.full(), "no one listened")));
  }

  @Test
  void dependencyScopeLeavesOutAConjunctWithItsOwnCopula() {
    String text = "She did not listen to us and was rude.";
    AnalyzedText dep = analyze(Pipelines.full(), text);
    for (String w : List.of("listen", "to", "us")) {
      assertTrue(token(dep, w).negated(), w);
    }
    for (String w : List.of("She", "did", "and", "was", "rude")) {
      assertFalse(token(dep, w).negated(), w);
    }
    // the lexical scope, as OpenNLP gives it, runs to the end of the clause
    assertTrue(token(analyze(Pipelines.lexical(), text), "rude").negated());
    assertTrue(token(OPENNLP_FULL.analyze(text), "rude").negated());
  }

  @Test
  void dependencyScopeKeepsConjunctsThatShareTheNegatedAuxiliary() {
    AnalyzedText a = analyze(Pipelines.full(), "They didn't listen or care.");
    assertTrue(token(a, "listen").negated());
    assertTrue(token(a, "care").negated());
  }

  @Test
  void aCueInsideTheSubjectScopesOverThePredicate() {
    AnalyzedText a = analyze(Pipelines.full(), "No staff member listened to me.");
    assertTrue(token(a, "No").negator());
    for (String w : List.of("staff", "member", "listened", "to", "me")) {
      assertTrue(token(a, w).negated(), w);
    }
  }

  @Test
  void aCueThatGovernsOnlyItsNounDoesNotNegateTheNextPredicate() {
    // feedback typed without punctuation: "Nothing" answers the question, then comes praise
    String text = "Nothing everything was fine";
    assertTrue(token(OPENNLP_FULL.analyze(text), "fine").negated());
    assertFalse(token(analyze(Pipelines.full(), text), "fine").negated());
  }

  @Test
  void aCueOnALaterConjunctOfTheSubjectScopesOverThePredicate() {
    AnalyzedText a = analyze(Pipelines.full(), "The paramedics and not one nurse showed any kindness.");
    for (String w : List.of("one", "nurse", "showed", "any", "kindness")) {
      assertTrue(token(a, w).negated(), w);
    }
  }

  @Test
  void anAdverbialClauseLeavesTheScopeUnlessLikeIntroducesIt() {
    AnalyzedText because = analyze(Pipelines.full(), "I was not happy because they were late.");
    assertTrue(token(because, "happy").negated());
    assertFalse(token(because, "late").negated(), "a reason given is not negated");
    assertTrue(token(OPENNLP_FULL.analyze("I was not happy because they were late."), "late").negated());
    AnalyzedText like = analyze(Pipelines.full(), "I don't feel like it helped me.");
    assertTrue(token(like, "helped").negated(), "\"don't feel like it helped\": it did not help");
  }

  @Test
  void runTogetherSentencesAreSplitAtTheirPunctuation() {
    assertEquals(9, CoreNlpPipeline.runTogether("attentive.very", 0, 14));
    assertEquals(6, CoreNlpPipeline.runTogether("poorly...The", 0, 12));
    assertEquals(6, CoreNlpPipeline.runTogether("Thanks!Great", 0, 12));
    assertEquals(-1, CoreNlpPipeline.runTogether("e.g", 0, 3), "initialisms stay whole");
    assertEquals(-1, CoreNlpPipeline.runTogether("well.5", 0, 6));
    assertEquals(-1, CoreNlpPipeline.runTogether("word.", 0, 5));
    assertEquals(-1, CoreNlpPipeline.runTogether("nhs.uk/x", 0, 8));
    AnalyzedText a = analyze(Pipelines.full(), "Staff never listened.The food was nice.");
    assertEquals(List.of("Staff", "never", "listened", ".", "The", "food", "was", "nice", "."), texts(a));
    assertTrue(token(a, "listened").negated());
    assertFalse(token(a, "nice").negated(), "the period ends the clause");
  }

  @Test
  void tokenTextIsTheOriginalSliceWhereCoreNlpNormalisesTheWord() {
    String text = "“Lovely” staff (the nurses) & doctors… didn’t rush — £5 parking";
    AnalyzedText a = analyze(Pipelines.full(), text);
    assertTrue(texts(a).containsAll(List.of("“", "Lovely", "”", "(", ")", "&", "did", "n’t", "—", "£", "5")),
        () -> texts(a).toString());
    assertEquals("not", token(a, "n’t").norm());
    assertTrue(token(a, "rush").negated());
  }

  @Test
  void fullGivesUniversalDependenciesTagsAndLowerCaseLemmas() {
    Set<String> upos = Set.of("ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X");
    for (String text : plainSentences()) {
      for (Token t : analyze(Pipelines.full(), text).tokens()) {
        assertTrue(upos.contains(t.pos()), () -> t.pos() + " is not a UPOS tag");
        assertEquals(t.lemma().toLowerCase(java.util.Locale.ROOT), t.lemma());
      }
    }
    AnalyzedText a = analyze(Pipelines.full(), "I didn't feel listened to by the staff.");
    assertEquals("PRON", token(a, "I").pos());
    assertEquals("i", token(a, "I").lemma());
    assertEquals("AUX", token(a, "did").pos());
    assertEquals("do", token(a, "did").lemma());
    assertEquals("PART", token(a, "n't").pos());
    assertEquals("VERB", token(a, "listened").pos());
    assertEquals("listen", token(a, "listened").lemma());
    assertEquals("NOUN", token(a, "staff").pos());
    assertEquals("PUNCT", token(a, ".").pos());
  }

  @Test
  void fastHasTheSameTokensAndNegationWithoutTags() {
    for (String text : plainSentences()) {
      AnalyzedText fast = analyze(Pipelines.fast(), text);
      AnalyzedText full = analyze(Pipelines.full(), text);
      assertEquals(Profile.FAST, fast.profile());
      assertEquals(spans(full), spans(fast));
      assertEquals(negation(full), negation(fast));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"", " ", "\n\n\n", "\u0000\u0001\u007F", "\uD800abc\uDC00 \uDBFF", "😀👍🏽 a\u200Db \uFEFF",
      "...", "¿¡", "Ω≈ç√∫", "a\tb\u000Bc\fd\re\u2028f\u2029g\u0085h", "http://x.y/z?a=1&b=2 a@b.co"})
  void oddInputsGiveWellFormedAnalyses(String text) {
    analyze(Pipelines.full(), text);
    analyze(Pipelines.fast(), text);
  }

  @Test
  void longInputsGiveWellFormedAnalyses() {
    String words = "the staff did not listen to a word I said and ".repeat(300);    // 3,000 words, one sentence
    AnalyzedText a = analyze(Pipelines.full(), words);
    assertTrue(a.tokens().size() >= 3000);
    String noSpaces = "x".repeat(20_000);
    assertEquals(List.of(noSpaces), texts(analyze(Pipelines.full(), noSpaces)));
  }

  @Test
  void lineBreaksEndSentences() {
    AnalyzedText a = analyze(Pipelines.full(), "Kind staff\nvery rude receptionist");
    assertEquals(2, a.sentences().size());
    assertEquals(1, token(a, "very").sentence());
  }

  @Test
  void concurrentAnalysesGiveTheSequentialResults() throws Exception {
    List<String> texts = new ArrayList<>(plainSentences());
    texts.addAll(hardCases());
    List<AnalyzedText> expected = texts.stream().map(Pipelines.full()::analyze).collect(Collectors.toList());
    long fallbacks = Pipelines.full().fallbacks();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<AnalyzedText>>> futures = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        futures.add(pool.submit(() -> texts.stream().map(Pipelines.full()::analyze).collect(Collectors.toList())));
      }
      for (Future<List<AnalyzedText>> f : futures) {
        assertEquals(expected, f.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(fallbacks, Pipelines.full().fallbacks(), "CoreNLP must not have failed on plain sentences");
  }

  @Test
  void pipelinesAreCachedPerProfileAndOptions() {
    assertSame(Pipelines.full(), CoreNlpPipeline.create(Profile.FULL));
    assertSame(Pipelines.full(), CoreNlpPipeline.create(Profile.FULL, new CoreNlpPipeline.Options(true, false)));
    assertNotEquals(Pipelines.full(), Pipelines.lexical());
    assertEquals(Profile.FULL, Pipelines.full().profile());
    assertEquals(CoreNlpPipeline.Options.DEFAULT, Pipelines.full().options());
    assertTrue(CoreNlpPipeline.modelsAvailable());
    assertThrows(NullPointerException.class, () -> CoreNlpPipeline.create(null));
    assertThrows(NullPointerException.class, () -> CoreNlpPipeline.create(Profile.FULL, null));
    assertThrows(NullPointerException.class, () -> Pipelines.full().analyze(null));
  }

  @Test
  void annotatorsFollowTheProfileAndOptions() {
    assertEquals("tokenize,ssplit", CoreNlpPipeline.annotators(Profile.FAST, new CoreNlpPipeline.Options(false, false)));
    assertEquals("tokenize,ssplit,pos,depparse", CoreNlpPipeline.annotators(Profile.FAST, CoreNlpPipeline.Options.DEFAULT));
    assertEquals("tokenize,ssplit,pos,lemma", CoreNlpPipeline.annotators(Profile.FULL, new CoreNlpPipeline.Options(false, false)));
    assertEquals("tokenize,ssplit,pos,lemma,parse,sentiment,depparse",
        CoreNlpPipeline.annotators(Profile.FULL, new CoreNlpPipeline.Options(true, true)));
    assertEquals(Pipelines.full().annotators(), CoreNlpPipeline.annotators(Profile.FULL, CoreNlpPipeline.Options.DEFAULT));
  }

  @Test
  void sanitizeKeepsTheLengthAndReplacesOnlyWhatCoreNlpMustNotSee() {
    String text = "a\u0000b\uD800c😀d\uDC00\n\t\u200De";
    String clean = CoreNlpPipeline.sanitize(text);
    assertEquals(text.length(), clean.length());
    assertEquals("a b c😀d \n\t\u200De", clean);
    String plain = "nothing to do";
    assertSame(plain, CoreNlpPipeline.sanitize(plain));
  }
}
