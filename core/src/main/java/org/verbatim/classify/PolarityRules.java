package org.verbatim.classify;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.verbatim.Polarity;
import org.verbatim.codebook.CuePattern;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Clause;
import org.verbatim.text.Token;

/**
 * Decides the polarity of one cue match from the cue, negation, requests and the sentiment of its clause.
 *
 * <ul>
 *   <li><b>Negation.</b> A match is negated when a negator token (as marked by the pipeline: "not", "n't",
 *       "never", "no one", "hardly"...) stands at most {@value #NEGATION_WINDOW} tokens before it in the same
 *       clause, with no conjunction such as "and" or "because" in between, and the pattern does not itself
 *       contain the negator ("never rang back"). Negation flips the polarity; a negated complaint ("not rude",
 *       "never late") becomes faint praise with half the weight.
 *   <li><b>Requests and wishes.</b> "should be more polite", "I wish they had explained", "needs to listen":
 *       a request marker before the cue in its clause turns praise into a complaint.
 *   <li><b>Context.</b> A cue without its own polarity takes the sign of its clause's sentiment (lexicon
 *       scores of the other words; a word negated by another negator counts half and reversed); when the clause
 *       is silent, the neighbouring clauses of the same sentence not across a contrast marker; when all are
 *       silent, positive (in feedback, naming a quality without complaint is mostly praise: "she listened").
 * </ul>
 *
 * <p>Immutable and thread-safe.
 */
final class PolarityRules {

  /** How many tokens before a cue a negator may stand. */
  static final int NEGATION_WINDOW = 6;

  private static final Set<String> BARRIERS =
      Set.of("and", "or", "because", "cause", "so", "which", "who", "that", "then", "when", "until", "as", "if", "since");

  /** Markers of a request or wish: what follows is something missing. */
  private static final Set<String> REQUESTS =
      Set.of("should", "shouldn't", "wish", "hope", "hoping", "must", "ought", "would've", "could've", "should've");

  /** Request markers that need a following word: "need to", "needs to", "would like", "have to". */
  private static final Set<String> REQUEST_HEADS = Set.of("need", "needs", "needed", "like", "want", "wanted");

  /** Words that make a neutral cue a complaint when they stand near it: "more communication", "better information". */
  private static final Set<String> WANTING = Set.of("more", "better", "improve", "improved", "improvement", "improvements", "improving", "lack", "lacking", "lacked");

  private final SentimentLexicon lexicon;

  PolarityRules(SentimentLexicon lexicon) {
    this.lexicon = Objects.requireNonNull(lexicon, "lexicon");
  }

  /**
   * The polarity of a match, the factor its weight is multiplied by, and the negator token that flipped it
   * ({@code -1} when not negated).
   */
  record Judgement(Polarity polarity, double factor, int negatorToken) {}

  Judgement judge(AnalyzedText text, CueMatcher.Match m) {
    List<Token> tokens = text.tokens();
    Token first = tokens.get(m.firstToken());
    Clause clause = text.clauses().get(first.clause());
    int negator = patternHasNegator(m) ? -1 : negatorBefore(tokens, m.firstToken(), clause.firstToken());
    boolean request = requestBefore(tokens, m.firstToken(), clause.firstToken());
    Polarity fixed = m.cue().polarity();
    if (fixed != null) {
      if (negator >= 0) {
        Polarity flipped = fixed.flip();
        return new Judgement(flipped, fixed == Polarity.NEGATIVE ? 0.5 : 1.0, negator);
      }
      if (fixed == Polarity.POSITIVE && (request || scarce(tokens, m.firstToken(), clause.firstToken()))) {
        return new Judgement(Polarity.NEGATIVE, 1.0, -1);
      }
      return new Judgement(fixed, 1.0, -1);
    }
    double context = contextSentiment(text, m, negator);
    Polarity p;
    if (request || wanting(tokens, clause, m) || imperative(tokens, text, m)) {
      p = Polarity.NEGATIVE;
    } else {
      p = context < 0 ? Polarity.NEGATIVE : Polarity.POSITIVE;
    }
    if (negator >= 0) {
      p = p.flip();
    }
    return new Judgement(p, 1.0, negator);
  }

  private static boolean patternHasNegator(CueMatcher.Match m) {
    for (CuePattern.Element e : m.cue().pattern().elements()) {
      if (e.kind() == CuePattern.Kind.WORD && NEGATOR_WORDS.contains(e.value())) {
        return true;
      }
    }
    return false;
  }

  private static final Set<String> NEGATOR_WORDS = Set.of(
      "not", "no", "never", "nobody", "nothing", "none", "nowhere", "neither", "nor", "without", "hardly",
      "barely", "scarcely", "rarely", "seldom", "cannot", "cant", "dont", "didnt", "doesnt", "wont", "wasnt",
      "isnt", "werent", "arent", "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "lack", "failed",
      "unable", "refused");

  /** Index of a negator governing token {@code at}, or -1. */
  private static int negatorBefore(List<Token> tokens, int at, int clauseStart) {
    if (!tokens.get(at).negated() && !tokens.get(at).negator()) {
      return -1;
    }
    int stop = Math.max(clauseStart, at - NEGATION_WINDOW);
    for (int i = at - 1; i >= stop; i--) {
      Token t = tokens.get(i);
      if (t.negator()) {
        // a multi-token negator ("no one", "failed to") is reported by its first token
        while (i - 1 >= stop && tokens.get(i - 1).negator()) {
          i--;
        }
        return i;
      }
      if (BARRIERS.contains(t.norm())) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean requestBefore(List<Token> tokens, int at, int clauseStart) {
    for (int i = at - 1; i >= clauseStart && i >= at - 8; i--) {
      String n = tokens.get(i).norm();
      if (REQUESTS.contains(n)) {
        return true;
      }
      if (REQUEST_HEADS.contains(n) && i + 1 < tokens.size() && at - i <= 3) {
        String next = tokens.get(i + 1).norm();
        if (next.equals("to") || (n.equals("like") && i > 0 && tokens.get(i - 1).norm().equals("would"))) {
          return true;
        }
      }
      if ((n.equals("would") || n.equals("could") || n.equals("should")) && i + 1 < at && tokens.get(i + 1).norm().equals("have")) {
        return true;
      }
      if (n.equals("if") && i + 1 < tokens.size() && tokens.get(i + 1).norm().equals("only")) {
        return true;
      }
    }
    return false;
  }

  /** Words that, just before a quality, say it was missing: "very little empathy", "more kindness", "less jargon". */
  private static final Set<String> SCARCITY = Set.of("little", "less", "more", "lack", "lacking", "lacked");

  /** True when a scarcity word stands one or two tokens before the cue ("very little compassion", "more respect"). */
  private static boolean scarce(List<Token> tokens, int at, int clauseStart) {
    for (int i = at - 1; i >= clauseStart && i >= at - 2; i--) {
      if (SCARCITY.contains(tokens.get(i).norm())) {
        return !(i > 0 && tokens.get(i).norm().equals("little") && tokens.get(i - 1).norm().equals("a"));
      }
    }
    return false;
  }

  private static boolean wanting(List<Token> tokens, Clause clause, CueMatcher.Match m) {
    int from = Math.max(clause.firstToken(), m.firstToken() - 3);
    int to = Math.min(clause.endToken(), m.endToken() + 3);
    for (int i = from; i < to; i++) {
      if ((i < m.firstToken() || i >= m.endToken()) && WANTING.contains(tokens.get(i).norm())) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence that opens with the cue in its base form is an instruction ("Listen to patients", "Explain
   * things more"): a request. Past and progressive forms ("Listened to us", "Explaining everything") are not.
   */
  private static boolean imperative(List<Token> tokens, AnalyzedText text, CueMatcher.Match m) {
    Token first = tokens.get(m.firstToken());
    int sentenceStart = text.sentences().get(first.sentence()).firstToken();
    if (m.firstToken() != sentenceStart || m.endToken() >= text.sentences().get(first.sentence()).endToken()) {
      return false;
    }
    String n = first.norm();
    return n.length() > 3 && IMPERATIVE_VERBS.contains(n);
  }

  /** Base forms of verbs that, opening a sentence, make it an instruction to the service. */
  private static final Set<String> IMPERATIVE_VERBS = Set.of(
      "listen", "explain", "communicate", "respect", "treat", "involve", "include", "tell", "inform", "update",
      "keep", "call", "ring", "answer", "respond", "return", "reply", "stop", "start", "give", "take", "show",
      "be", "try", "make", "let", "ask", "consider", "ensure", "provide", "speak", "talk", "support", "help",
      "train", "hire", "employ", "improve", "reduce", "increase", "offer", "allow");

  private double contextSentiment(AnalyzedText text, CueMatcher.Match m, int cueNegator) {
    List<Token> tokens = text.tokens();
    List<Clause> clauses = text.clauses();
    int ci = tokens.get(m.firstToken()).clause();
    double s = clauseSentiment(tokens, clauses.get(ci), m, cueNegator);
    if (s != 0) {
      return s;
    }
    Clause here = clauses.get(ci);
    double around = 0;
    if (!here.afterContrast() && ci > 0 && clauses.get(ci - 1).sentence() == here.sentence()) {
      around += clauseSentiment(tokens, clauses.get(ci - 1), m, -1);
    }
    if (ci + 1 < clauses.size()) {
      Clause next = clauses.get(ci + 1);
      if (!next.afterContrast() && next.sentence() == here.sentence()) {
        around += clauseSentiment(tokens, next, m, -1);
      }
    }
    return around;
  }

  private double clauseSentiment(List<Token> tokens, Clause c, CueMatcher.Match m, int cueNegator) {
    double sum = 0;
    for (int i = c.firstToken(); i < c.endToken(); i++) {
      if (i >= m.firstToken() && i < m.endToken()) {
        continue;
      }
      Token t = tokens.get(i);
      if (t.negator() || WANTING.contains(t.norm())) {
        continue; // a negator's own sentiment ("lack") is applied as negation, not counted twice
      }
      double s = lexicon.score(t.norm());
      if (s == 0) {
        continue;
      }
      int neg = negatorBefore(tokens, i, c.firstToken());
      if (neg >= 0 && neg != cueNegator) {
        s = -0.5 * s;
      }
      sum += s;
    }
    return sum;
  }
}
