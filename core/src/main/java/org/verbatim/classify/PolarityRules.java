package org.verbatim.classify;

import java.util.List;
import java.util.Set;
import org.verbatim.Polarity;
import org.verbatim.text.Analysis;
import org.verbatim.text.Vocabulary;

/**
 * Decides the polarity of one cue match from the cue, negation, requests and the sentiment of its clause.
 *
 * <ul>
 *   <li><b>Negation.</b> A match is negated when a negator token (as marked by the pipeline: "not", "n't",
 *       "never", "no one", "hardly"...) stands at most {@value #NEGATION_WINDOW} tokens before it in the same
 *       clause, with no conjunction such as "and" or "because" in between, and the pattern does not itself
 *       contain the negator ("never rang back"); so is a match whose wildcard took a negator ("given no choice"
 *       for {@code given * choice*}). Negation flips a cue's own polarity; a negated complaint ("not
 *       rude", "never late") becomes faint praise with half the weight. A negated cue without its own polarity is a
 *       complaint whatever the clause's other words say: "rude and never listened", "still no reply".
 *   <li><b>Requests and wishes.</b> "should be more polite", "I wish they had explained", "needs to listen":
 *       a request marker before the cue in its clause turns praise into a complaint. For a cue without its own
 *       polarity, so do markers that make the whole sentence a wish or a reproach: "please" in its clause, a
 *       sentence opening with "why", "would have been nice / good / helpful" or "all I want / ask" before it.
 *   <li><b>Context.</b> A cue without its own polarity takes the sign of its clause's sentiment (lexicon
 *       scores of the other words; a word negated by another negator counts half and reversed); when the clause
 *       is silent, the neighbouring clauses of the same sentence not across a contrast marker; when they are
 *       silent too, the rest of the comment; when all are silent, positive (in feedback, naming a quality without complaint is mostly praise: "she listened").
 *       A silent clause opening with a negator other than "not" ("Nobody told us", "No reply.") counts as a
 *       complaint there; so does the whole context of a comment worded as a formal complaint ("I must raise my
 *       concern", "I would like to understand who authorised this").
 *   <li><b>Issue 12's constructions.</b> "shouldn't have had to fight", "they don't have to talk to me like that":
 *       the negator does not flip, the cue is a complaint. "Without the sitter I'd have gone under": praise. A cue
 *       after a promise ("they said I'd be contacted") is a complaint when a denial ending its clause follows in that
 *       sentence or the next ("and I never was", "Nobody did.").
 *   <li><b>Round 2 (the spent check sets).</b> "They didn't." and a following "It's been nine days." / "That was
 *       in March." also deny a promise. A sentence ending with "?" is a request ("Any chance of it in large
 *       print?"), and a silent question counts as a complaint in the comment's context. "Please" before a praising
 *       cue in its clause makes it a request. A negated "forget" or "doubt" affirms ("I will never forget how gentle
 *       they were"). A non-complaint cue opening a quotation after a verb of speech ("they keep saying
 *       'person-centred'") is the service's word quoted back: a complaint.
 *   <li><b>Round 3 (check3).</b> "that" after a preposition is a determiner, not a clause boundary, so "Nobody at
 *       that home knows what they're doing" is negated. "ever" may stand in a denial ("no one ever does"). A
 *       complaint cue one or two tokens after "stopped" or "prevented" is praise ("she stopped people talking over
 *       me"). A cue without a negator followed in its clause by "would / could / should have" and a verb other
 *       than "been" is something missing: a complaint ("the advocate could have pushed much harder").
 *       A cue without a complaint polarity after "before anyone / anybody" in its clause is a complaint ("I had to
 *       get the GP involved before anyone took it seriously").
 *   <li><b>Round 4 (check5 and check6).</b> A cue without a complaint polarity and not negated is a complaint
 *       when its sentence holds "in theory" ("great in theory") or "when / if you can" ("good when you can get hold
 *       of her"), or is a question opening with "how" and an auxiliary ("How is that polite?"); when "wouldn't kill
 *       / hurt / go amiss" follows it ("a polite word wouldn't kill them"); when "want / need some" or "a bit of"
 *       comes before it in its clause ("I just want some information"); when "asked for" / "requested" comes before
 *       it and a negator follows in its sentence or the next ("I asked for a sitter. They said we did not
 *       qualify."); when "what is the point" follows in its sentence or the next; or when the next sentence is a
 *       short "why" question ("Why bother?"). "request" is a request marker ("I request clear information").
 * </ul>
 *
 * <p>The word lists are compiled into flags per {@link Vocabulary} entry, so each test is an array read.
 * Immutable and thread-safe.
 */
final class PolarityRules {

  /** How many tokens before a cue a negator may stand. */
  static final int NEGATION_WINDOW = 6;

  private static final Set<String> BARRIERS =
      Set.of("and", "or", "because", "cause", "so", "which", "who", "that", "then", "when", "until", "as", "if", "since");

  /** Markers of a request or wish: what follows is something missing. */
  private static final Set<String> REQUESTS =
      Set.of("should", "shouldn't", "wish", "hope", "hoping", "must", "ought", "would've", "could've", "should've",
          "request");

  /** Request markers that need a following word: "need to", "needs to", "would like", "have to". */
  private static final Set<String> REQUEST_HEADS = Set.of("need", "needs", "needed", "like", "want", "wanted");

  /** Words that make a neutral cue a complaint when they stand near it: "more communication", "better information". */
  private static final Set<String> WANTING = Set.of("more", "better", "improve", "improved", "improvement", "improvements", "improving", "lack", "lacking", "lacked");

  /** Words that, just before a quality, say it was missing: "very little empathy", "more kindness", "less jargon". */
  private static final Set<String> SCARCITY = Set.of("little", "less", "more", "lack", "lacking", "lacked");

  /** After "would" (within three tokens), words that make the sentence a wish: "would have been nice if ...". */
  private static final Set<String> WISH_AFTER_WOULD = Set.of(
      "nice", "good", "helpful", "better", "great", "helped", "appreciated", "appreciate", "grateful", "lovely", "useful");

  /** Subject pronouns: between a negator and a cue they start another clause ("when they can't help they tell you straight"). */
  private static final Set<String> SUBJECTS = Set.of("i", "we", "they", "she", "he");

  /**
   * Words that, between a negator and a new subject, let its scope run on past the subject: verbs that raise
   * negation ("I don't think she listened", "without him feeling he'd failed") and the auxiliaries of an inverted
   * clause ("never once did she listen", "not once has he called").
   */
  private static final Set<String> SCOPE_CARRIERS = Set.of(
      "think", "thought", "feel", "felt", "feeling", "believe", "believed", "say", "said", "seem", "seemed", "suppose",
      "know", "knew", "once", "did", "do", "does", "has", "have", "had", "was", "were", "is", "are", "would", "could",
      "will",
      // a noun phrase, whose relative clause stays in scope ("it wasn't a test I could fail")
      "a", "an", "the", "any", "my", "your", "his", "her", "our", "their", "this");

  /** Words that may stand between "would be" and a wish word: "would be really nice". */
  private static final Set<String> WISH_DEGREE = Set.of("really", "so", "very", "much", "also", "just", "more");

  /** Words that, between a negator and a complaint cue, make its negation explicit praise ("never made me feel judged"). */
  private static final Set<String> FEEL = Set.of("feel", "felt", "feels", "feeling");

  /** Base forms of verbs that, opening a sentence, make it an instruction to the service. */
  private static final Set<String> IMPERATIVE_VERBS = Set.of(
      "listen", "explain", "communicate", "respect", "treat", "involve", "include", "tell", "inform", "update",
      "keep", "call", "ring", "answer", "respond", "return", "reply", "stop", "start", "give", "take", "show",
      "be", "try", "make", "let", "ask", "consider", "ensure", "provide", "speak", "talk", "support", "help",
      "train", "hire", "employ", "improve", "reduce", "increase", "offer", "allow");

  /** Words that, inside a pattern, mean the pattern carries its own negation. */
  static final Set<String> NEGATOR_WORDS = Set.of(
      "not", "no", "never", "nobody", "nothing", "none", "nowhere", "neither", "nor", "without", "hardly",
      "barely", "scarcely", "rarely", "seldom", "cannot", "cant", "dont", "didnt", "doesnt", "wont", "wasnt",
      "isnt", "werent", "arent", "couldnt", "wouldnt", "shouldnt", "havent", "hasnt", "hadnt", "lack", "failed",
      "unable", "refused");

  private static final int BARRIER = 1;
  private static final int REQUEST = 1 << 1;
  private static final int REQUEST_HEAD = 1 << 2;
  private static final int WANT = 1 << 3;
  private static final int SCARCE = 1 << 4;
  private static final int IMPERATIVE = 1 << 5;
  private static final int WISH_WOULD = 1 << 6;
  private static final int SUBJECT = 1 << 7;
  private static final int SCOPE_CARRIER = 1 << 8;
  private static final int FEEL_WORD = 1 << 9;
  private static final int DEGREE = 1 << 10;
  private static final int PROMISE = 1 << 11;
  private static final int AUX = 1 << 12;
  private static final int SPEECH = 1 << 13;
  private static final int TIME = 1 << 14;
  private static final int PREPOSITION = 1 << 15;
  private static final int PREVENT = 1 << 16;
  private static final int ROUND4_KEY = 1 << 17;

  /** Prepositions: after one, "that" is a determiner ("Nobody at that home knows"), not a relative pronoun. */
  private static final Set<String> PREPOSITIONS = Set.of(
      "at", "in", "on", "from", "of", "with", "for", "by", "about", "into", "to");

  /** Past verbs of prevention that, just before a complaint cue, say it was kept from happening: "she stopped people talking over me". */
  private static final Set<String> PREVENTING = Set.of("stopped", "prevented");

  /** Numbers and units of time: "it's been nine days", "it's been over a month". */
  private static final Set<String> TIME_WORDS = Set.of(
      "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "several", "hours",
      "day", "days", "week", "weeks", "fortnight", "month", "months", "year", "years", "ages");

  /** Verbs of speech that, before a quotation, make it the service's words quoted back: "they keep saying 'person-centred'". */
  private static final Set<String> SPEECH_VERBS = Set.of(
      "say", "says", "saying", "said", "tell", "tells", "telling", "told", "talk", "talks", "talking", "state",
      "states", "stated", "call", "calls", "calling", "called");

  /** The single words the rules compare with, in the order of the {@code W_*} indexes. */
  private static final String[] SINGLE = {
    "to", "would", "like", "could", "should", "have", "if", "only", "little", "a", "please", "why", "all", "i", "we",
    "want", "wanted", "ask", "asked", "be", "been", "no", "one", "had", "has", "do", "does", "did", "they", "she",
    "he", "without", "ought", "raise", "raising", "concern", "concerns", "understand", "know", "who", "why", "how",
    "formal", "complaint", "must", "not", "forget", "doubt", "ever", "it", "its", "'s", "is", "now", "that", "was", "in", "on", "ago", "before", "anyone", "anybody",
    "theory", "kill", "hurt", "amiss", "go", "some", "bit", "you", "can", "when", "what", "point",
    "for", "because", "as", "since", "requested", "wants", "need", "needs", "needed"};

  /** Words that, before a cue in its sentence, make what follows a promise: "they said I'd be contacted". */
  private static final Set<String> PROMISES = Set.of("said", "told", "promised", "promise", "would", "will", "supposed", "assured");

  /** Auxiliaries that, after a negator and before a clause end, deny something said before: "and I never was", "Nobody did." */
  private static final Set<String> ELLIPTIC_AUX = Set.of(
      "was", "were", "did", "do", "does", "has", "have", "had", "is", "are", "came", "happened", "arrived", "materialised");

  /** Every word the rules need in the vocabulary. */
  static void collect(List<String> words) {
    for (Set<String> set : List.of(BARRIERS, REQUESTS, REQUEST_HEADS, WANTING, SCARCITY, IMPERATIVE_VERBS, WISH_AFTER_WOULD,
        SUBJECTS, SCOPE_CARRIERS, FEEL, WISH_DEGREE, PROMISES, ELLIPTIC_AUX, SPEECH_VERBS, TIME_WORDS, PREPOSITIONS,
        PREVENTING)) {
      words.addAll(set);
    }
    words.addAll(List.of(SINGLE));
  }

  /** The polarity of a judged match: {@link Polarity} ordinal in bits 0-1, half weight in bit 2, negator token + 1 above. */
  static Polarity polarity(long judgement) {
    return POLARITIES[(int) (judgement & 3)];
  }

  /** The factor a judged match's weight is multiplied by. */
  static double factor(long judgement) {
    return (judgement & 4) != 0 ? 0.5 : 1.0;
  }

  /** The negator token that flipped a judged match, or -1. */
  static int negatorToken(long judgement) {
    return (int) (judgement >>> 3) - 1;
  }

  private static final Polarity[] POLARITIES = Polarity.values();

  private static long judgement(Polarity p, boolean half, int negator) {
    return p.ordinal() | (half ? 4L : 0L) | ((long) (negator + 1) << 3);
  }

  private final int[] ruleFlags;
  private final float[] sentiment;
  private final int to;
  private final int would;
  private final int like;
  private final int could;
  private final int should;
  private final int have;
  private final int wordIf;
  private final int only;
  private final int little;
  private final int a;
  private final int please;
  private final int why;
  private final int all;
  private final int wordI;
  private final int we;
  private final int want;
  private final int wanted;
  private final int ask;
  private final int asked;
  private final int be;
  private final int been;
  private final int no;
  private final int one;
  private final int had;
  private final int has;
  private final int wordDo;
  private final int does;
  private final int did;
  private final int they;
  private final int she;
  private final int he;
  private final int without;
  private final int ought;
  private final int raise;
  private final int raising;
  private final int concern;
  private final int concerns;
  private final int understand;
  private final int know;
  private final int who;
  private final int how;
  private final int formal;
  private final int complaint;
  private final int must;
  private final int not;
  private final int forget;
  private final int doubt;
  private final int ever;
  private final int it;
  private final int its;
  private final int apostropheS;
  private final int is;
  private final int now;
  private final int that;
  private final int was;
  private final int in;
  private final int on;
  private final int ago;
  private final int before;
  private final int anyone;
  private final int anybody;
  private final int theory;
  private final int kill;
  private final int hurt;
  private final int amiss;
  private final int go;
  private final int some;
  private final int bit;
  private final int you;
  private final int can;
  private final int when;
  private final int what;
  private final int point;
  private final int wordFor;
  private final int because;
  private final int as;
  private final int since;
  private final int requested;
  private final int wants;
  private final int need;
  private final int needs;
  private final int needed;

  /** Rules over {@code vocabulary}, which must hold the words of {@link #collect} and of the lexicon. */
  PolarityRules(SentimentLexicon lexicon, Vocabulary vocabulary) {
    int n = vocabulary.size();
    ruleFlags = new int[n];
    sentiment = new float[n];
    for (int v = 0; v < n; v++) {
      sentiment[v] = lexicon.score(vocabulary, v);
      if (vocabulary.isPrefix(v)) {
        continue;
      }
      String w = vocabulary.string(v);
      int f = 0;
      f |= BARRIERS.contains(w) ? BARRIER : 0;
      f |= REQUESTS.contains(w) ? REQUEST : 0;
      f |= REQUEST_HEADS.contains(w) ? REQUEST_HEAD : 0;
      f |= WANTING.contains(w) ? WANT : 0;
      f |= SCARCITY.contains(w) ? SCARCE : 0;
      f |= w.length() > 3 && IMPERATIVE_VERBS.contains(w) ? IMPERATIVE : 0;
      f |= WISH_AFTER_WOULD.contains(w) ? WISH_WOULD : 0;
      f |= SUBJECTS.contains(w) ? SUBJECT : 0;
      f |= SCOPE_CARRIERS.contains(w) ? SCOPE_CARRIER : 0;
      f |= FEEL.contains(w) ? FEEL_WORD : 0;
      f |= WISH_DEGREE.contains(w) ? DEGREE : 0;
      f |= PROMISES.contains(w) ? PROMISE : 0;
      f |= ELLIPTIC_AUX.contains(w) ? AUX : 0;
      f |= SPEECH_VERBS.contains(w) ? SPEECH : 0;
      f |= TIME_WORDS.contains(w) ? TIME : 0;
      f |= PREPOSITIONS.contains(w) ? PREPOSITION : 0;
      f |= PREVENTING.contains(w) ? PREVENT : 0;
      f |= w.equals("theory") || w.equals("can") || w.equals("point") ? ROUND4_KEY : 0;
      ruleFlags[v] = f;
    }
    to = vocabulary.word("to");
    would = vocabulary.word("would");
    like = vocabulary.word("like");
    could = vocabulary.word("could");
    should = vocabulary.word("should");
    have = vocabulary.word("have");
    wordIf = vocabulary.word("if");
    only = vocabulary.word("only");
    little = vocabulary.word("little");
    a = vocabulary.word("a");
    please = vocabulary.word("please");
    why = vocabulary.word("why");
    all = vocabulary.word("all");
    wordI = vocabulary.word("i");
    we = vocabulary.word("we");
    want = vocabulary.word("want");
    wanted = vocabulary.word("wanted");
    ask = vocabulary.word("ask");
    asked = vocabulary.word("asked");
    be = vocabulary.word("be");
    been = vocabulary.word("been");
    no = vocabulary.word("no");
    one = vocabulary.word("one");
    had = vocabulary.word("had");
    has = vocabulary.word("has");
    wordDo = vocabulary.word("do");
    does = vocabulary.word("does");
    did = vocabulary.word("did");
    they = vocabulary.word("they");
    she = vocabulary.word("she");
    he = vocabulary.word("he");
    without = vocabulary.word("without");
    ought = vocabulary.word("ought");
    raise = vocabulary.word("raise");
    raising = vocabulary.word("raising");
    concern = vocabulary.word("concern");
    concerns = vocabulary.word("concerns");
    understand = vocabulary.word("understand");
    know = vocabulary.word("know");
    who = vocabulary.word("who");
    how = vocabulary.word("how");
    formal = vocabulary.word("formal");
    complaint = vocabulary.word("complaint");
    must = vocabulary.word("must");
    not = vocabulary.word("not");
    forget = vocabulary.word("forget");
    doubt = vocabulary.word("doubt");
    ever = vocabulary.word("ever");
    it = vocabulary.word("it");
    its = vocabulary.word("its");
    apostropheS = vocabulary.word("'s");
    is = vocabulary.word("is");
    now = vocabulary.word("now");
    that = vocabulary.word("that");
    was = vocabulary.word("was");
    in = vocabulary.word("in");
    on = vocabulary.word("on");
    ago = vocabulary.word("ago");
    before = vocabulary.word("before");
    anyone = vocabulary.word("anyone");
    anybody = vocabulary.word("anybody");
    theory = vocabulary.word("theory");
    kill = vocabulary.word("kill");
    hurt = vocabulary.word("hurt");
    amiss = vocabulary.word("amiss");
    go = vocabulary.word("go");
    some = vocabulary.word("some");
    bit = vocabulary.word("bit");
    you = vocabulary.word("you");
    can = vocabulary.word("can");
    when = vocabulary.word("when");
    what = vocabulary.word("what");
    point = vocabulary.word("point");
    wordFor = vocabulary.word("for");
    because = vocabulary.word("because");
    as = vocabulary.word("as");
    since = vocabulary.word("since");
    requested = vocabulary.word("requested");
    wants = vocabulary.word("wants");
    need = vocabulary.word("need");
    needs = vocabulary.word("needs");
    needed = vocabulary.word("needed");
  }

  private int flags(int id) {
    return id < 0 ? 0 : ruleFlags[id];
  }

  /** The lexicon score of token {@code i}. */
  /**
   * Tokens on each side of a cue that its polarity rules read at most (its clause, its sentence, the rest of the
   * comment). Feedback comments are shorter: no tag of the 139,761 texts of the zero-shot equivalence set
   * (mams-acsa, NHS phase 1 and v6, with mutations) changes, while 400 changed the polarity of two themes of one
   * 4,000-character comment. It bounds the work per cue, so that a comment of a million cue words costs linear
   * time, not quadratic.
   */
  static final int CONTEXT = 1000;

  private double score(Analysis t, int i) {
    int id = t.id(i);
    return id < 0 ? 0 : sentiment[id];
  }

  /**
   * Judges the match of cue {@code cue} over tokens {@code [first, end)}: its polarity, the factor its weight is
   * multiplied by, and the negator token that flipped it, packed (read with {@link #polarity}, {@link #factor},
   * {@link #negatorToken}).
   */
  long judge(Analysis t, CueMatcher m, int cue, int first, int end) {
    int clause = t.clause(first);
    int clauseStart = t.clauseFirst(clause);
    int negator = m.hasNegator[cue] ? -1 : negatorBefore(t, first, clauseStart);
    if (negator < 0 && !m.hasNegator[cue]) {
      negator = negatorInside(t, first, end); // a wildcard took it: "given no choice", "kept nobody waiting"
    }
    Polarity fixed = m.polarity[cue];
    if (negator >= 0 && noNeedTo(t, negator, first)) {
      // "we shouldn't have had to fight for that", "they don't have to talk to me like dirt": it happened
      return judgement(Polarity.NEGATIVE, false, negator);
    }
    if (negator >= 0 && counterfactualWithout(t, negator)) {
      // "without the sitter I'd have gone under": the cue is what kept things going
      return judgement(fixed == null ? Polarity.POSITIVE : fixed, false, -1);
    }
    if (negator < 0 && fixed != Polarity.NEGATIVE && brokenPromise(t, first, end)) {
      // "they said I'd be contacted ... and I never was", "we were told someone would ring. Nobody did."
      return judgement(Polarity.NEGATIVE, false, -1);
    }
    if (negator < 0 && fixed != Polarity.NEGATIVE && quoted(t, first, end)) {
      // "They keep saying 'person-centred' but ...": the service's word quoted back is no praise
      return judgement(Polarity.NEGATIVE, false, -1);
    }
    if (fixed != Polarity.NEGATIVE && negator < 0 && beforeAnyone(t, first, clauseStart)) {
      // "I had to get the GP to back me up before anyone took it seriously": nobody did until then
      return judgement(Polarity.NEGATIVE, false, -1);
    }
    if (fixed != Polarity.NEGATIVE && negator < 0 && counterfactualAfter(t, end, clause)) {
      // "the advocate could have pushed much harder", "a sheet in plain english would have saved me": it was missing
      return judgement(Polarity.NEGATIVE, false, -1);
    }
    if (fixed != Polarity.NEGATIVE && negator < 0 && round4(t, first, end, clauseStart)) {
      // "great in theory", "a polite word wouldn't kill them", "I just want some information", "How is that polite?"
      return judgement(Polarity.NEGATIVE, false, -1);
    }
    if (fixed == Polarity.NEGATIVE && negator < 0 && prevented(t, first, clauseStart)) {
      // "she stopped people talking over me": the complaint was kept from happening
      return judgement(Polarity.POSITIVE, false, -1);
    }
    if (fixed != null) {
      if (negator >= 0) {
        // "not rude" is faint praise (half weight); "never made me feel judged" is praise in full
        return judgement(fixed.flip(), fixed == Polarity.NEGATIVE && !feelBetween(t, negator, first), negator);
      }
      if (fixed == Polarity.POSITIVE
          && (requestBefore(t, first, clauseStart) || scarce(t, first, clauseStart) || wouldWish(t, first)
              || pleaseBefore(t, first, clauseStart))) {
        return judgement(Polarity.NEGATIVE, false, -1);
      }
      return judgement(fixed, false, -1);
    }
    if (negator >= 0) {
      // "never listened", "no reply": the negation is the complaint; the clause's other words ("rude and never
      // listened", "still no reply from complaints") must not flip it back to praise
      return judgement(Polarity.NEGATIVE, false, negator);
    }
    Polarity p;
    if (requestBefore(t, first, clauseStart) || wishSentence(t, first, clause) || wanting(t, clause, first, end)
        || imperative(t, first, end) || question(t, t.sentence(first))) {
      p = Polarity.NEGATIVE;
    } else {
      p = contextSentiment(t, first, end, -1) < 0 || formalComplaint(t, first, end) ? Polarity.NEGATIVE : Polarity.POSITIVE;
    }
    return judgement(p, false, negator);
  }

  /**
   * True when negator {@code negator} opens "not have (had) to" before {@code at} after "should", "must", "ought"
   * ("we shouldn't have had to fight"), or after "do", "does", "did" with the service as subject ("they don't have
   * to talk to me like that"; not "I didn't have to ask", which is praise): the cue happened, and it is the complaint.
   */
  private boolean noNeedTo(Analysis t, int negator, int at) {
    int n = Math.min(t.size(), at + 3); // the chain may start the match itself ("have to fight")
    int k = negator + 1;
    int id = k < n ? t.id(k) : -1;
    if (id != have && id != has && id != had) {
      return false;
    }
    k++;
    if (k < n && t.id(k) == had) {
      k++;
    }
    if (!(k < n && t.id(k) == to) || negator == 0) {
      return false;
    }
    int before = t.id(negator - 1);
    if (before == should || before == ought || before == must) {
      return true;
    }
    if ((before == wordDo || before == does || before == did) && negator >= 2) {
      int subject = t.id(negator - 2);
      return subject == they || subject == she || subject == he;
    }
    return false;
  }

  /**
   * True when negator {@code negator} is "without" in a sentence that also holds a conditional, "would" or "could"
   * followed by "have" or a negator ("'d" is normalised to "would"): "without the sitter I'd have gone under", "I
   * couldn't have coped without her".
   */
  private boolean counterfactualWithout(Analysis t, int negator) {
    if (t.id(negator) != without) {
      return false;
    }
    int s = t.sentence(negator);
    for (int i = Math.max(t.sentenceFirst(s), negator - CONTEXT), stop = Math.min(t.sentenceEnd(s), negator + CONTEXT);
        i < stop; i++) {
      int id = t.id(i);
      if ((id == would || id == could) && i + 1 < stop && (t.id(i + 1) == have || t.isNegator(i + 1))) {
        return true;
      }
    }
    return false;
  }

  /**
   * True when a promise word ("said", "told", "would", "promised"...) stands before the cue in its sentence and,
   * after the cue in that sentence or the next, a negator is followed by an auxiliary that ends its clause: "they
   * said I'd be contacted and I never was", "we were told someone would pick it up. Nobody did."
   */
  private boolean brokenPromise(Analysis t, int first, int end) {
    int s = t.sentence(first);
    boolean promise = false;
    for (int i = Math.max(t.sentenceFirst(s), first - CONTEXT); i < first && !promise; i++) {
      promise = (flags(t.id(i)) & PROMISE) != 0;
    }
    if (!promise) {
      return false;
    }
    int stop = Math.min(s + 1 < t.sentences() ? t.sentenceEnd(s + 1) : t.sentenceEnd(s), end + CONTEXT);
    for (int i = end; i + 1 < stop; i++) {
      // "and I never was", "Nobody did." or "They didn't."
      // "no one ever does": "ever" may stand between the negator and the auxiliary
      int aux = t.isNegator(i) && t.id(i + 1) == ever && i + 2 < stop ? i + 2 : i + 1;
      boolean denial = t.isNegator(i) ? (flags(t.id(aux)) & AUX) != 0 : (flags(t.id(i)) & AUX) != 0 && t.isNegator(i + 1);
      if (denial) {
        int after = aux + 1;
        String next = after < t.size() ? t.norm(after) : "";
        if (after >= t.clauseEnd(t.clause(i + 1)) || next.isEmpty() || !Character.isLetterOrDigit(next.charAt(0))) {
          return true;
        }
      }
    }
    // or the next sentence says how long it has been: "They said someone would call. It's been nine days."
    return s + 1 < t.sentences() && elapsed(t, t.sentenceFirst(s + 1), t.sentenceEnd(s + 1));
  }

  /**
   * True when tokens {@code [i, stop)} open with a statement of time gone by since a promise: "It's been nine
   * days.", "It's now the following Thursday.", "That was in March."
   */
  private boolean elapsed(Analysis t, int i, int stop) {
    if (i + 2 >= stop) {
      return false;
    }
    int w0 = t.id(i);
    int w1 = t.id(i + 1);
    int w2 = t.id(i + 2);
    if (w0 == it && (w1 == apostropheS || w1 == is || w1 == has)) {
      return w2 == now || (w2 == been && timeAfter(t, i + 3, stop));
    }
    if (w0 == its) {
      return w1 == now || (w1 == been && timeAfter(t, i + 2, stop));
    }
    if (w0 == that && w1 == was) {
      if (w2 == in || w2 == on) {
        return true;
      }
      for (int k = i + 2; k < stop && k <= i + 5; k++) {
        if (t.id(k) == ago) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when the comment is worded as a formal complaint: "raise (my) concern(s)", "formal complaint", "I would
   * like to understand / know who / why / how": then a cue whose context is silent or praising is a complaint.
   */
  private boolean formalComplaint(Analysis t, int first, int end) {
    for (int i = Math.max(0, first - CONTEXT), stop = Math.min(t.size(), end + CONTEXT); i < stop; i++) {
      int id = t.id(i);
      if (id == raise || id == raising) {
        for (int k = i + 1; k < stop && k <= i + 3; k++) {
          int n = t.id(k);
          if (n == concern || n == concerns || n == complaint) {
            return true;
          }
        }
      } else if (id == formal && i + 1 < stop && t.id(i + 1) == complaint) {
        return true;
      } else if ((id == understand || id == know) && i >= 3 && t.id(i - 1) == to && t.id(i - 2) == like
          && t.id(i - 3) == would && i + 1 < stop) {
        int n = t.id(i + 1);
        if (n == who || n == why || n == how) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when token {@code at} stands in a wish or a reproach: "please" anywhere in its clause ("larger print
   * leaflets please"), or before it in its sentence a sentence-initial "why", "would" followed within three tokens
   * by "nice", "good", "helpful"... ("it would have been nice if they had explained"), or "all I / we want / ask".
   */
  private boolean wishSentence(Analysis t, int at, int clause) {
    for (int i = Math.max(t.clauseFirst(clause), at - CONTEXT), stop = Math.min(t.clauseEnd(clause), at + CONTEXT);
        i < stop; i++) {
      if (t.id(i) == please) {
        return true;
      }
    }
    int from = t.sentenceFirst(t.sentence(at));
    if (t.id(from) == why || wouldWish(t, at)) {
      return true;
    }
    for (int i = Math.max(from, at - CONTEXT); i < at; i++) {
      int id = t.id(i);
      if (id == all && i + 2 < at && (t.id(i + 1) == wordI || t.id(i + 1) == we)) {
        int v = t.id(i + 2);
        if (v == want || v == wanted || v == ask || v == asked) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when, before token {@code at} in its sentence, "would", "would be" or "would have been" is followed
   * (perhaps after "really", "so"...) by "nice", "grateful", "appreciate"...: "it would have been nice if", "I would
   * be grateful for". Not "would been" ("she'd been good" is "she had been good").
   */
  private boolean wouldWish(Analysis t, int at) {
    for (int i = Math.max(t.sentenceFirst(t.sentence(at)), at - CONTEXT); i < at; i++) {
      if (t.id(i) == would) {
        int k = i + 1;
        if (k < at && t.id(k) == be) {
          k++;
        } else if (k + 1 < at && t.id(k) == have && t.id(k + 1) == been) {
          k += 2;
        }
        if (k < at && (flags(t.id(k)) & DEGREE) != 0) {
          k++;
        }
        if (k < at && (flags(t.id(k)) & WISH_WOULD) != 0) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * True when a quotation mark opens at most two tokens before the match (or inside it) and another closes later
   * in its sentence: the words are someone else's, quoted back.
   */
  private boolean quoted(Analysis t, int first, int end) {
    int s = t.sentence(first);
    int from = Math.max(t.sentenceFirst(s), first - 2);
    int open = -1;
    for (int i = from; i < end; i++) {
      if (quote(t, i)) {
        open = i;
        break;
      }
    }
    if (open < 0 || !speechBefore(t, open, t.sentenceFirst(s))) {
      return false;
    }
    for (int i = Math.max(open + 1, end), stop = Math.min(t.sentenceEnd(s), end + CONTEXT); i < stop; i++) {
      if (quote(t, i)) {
        return true;
      }
    }
    return false;
  }

  /** True when a verb of speech stands at most four tokens before token {@code open} in its sentence ("keep saying 'person-centred'"). */
  private boolean speechBefore(Analysis t, int open, int sentenceFirst) {
    for (int i = Math.max(sentenceFirst, open - 4); i < open; i++) {
      if ((flags(t.id(i)) & SPEECH) != 0) {
        return true;
      }
    }
    return false;
  }

  private static boolean quote(Analysis t, int i) {
    if (!t.isPunctuation(i)) {
      return false;
    }
    String text = t.text();
    for (int c = t.start(i); c < t.end(i); c++) {
      char ch = text.charAt(c);
      if (ch == '\'' || ch == '"' || ch == '\u2018' || ch == '\u2019' || ch == '\u201c' || ch == '\u201d') {
        return true;
      }
    }
    return false;
  }

  /** True when one of the three tokens from {@code i} is a number or a unit of time: "(it's been) nine days", "over a week". */
  private boolean timeAfter(Analysis t, int i, int stop) {
    for (int k = i; k < stop && k < i + 3; k++) {
      if ((flags(t.id(k)) & TIME) != 0 || Character.isDigit(t.text().charAt(t.start(k)))) {
        return true;
      }
    }
    return false;
  }

  /** True when "please" stands before token {@code at} in its clause: "Please send the easy read version." */
  private boolean pleaseBefore(Analysis t, int at, int clauseStart) {
    for (int i = Math.max(clauseStart, at - CONTEXT); i < at; i++) {
      if (t.id(i) == please) {
        return true;
      }
    }
    return false;
  }

  /** True when, after the cue in its clause, "would", "could" or "should" is followed by "have" and a verb other than "been". */
  private boolean counterfactualAfter(Analysis t, int end, int clause) {
    for (int i = end, stop = Math.min(t.clauseEnd(clause), end + 4); i + 2 < stop; i++) {
      int id = t.id(i);
      if ((id == would || id == could || id == should) && t.id(i + 1) == have && t.id(i + 2) != been) {
        return true;
      }
    }
    return false;
  }

  /** True when "before anyone" or "before anybody" stands at most four tokens before token {@code at} in its clause. */
  private boolean beforeAnyone(Analysis t, int at, int clauseStart) {
    for (int i = Math.max(clauseStart, at - 5); i + 1 < at; i++) {
      if (t.id(i) == before && (t.id(i + 1) == anyone || t.id(i + 1) == anybody)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Round 4's complaints (check5 and check6): in the cue's sentence "in theory" ("great in theory"), "when / if you
   * can" ("good when you can get hold of her"), a question opening with "how" and an auxiliary ("How is that
   * polite?"); after the cue, "wouldn't kill / hurt / go amiss"; before it in its clause "want / need some" or "a bit
   * of / a little"; "asked for" / "requested" before it and a negator later in the sentence or the next; "what is
   * the point" after it in its sentence or the next; a short next sentence that is a "why" question ("Why bother?").
   */
  private boolean round4(Analysis t, int first, int end, int clauseStart) {
    int s = t.sentence(first);
    int sf = t.sentenceFirst(s);
    int se = t.sentenceEnd(s);
    return wouldNotHurt(t, end, se) || wantSome(t, first, clauseStart) || markerAround(t, first, end, s, sf, se)
        || howQuestion(t, s, sf) || askedThenDenied(t, first, clauseStart, s) || whyNext(t, s);
  }

  /**
   * One pass over the cue's sentence and the next for the markers keyed on their last word ("theory", "can",
   * "point"): "in theory" in the cue's sentence ("The sitter scheme is great in theory."), "when / if you can" (not
   * "can't") in it, "what is / 's the point" after the cue in its sentence or the next.
   */
  private boolean markerAround(Analysis t, int first, int end, int s, int sf, int se) {
    int stop = Math.min(s + 1 < t.sentences() ? t.sentenceEnd(s + 1) : se, end + CONTEXT);
    for (int i = Math.max(sf, first - CONTEXT); i < stop; i++) {
      int id = t.id(i);
      if ((flags(id) & ROUND4_KEY) == 0) {
        continue;
      }
      if (id == theory && i < se && i > sf && t.id(i - 1) == in) {
        return true;
      }
      if (id == can && i < se && i >= sf + 2 && t.id(i - 1) == you && (t.id(i - 2) == when || t.id(i - 2) == wordIf)
          && !(i + 1 < se && t.isNegator(i + 1))) {
        return true;
      }
      if (id == point && i >= end + 3 && t.id(i - 3) == what) {
        return true;
      }
    }
    return false;
  }

  /** True when "would" + negator + "kill" / "hurt" / "go amiss" follows the cue within four tokens in its sentence. */
  private boolean wouldNotHurt(Analysis t, int end, int se) {
    for (int i = end, stop = Math.min(se, end + 4); i + 2 < se && i < stop; i++) {
      if (t.id(i) == would && t.isNegator(i + 1)) {
        int v = t.id(i + 2);
        if (v == kill || v == hurt || (v == go && i + 3 < se && t.id(i + 3) == amiss)) {
          return true;
        }
      }
    }
    return false;
  }

  /** True when "want(s/ed)" or "need(s/ed)" + "some" / "a bit" / "a little" stands at most six tokens before the cue in its clause. */
  private boolean wantSome(Analysis t, int at, int clauseStart) {
    for (int i = Math.max(clauseStart, at - 6); i + 1 < at; i++) {
      int id = t.id(i);
      if (id == want || id == wants || id == wanted || id == need || id == needs || id == needed) {
        int q = t.id(i + 1);
        if (q == some || (q == a && i + 2 < at && (t.id(i + 2) == bit || t.id(i + 2) == little))) {
          return true;
        }
      }
    }
    return false;
  }


  /** True when sentence {@code s} opens with "how" and an auxiliary and ends with "?": "How is that polite?" */
  private boolean howQuestion(Analysis t, int s, int sf) {
    return t.id(sf) == how && sf + 1 < t.sentenceEnd(s) && (flags(t.id(sf + 1)) & AUX) != 0 && question(t, s);
  }

  /**
   * True when "asked for" or "requested" stands at most eight tokens before the cue in its clause and a negator
   * follows in its sentence (not after "because", "as", "since": the reason for asking) or in the next: "I asked for
   * a sitter. They said we did not qualify."
   */
  private boolean askedThenDenied(Analysis t, int at, int clauseStart, int s) {
    boolean asking = false;
    for (int i = Math.max(clauseStart, at - 8); i < at && !asking; i++) {
      int id = t.id(i);
      asking = id == requested || (id == asked && i + 1 < at && t.id(i + 1) == wordFor);
    }
    if (!asking) {
      return false;
    }
    int stop = s + 1 < t.sentences() ? t.sentenceEnd(s + 1) : t.sentenceEnd(s);
    for (int i = at + 1; i < stop && i < at + CONTEXT; i++) {
      if (t.isNegator(i)) {
        return true;
      }
      if (t.sentence(i) == s && (t.id(i) == because || t.id(i) == as || t.id(i) == since) && s + 1 < t.sentences()) {
        i = t.sentenceFirst(s + 1) - 1; // the reason for asking is no denial: go on in the next sentence
      }
    }
    return false;
  }


  /** True when the next sentence opens with "why", is at most five tokens long and ends with "?": "Why bother?" */
  private boolean whyNext(Analysis t, int s) {
    if (s + 1 >= t.sentences()) {
      return false;
    }
    int f = t.sentenceFirst(s + 1);
    return t.id(f) == why && t.sentenceEnd(s + 1) - f <= 5 && question(t, s + 1);
  }

  /** True when "stopped" or "prevented" stands one or two tokens before token {@code at} in its clause. */
  private boolean prevented(Analysis t, int at, int clauseStart) {
    for (int i = at - 1; i >= clauseStart && i >= at - 2; i--) {
      if ((flags(t.id(i)) & PREVENT) != 0) {
        return true;
      }
    }
    return false;
  }

  /** True when a token strictly between {@code negator} and {@code at} is "feel", "felt"... */
  private boolean feelBetween(Analysis t, int negator, int at) {
    for (int i = negator + 1; i < at; i++) {
      if ((flags(t.id(i)) & FEEL_WORD) != 0) {
        return true;
      }
    }
    return false;
  }

  /** Index of a negator strictly inside a match (matched by a {@code *} or {@code ...} of its pattern), or -1. */
  private static int negatorInside(Analysis t, int first, int end) {
    for (int i = first + 1; i < end - 1; i++) {
      if (t.isNegator(i)) {
        return i;
      }
    }
    return -1;
  }

  /** Index of a negator governing token {@code at}, or -1. */
  private int negatorBefore(Analysis t, int at, int clauseStart) {
    if (!t.isNegated(at) && !t.isNegator(at)) {
      return -1;
    }
    int stop = Math.max(clauseStart, at - NEGATION_WINDOW);
    int subject = -1; // the leftmost subject pronoun between the negator and the cue
    for (int i = at - 1; i >= stop; i--) {
      if (t.isNegator(i)) {
        int after = i + 1;
        // a multi-token negator ("no one", "failed to") is reported by its first token
        while (i - 1 >= stop && t.isNegator(i - 1)) {
          i--;
        }
        // a subject between the negator and the cue starts another clause ("when they can't help they tell you
        // straight"), unless something before it carries the scope over: a raising verb ("I don't think she
        // listened"), an inverted clause ("never once did she listen"), a negated noun phrase with its relative
        // clause ("no advice about what I'm entitled to", "not a test I could fail")
        if (subject >= 0 && !carriesScope(t, i, after, subject)) {
          return -1;
        }
        if (affirmingVerb(t, after, at)) { // "never forget how gentle", "don't doubt their kindness"
          return -1;
        }
        return i;
      }
      int f = flags(t.id(i));
      if ((f & BARRIER) != 0 && !determinerThat(t, i, stop)) {
        return -1;
      }
      if ((f & SUBJECT) != 0) {
        subject = i;
      }
    }
    return -1;
  }

  /** True when token {@code i} is "that" after a preposition ("Nobody at that home"): a determiner, no clause boundary. */
  private boolean determinerThat(Analysis t, int i, int stop) {
    return t.id(i) == that && i > stop && (flags(t.id(i - 1)) & PREPOSITION) != 0;
  }

  /**
   * True when the negated verb at {@code after} (perhaps after "ever") is "forget" or "doubt", whose negation affirms
   * what follows: "I will never forget how gentle they were", "I don't doubt their kindness".
   */
  private boolean affirmingVerb(Analysis t, int after, int at) {
    int k = after < at && t.id(after) == ever ? after + 1 : after;
    return k < at && (t.id(k) == forget || t.id(k) == doubt);
  }

  private boolean carriesScope(Analysis t, int negator, int after, int subject) {
    if (t.id(negator) == no && !(negator + 1 < t.size() && t.id(negator + 1) == one)) {
      return true;
    }
    for (int k = after; k < subject; k++) {
      if ((flags(t.id(k)) & SCOPE_CARRIER) != 0) {
        return true;
      }
    }
    return false;
  }

  private boolean requestBefore(Analysis t, int at, int clauseStart) {
    for (int i = at - 1; i >= clauseStart && i >= at - 8; i--) {
      int n = t.id(i);
      int f = flags(n);
      if ((f & REQUEST) != 0) {
        return true;
      }
      if ((f & REQUEST_HEAD) != 0 && i + 1 < t.size() && at - i <= 3) {
        if (t.id(i + 1) == to || (n == like && i > 0 && t.id(i - 1) == would)) {
          return true;
        }
      }
      if ((n == would || n == could || n == should) && i + 1 < at && t.id(i + 1) == have) {
        return true;
      }
      if (n == wordIf && i + 1 < t.size() && t.id(i + 1) == only) {
        return true;
      }
    }
    return false;
  }

  /** True when a scarcity word stands one or two tokens before the cue ("very little compassion", "more respect"). */
  private boolean scarce(Analysis t, int at, int clauseStart) {
    for (int i = at - 1; i >= clauseStart && i >= at - 2; i--) {
      if ((flags(t.id(i)) & SCARCE) != 0) {
        return !(i > 0 && t.id(i) == little && t.id(i - 1) == a);
      }
    }
    return false;
  }

  private boolean wanting(Analysis t, int clause, int first, int end) {
    int from = Math.max(t.clauseFirst(clause), first - 3);
    int to = Math.min(t.clauseEnd(clause), end + 3);
    for (int i = from; i < to; i++) {
      if ((i < first || i >= end) && (flags(t.id(i)) & WANT) != 0) {
        return true;
      }
    }
    return false;
  }

  /**
   * A sentence that opens with the cue in its base form is an instruction ("Listen to patients", "Explain
   * things more"): a request. Past and progressive forms ("Listened to us", "Explaining everything") are not.
   */
  private boolean imperative(Analysis t, int first, int end) {
    int s = t.sentence(first);
    if (first != t.sentenceFirst(s) || end >= t.sentenceEnd(s)) {
      return false;
    }
    return (flags(t.id(first)) & IMPERATIVE) != 0;
  }

  private double contextSentiment(Analysis t, int first, int end, int cueNegator) {
    int ci = t.clause(first);
    double s = clauseSentiment(t, ci, first, end, cueNegator);
    if (s != 0) {
      return s;
    }
    double around = 0;
    int sentence = t.clauseSentence(ci);
    if (!t.clauseAfterContrast(ci) && ci > 0 && t.clauseSentence(ci - 1) == sentence) {
      around += clauseSentiment(t, ci - 1, first, end, -1);
    }
    if (ci + 1 < t.clauses()) {
      if (!t.clauseAfterContrast(ci + 1) && t.clauseSentence(ci + 1) == sentence) {
        around += clauseSentiment(t, ci + 1, first, end, -1);
      }
    }
    if (around != 0) {
      return around;
    }
    if (negatedOpening(t, ci - 1, sentence) || negatedOpening(t, ci + 1, sentence)) {
      // a silent neighbour that opens with a negator is a complaint: "Nobody told us, we turned up and the room was empty"
      return -0.5;
    }
    // the sentence around the cue is silent: the comment as a whole decides ("I asked for interpreters. They booked
    // one once and then forgot."), and only a silent comment leaves the default (praise)
    double comment = 0;
    for (int c = t.clause(Math.max(0, first - CONTEXT)), last = t.clause(Math.min(t.size() - 1, end - 1 + CONTEXT));
        c <= last; c++) {
      if (t.clauseSentence(c) != sentence) {
        double cs = clauseSentiment(t, c, first, end, -1);
        // a silent clause that opens with a negator is a complaint: "11 emails since September. No reply."
        // so is a silent question: "Is there a number to ring at weekends? The leaflet only gives office hours."
        comment += cs == 0 && (opensWithNegator(t, c) || question(t, t.clauseSentence(c))) ? -0.5 : cs;
      }
    }
    return comment;
  }

  /** True when sentence {@code s} ends with a question mark (among its closing punctuation: "?", "?!", "??"). */
  static boolean question(Analysis t, int s) {
    String text = t.text();
    for (int i = t.sentenceEnd(s) - 1, stop = t.sentenceFirst(s); i >= stop && t.isPunctuation(i); i--) {
      for (int c = t.start(i); c < t.end(i); c++) {
        if (text.charAt(c) == '?') {
          return true;
        }
      }
    }
    return false;
  }

  /** True when clause {@code c} is of sentence {@code sentence} and opens with a negator ("Nobody told us"), not "not". */
  private boolean negatedOpening(Analysis t, int c, int sentence) {
    return c >= 0 && c < t.clauses() && t.clauseSentence(c) == sentence && opensWithNegator(t, c);
  }

  /**
   * True when clause {@code c} opens with a negator other than "not", which opening a clause is mostly a contrast
   * ("I get an answer, not a shrug").
   */
  private boolean opensWithNegator(Analysis t, int c) {
    int first = t.clauseFirst(c);
    return t.isNegator(first) && t.id(first) != not;
  }

  private double clauseSentiment(Analysis t, int c, int first, int end, int cueNegator) {
    double sum = 0;
    int clauseStart = t.clauseFirst(c);
    for (int i = Math.max(clauseStart, first - CONTEXT), stop = Math.min(t.clauseEnd(c), end + CONTEXT); i < stop; i++) {
      if (i >= first && i < end) {
        continue;
      }
      if (t.isNegator(i) || (flags(t.id(i)) & WANT) != 0) {
        continue; // a negator's own sentiment ("lack") is applied as negation, not counted twice
      }
      double s = score(t, i);
      if (s == 0) {
        continue;
      }
      int neg = negatorBefore(t, i, clauseStart);
      if (neg >= 0 && neg != cueNegator) {
        s = -0.5 * s;
      }
      sum += s;
    }
    return sum;
  }
}
