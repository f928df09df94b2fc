package org.verbatim.testing;

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
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Clause;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.Token;

/**
 * The rules every {@link TextPipeline} must follow whatever its tokenizer (contractions, norms, negation scope,
 * contrast, clauses), and the invariants of every analysis ({@link #assertWellFormed}). Each pipeline's test
 * extends this class; {@code verbatim-opennlp} uses it through core's test jar.
 */
public abstract class PipelineRulesContract {


  /** The pipeline under test. */
  protected abstract TextPipeline pipeline();

  /** Analyses {@code text} with {@link #pipeline()} and checks the invariants. */
  protected AnalyzedText analyze(String text) {
    AnalyzedText a = pipeline().analyze(text);
    assertWellFormed(a);
    return a;
  }

  /** The invariants every analysis must satisfy; shared with the property tests. */
  public static void assertWellFormed(AnalyzedText a) {
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

  protected static Token token(AnalyzedText a, String text) {
    return a.tokens().stream().filter(t -> t.text().equals(text)).findFirst()
        .orElseThrow(() -> new AssertionError("no token '" + text + "' in " + texts(a)));
  }

  protected static List<String> texts(AnalyzedText a) {
    return a.tokens().stream().map(Token::text).collect(Collectors.toList());
  }

  protected static List<String> norms(AnalyzedText a) {
    return a.tokens().stream().map(Token::norm).collect(Collectors.toList());
  }

  @Test
  public void offsetsAreExactOnTrickyText() {
    String text = "Mr. Smith didn’t listen!!  I can't\n\nsay   it’s OK 😀👍🏽 see https://nhs.uk/a?b=1, thanks.";
    AnalyzedText a = analyze(text);
    assertEquals(List.of("Mr.", "Smith", "did", "n’t", "listen", "!!", "I", "ca", "n't", "say", "it", "’s", "OK"),
        texts(a).subList(0, 13));
    assertTrue(texts(a).contains("https://nhs.uk/a?b=1"), () -> "URL split: " + texts(a));
    assertTrue(texts(a).stream().anyMatch(t -> t.startsWith("😀")), () -> "emoji lost: " + texts(a));
    assertEquals(0, token(a, "Smith").sentence(), "no sentence break after Mr.");
    assertEquals(1, token(a, "I").sentence());
    assertEquals(2, token(a, "say").sentence(), "a line break ends a sentence");
  }
  @Test
  public void contractionsAreSplitAndNormalised() {
    AnalyzedText a = analyze("I’m sure they're fine, we've said you'll go and he'd stay, but I won't and can’t.");
    List<String> norms = norms(a);
    assertEquals(List.of("i", "am", "sure", "they", "are", "fine", ",", "we", "have", "said", "you", "will", "go",
        "and", "he", "would", "stay", ",", "but", "i", "will", "not", "and", "can", "not", "."), norms);
    assertTrue(token(a, "n't").negator());
  }
  @Test
  public void typographicQuotesAreFoldedInNorms() {
    AnalyzedText a = analyze("“Great” they said");
    assertEquals("\"", a.tokens().get(0).norm());
    assertEquals("great", a.tokens().get(1).norm());
  }
  @Test
  public void negationScopeStopsAtTheClauseEnd() {
    AnalyzedText a = analyze("She never once listened, but she was polite.");
    assertTrue(token(a, "never").negator());
    assertFalse(token(a, "She").negated(), "tokens before the cue are not negated");
    assertTrue(token(a, "once").negated());
    assertTrue(token(a, "listened").negated());
    assertFalse(token(a, ",").negated(), "punctuation is not negated");
    assertFalse(token(a, "polite").negated());
    assertFalse(token(a, "she").negated());
  }
  @Test
  public void contrastStartsAClause() {
    AnalyzedText a = analyze("The worker was kind but useless.");
    Token but = token(a, "but");
    Token useless = token(a, "useless");
    Token kind = token(a, "kind");
    assertTrue(but.contrast());
    assertEquals(but.clause(), useless.clause());
    assertTrue(a.clauses().get(useless.clause()).afterContrast());
    assertFalse(a.clauses().get(kind.clause()).afterContrast());
    assertEquals(2, a.clauses().size());
  }
  @Test
  public void simpleNegations() {
    assertTrue(token(analyze("Staff were not rude."), "rude").negated());
    AnalyzedText hardly = analyze("They were hardly ever on time.");
    assertTrue(token(hardly, "hardly").negator());
    assertTrue(token(hardly, "ever").negated());
    assertTrue(token(hardly, "time").negated());
    assertFalse(token(hardly, "were").negated());
    AnalyzedText didnt = analyze("she didnt listen");
    assertEquals(List.of("she", "did", "not", "listen"), norms(didnt));
    assertTrue(token(didnt, "nt").negator());
    assertTrue(token(didnt, "listen").negated());
  }
  @Test
  public void apostropheLessNegationsAreRecognised() {
    for (String word : List.of("dont", "cant", "wont", "isnt", "wasnt", "doesnt", "couldnt", "wouldnt", "shouldnt",
        "havent", "hasnt", "arent", "werent")) {
      AnalyzedText a = analyze("they " + word + " care");
      assertTrue(a.tokens().stream().anyMatch(t -> t.negator() && t.norm().equals("not")), () -> word + ": " + texts(a));
      assertTrue(token(a, "care").negated(), word);
    }
  }
  @Test
  public void multiWordCues() {
    AnalyzedText a = analyze("No one called back. They failed to explain anything. A lack of respect.");
    assertTrue(token(a, "No").negator());
    assertTrue(token(a, "one").negator());
    assertTrue(token(a, "called").negated());
    assertTrue(token(a, "to").negator());
    assertTrue(token(a, "explain").negated());
    assertFalse(token(a, "They").negated());
    assertTrue(token(a, "respect").negated());
  }
  @Test
  public void idioms() {
    AnalyzedText notOnly = analyze("She was not only kind but also helpful.");
    assertFalse(token(notOnly, "not").negator());
    assertFalse(token(notOnly, "kind").negated());
    assertFalse(token(notOnly, "but").contrast(), "'but also' is additive");

    AnalyzedText noProblem = analyze("No problem with the staff at all.");
    assertTrue(token(noProblem, "problem").negated());
    assertFalse(token(noProblem, "staff").negated(), "the idiom limits the scope");

    AnalyzedText neverFails = analyze("She never fails to listen.");
    assertFalse(token(neverFails, "never").negator());
    assertFalse(token(neverFails, "listen").negated());

    AnalyzedText fault = analyze("Couldn't fault them, nothing was too much trouble.");
    assertTrue(fault.tokens().stream().noneMatch(Token::negator), () -> "praise formulas: " + texts(fault));
    assertTrue(fault.tokens().stream().noneMatch(Token::negated));
  }
  @Test
  public void whileAndYetAreContrastOnlyInContext() {
    assertFalse(token(analyze("While I waited the nurse came."), "While").contrast());
    assertTrue(token(analyze("The nurse was kind, while the doctor was rude."), "while").contrast());
    assertFalse(token(analyze("They have not called yet."), "yet").contrast());
    assertTrue(token(analyze("Yet nobody called."), "Yet").contrast());
  }
  @Test
  public void leadingContrastMarkerKeepsItsClause() {
    AnalyzedText a = analyze("The staff were kind. However, the wait was long.");
    Token however = token(a, "However");
    Token wait = token(a, "wait");
    assertTrue(however.contrast());
    assertEquals(however.clause(), wait.clause(), "the comma after a leading marker does not end the clause");
    assertTrue(a.clauses().get(wait.clause()).afterContrast());
  }
  @Test
  public void clausesSplitAtPunctuationAndBrackets() {
    AnalyzedText a = analyze("Not kind; rude (mostly) - really: never again. A follow-up came");
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
  public void neverThrowsOnAwkwardInput() {
    StringBuilder longText = new StringBuilder();
    while (longText.length() < 100_000) {
      longText.append("The staff didn't listen, but they were kind \uD83D\uDE00 ");
    }
    List<String> inputs = List.of("", " ", "\n\t \r\n", "\u0000\u0001\u001F", "\uD800", "\uDC00abc\uD800",
        "a\uD83D", "!!!???...", "12345 678", "\u200B\u200D\uFEFF", "e\u0301te\u0301", "\uD83D\uDC68\u200D\uD83D\uDC69",
        "'", "n't", "'s 're", "- - --", "(((", "http://", "www.", "@@.", "a@b.c", "Mr.", ".", "…",
        "no", "not", "but", "however,", "can not", longText.toString(), "x".repeat(100_000), " ".repeat(50_000));
    for (String in : inputs) {
      AnalyzedText a = analyze(in);
      assertEquals(in, a.text());
    }
    assertTrue(analyze("").tokens().isEmpty());
    assertTrue(analyze(" \n ").sentences().isEmpty());
    assertTrue(analyze("\u0000\uD800").clauses().isEmpty());
  }

  @Test
  public void concurrentUseGivesTheSameResults() throws Exception {
    List<String> comments = List.of("She never listened, but she was polite.", "Mr. Smith didn’t call back.",
        "Nothing was too much trouble!", "The wait was long; however the nurses were lovely.",
        "Couldn't have been better. Thanks", "They hardly ever explained what would happen next.");
    TextPipeline pipeline = pipeline();
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
