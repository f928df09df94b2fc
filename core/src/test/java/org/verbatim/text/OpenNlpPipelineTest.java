package org.verbatim.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OpenNlpPipelineTest {

  private static AnalyzedText analyze(Profile profile, String text) {
    AnalyzedText a = OpenNlpPipeline.create(profile).analyze(text);
    assertWellFormed(a);
    return a;
  }

  /** The invariants every analysis must satisfy; shared with the property tests. */
  static void assertWellFormed(AnalyzedText a) {
    String text = a.text();
    List<Token> tokens = a.tokens();
    int previousEnd = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      assertTrue(t.start() >= previousEnd, () -> "token " + t + " overlaps or is out of order");
      assertTrue(t.end() > t.start(), () -> "empty token " + t);
      assertTrue(t.end() <= text.length(), () -> "token " + t + " ends outside the text");
      assertEquals(text.substring(t.start(), t.end()), t.text(), "token text must equal its span");
      assertEquals(t.norm().toLowerCase(java.util.Locale.ROOT), t.norm(), "norm must be lower case");
      previousEnd = t.end();
      if (a.profile() == Profile.FAST) {
        assertNull(t.pos());
        assertNull(t.lemma());
      } else {
        assertNotNull(t.pos());
        assertNotNull(t.lemma());
      }
      Clause c = a.clauses().get(t.clause());
      assertTrue(c.firstToken() <= i && i < c.endToken(), () -> "token " + t + " not inside its clause " + c);
      assertEquals(t.sentence(), c.sentence(), "clause and token disagree on the sentence");
      AnalyzedText.TokenRange s = a.sentences().get(t.sentence());
      assertTrue(s.firstToken() <= i && i < s.endToken(), () -> "token " + t + " not inside its sentence " + s);
      if (t.negated()) {
        boolean cueBefore = false;
        for (int k = c.firstToken(); k < i; k++) {
          cueBefore |= tokens.get(k).negator();
        }
        assertTrue(cueBefore, () -> "negated token " + t + " has no cue before it in its clause");
      }
    }
    assertPartition(tokens.size(), a.clauses().stream().map(c -> new int[] {c.firstToken(), c.endToken()}).collect(Collectors.toList()));
    assertPartition(tokens.size(), a.sentences().stream().map(s -> new int[] {s.firstToken(), s.endToken()}).collect(Collectors.toList()));
  }

  private static void assertPartition(int size, List<int[]> ranges) {
    int expected = 0;
    for (int[] r : ranges) {
      assertEquals(expected, r[0], "ranges must be contiguous");
      assertTrue(r[1] > r[0], "ranges must not be empty");
      expected = r[1];
    }
    assertEquals(size, expected, "ranges must cover every token");
  }

  private static Token token(AnalyzedText a, String text) {
    return a.tokens().stream().filter(t -> t.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no token '" + text + "' in " + texts(a)));
  }

  private static List<String> texts(AnalyzedText a) {
    return a.tokens().stream().map(Token::text).collect(Collectors.toList());
  }

  private static List<String> norms(AnalyzedText a) {
    return a.tokens().stream().map(Token::norm).collect(Collectors.toList());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void offsetsAreExactOnTrickyText(Profile profile) {
    String text = "Mr. Smith didn’t listen!!  I can't\n\nsay   it’s OK 😀👍🏽 see https://nhs.uk/a?b=1, thanks.";
    AnalyzedText a = analyze(profile, text);
    assertEquals(List.of("Mr.", "Smith", "did", "n’t", "listen", "!!", "I", "ca", "n't", "say", "it", "’s", "OK"),
        texts(a).subList(0, 13));
    assertTrue(texts(a).contains("https://nhs.uk/a?b=1"), () -> "URL split: " + texts(a));
    assertTrue(texts(a).stream().anyMatch(t -> t.startsWith("😀")), () -> "emoji lost: " + texts(a));
    assertEquals(0, token(a, "Smith").sentence(), "no sentence break after Mr.");
    assertEquals(1, token(a, "I").sentence());
    assertEquals(2, token(a, "say").sentence(), "a line break ends a sentence");
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void contractionsAreSplitAndNormalised(Profile profile) {
    AnalyzedText a = analyze(profile, "I’m sure they're fine, we've said you'll go and he'd stay, but I won't and can’t.");
    List<String> norms = norms(a);
    assertEquals(List.of("i", "am", "sure", "they", "are", "fine", ",", "we", "have", "said", "you", "will", "go",
        "and", "he", "would", "stay", ",", "but", "i", "will", "not", "and", "can", "not", "."), norms);
    assertTrue(token(a, "n't").negator());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void typographicQuotesAreFoldedInNorms(Profile profile) {
    AnalyzedText a = analyze(profile, "“Great” they said");
    assertEquals("\"", a.tokens().get(0).norm());
    assertEquals("great", a.tokens().get(1).norm());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void negationScopeStopsAtTheClauseEnd(Profile profile) {
    AnalyzedText a = analyze(profile, "She never once listened, but she was polite.");
    assertTrue(token(a, "never").negator());
    assertFalse(token(a, "She").negated(), "tokens before the cue are not negated");
    assertTrue(token(a, "once").negated());
    assertTrue(token(a, "listened").negated());
    assertFalse(token(a, ",").negated(), "punctuation is not negated");
    assertFalse(token(a, "polite").negated());
    assertFalse(token(a, "she").negated());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void contrastStartsAClause(Profile profile) {
    AnalyzedText a = analyze(profile, "The worker was kind but useless.");
    Token but = token(a, "but");
    Token useless = token(a, "useless");
    Token kind = token(a, "kind");
    assertTrue(but.contrast());
    assertEquals(but.clause(), useless.clause());
    assertTrue(a.clauses().get(useless.clause()).afterContrast());
    assertFalse(a.clauses().get(kind.clause()).afterContrast());
    assertEquals(2, a.clauses().size());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void simpleNegations(Profile profile) {
    assertTrue(token(analyze(profile, "Staff were not rude."), "rude").negated());
    AnalyzedText hardly = analyze(profile, "They were hardly ever on time.");
    assertTrue(token(hardly, "hardly").negator());
    assertTrue(token(hardly, "ever").negated());
    assertTrue(token(hardly, "time").negated());
    assertFalse(token(hardly, "were").negated());
    AnalyzedText didnt = analyze(profile, "she didnt listen");
    assertEquals(List.of("she", "did", "not", "listen"), norms(didnt));
    assertTrue(token(didnt, "nt").negator());
    assertTrue(token(didnt, "listen").negated());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void apostropheLessNegationsAreRecognised(Profile profile) {
    for (String word : List.of("dont", "cant", "wont", "isnt", "wasnt", "doesnt", "couldnt", "wouldnt", "shouldnt",
        "havent", "hasnt", "arent", "werent")) {
      AnalyzedText a = analyze(profile, "they " + word + " care");
      assertTrue(a.tokens().stream().anyMatch(t -> t.negator() && t.norm().equals("not")), () -> word + ": " + texts(a));
      assertTrue(token(a, "care").negated(), word);
    }
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void multiWordCues(Profile profile) {
    AnalyzedText a = analyze(profile, "No one called back. They failed to explain anything. A lack of respect.");
    assertTrue(token(a, "No").negator());
    assertTrue(token(a, "one").negator());
    assertTrue(token(a, "called").negated());
    assertTrue(token(a, "to").negator());
    assertTrue(token(a, "explain").negated());
    assertFalse(token(a, "They").negated());
    assertTrue(token(a, "respect").negated());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void idioms(Profile profile) {
    AnalyzedText notOnly = analyze(profile, "She was not only kind but also helpful.");
    assertFalse(token(notOnly, "not").negator());
    assertFalse(token(notOnly, "kind").negated());
    assertFalse(token(notOnly, "but").contrast(), "'but also' is additive");

    AnalyzedText noProblem = analyze(profile, "No problem with the staff at all.");
    assertTrue(token(noProblem, "problem").negated());
    assertFalse(token(noProblem, "staff").negated(), "the idiom limits the scope");

    AnalyzedText neverFails = analyze(profile, "She never fails to listen.");
    assertFalse(token(neverFails, "never").negator());
    assertFalse(token(neverFails, "listen").negated());

    AnalyzedText fault = analyze(profile, "Couldn't fault them, nothing was too much trouble.");
    assertTrue(fault.tokens().stream().noneMatch(Token::negator), () -> "praise formulas: " + texts(fault));
    assertTrue(fault.tokens().stream().noneMatch(Token::negated));
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void whileAndYetAreContrastOnlyInContext(Profile profile) {
    assertFalse(token(analyze(profile, "While I waited the nurse came."), "While").contrast());
    assertTrue(token(analyze(profile, "The nurse was kind, while the doctor was rude."), "while").contrast());
    assertFalse(token(analyze(profile, "They have not called yet."), "yet").contrast());
    assertTrue(token(analyze(profile, "Yet nobody called."), "Yet").contrast());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void leadingContrastMarkerKeepsItsClause(Profile profile) {
    AnalyzedText a = analyze(profile, "The staff were kind. However, the wait was long.");
    Token however = token(a, "However");
    Token wait = token(a, "wait");
    assertTrue(however.contrast());
    assertEquals(however.clause(), wait.clause(), "the comma after a leading marker does not end the clause");
    assertTrue(a.clauses().get(wait.clause()).afterContrast());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void clausesSplitAtPunctuationAndBrackets(Profile profile) {
    AnalyzedText a = analyze(profile, "Not kind; rude (mostly) - really: never again. A follow-up came");
    assertTrue(token(a, "kind").negated());
    assertFalse(token(a, "rude").negated());
    assertFalse(token(a, "mostly").negated());
    assertTrue(token(a, "again").negated());
    assertEquals(token(a, "follow").clause(), token(a, "up").clause(), "a word-internal hyphen is not a dash");
    assertEquals(token(a, "mostly").clause(), token(a, "(").clause());
    assertEquals(token(a, "mostly").clause(), token(a, ")").clause());
    assertTrue(token(a, "rude").clause() < token(a, "mostly").clause());
  }

  @Test
  void fastSentenceAndTokenRules() {
    String text = "Arrived quickly.They were kind. Dr J. Smith saw me at A&E, e.g. at 10.30 today. 1. Nothing more… thanks";
    AnalyzedText a = analyze(Profile.FAST, text);
    List<String> sentences = a.sentences().stream()
        .map(s -> text.substring(a.tokens().get(s.firstToken()).start(), a.tokens().get(s.endToken() - 1).end()))
        .collect(Collectors.toList());
    assertEquals(List.of("Arrived quickly.", "They were kind.", "Dr J. Smith saw me at A&E, e.g. at 10.30 today.",
        "1. Nothing more… thanks"), sentences);
    assertTrue(texts(a).containsAll(List.of("A&E", "e.g.", "10.30")), () -> texts(a).toString());
  }

  @Test
  void fullProfileHasPosAndLemmas() {
    AnalyzedText full = analyze(Profile.FULL, "The nurses listened to me.");
    Token listened = token(full, "listened");
    assertEquals("listen", listened.lemma());
    assertEquals("VERB", listened.pos());
    assertEquals("nurse", token(full, "nurses").lemma());
    AnalyzedText fast = analyze(Profile.FAST, "The nurses listened to me.");
    assertNull(token(fast, "listened").lemma());
    assertNull(token(fast, "listened").pos());
  }

  @Test
  void fullProfileSplitsJoinedTagsOfContractions() {
    AnalyzedText a = analyze(Profile.FULL, "They didn't come.");
    assertEquals("do", token(a, "did").lemma());
    assertEquals("not", token(a, "n't").lemma());
    assertEquals("PART", token(a, "n't").pos());
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void neverThrowsOnAwkwardInput(Profile profile) {
    StringBuilder longText = new StringBuilder();
    while (longText.length() < 100_000) {
      longText.append("The staff didn't listen, but they were kind \uD83D\uDE00 ");
    }
    List<String> inputs = List.of("", " ", "\n\t \r\n", "\u0000\u0001\u001F", "\uD800", "\uDC00abc\uD800",
        "a\uD83D", "!!!???...", "12345 678", "\u200B\u200D\uFEFF", "e\u0301te\u0301", "\uD83D\uDC68\u200D\uD83D\uDC69",
        "'", "n't", "'s 're", "- - --", "(((", "http://", "www.", "@@.", "a@b.c", "Mr.", ".", "…",
        "no", "not", "but", "however,", "can not", longText.toString(), "x".repeat(100_000), " ".repeat(50_000));
    for (String in : inputs) {
      AnalyzedText a = analyze(profile, in);
      assertEquals(in, a.text());
    }
    assertTrue(analyze(profile, "").tokens().isEmpty());
    assertTrue(analyze(profile, " \n ").sentences().isEmpty());
    assertTrue(analyze(profile, "\u0000\uD800").clauses().isEmpty());
  }

  @Test
  void createIsCachedPerProfileAndRejectsNull() {
    assertSame(OpenNlpPipeline.create(Profile.FAST), OpenNlpPipeline.create(Profile.FAST));
    assertSame(OpenNlpPipeline.create(Profile.FULL), OpenNlpPipeline.create(Profile.FULL));
    assertEquals(Profile.FULL, OpenNlpPipeline.create(Profile.FULL).profile());
    assertThrows(NullPointerException.class, () -> OpenNlpPipeline.create(null));
    assertThrows(NullPointerException.class, () -> OpenNlpPipeline.create(Profile.FAST).analyze(null));
  }

  @ParameterizedTest
  @EnumSource(Profile.class)
  void concurrentUseGivesTheSameResults(Profile profile) throws Exception {
    List<String> comments = List.of("She never listened, but she was polite.", "Mr. Smith didn’t call back.",
        "Nothing was too much trouble!", "The wait was long; however the nurses were lovely.",
        "Couldn't have been better. Thanks", "They hardly ever explained what would happen next.");
    TextPipeline pipeline = OpenNlpPipeline.create(profile);
    List<AnalyzedText> expected = comments.stream().map(pipeline::analyze).collect(Collectors.toList());
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          for (int round = 0; round < 10; round++) {
            for (int i = 0; i < comments.size(); i++) {
              if (!pipeline.analyze(comments.get(i)).equals(expected.get(i))) {
                return false;
              }
            }
          }
          return true;
        }));
      }
      for (Future<Boolean> f : futures) {
        if (!f.get()) {
          fail("a concurrent analysis differed from the sequential one");
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
