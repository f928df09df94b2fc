package org.verbatim.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One analysed comment in reusable primitive arrays: the working form that the pipeline fills and the
 * classifiers read, so a batch of comments is analysed without an object per token. For each token: its span in
 * the text, its normalised form (as characters and as a {@link Vocabulary} entry id), its sentence and clause,
 * and flags (punctuation, negation cue, in a negation scope, contrast marker). {@link #toAnalyzedText()} gives the
 * immutable {@link AnalyzedText} view.
 *
 * <pre>{@code
 * Analysis a = new Analysis();                       // one per thread; reuse it for every comment
 * RulePipeline.create().analyze("She never listened.", Vocabulary.base(), a);
 * a.size();             // 4
 * a.norm(2);            // "listened"
 * a.isNegated(2);       // true
 * }</pre>
 *
 * <p>Mutable and not thread-safe: give each thread its own, and do not keep values across a later
 * {@code analyze} into the same instance. The arrays grow to the longest comment seen and are then reused.
 */
public final class Analysis {

  /** Token flag: made only of punctuation. */
  static final int PUNCT = 1;
  /** Token flag: in the scope of a negation cue. */
  static final int NEGATED = 1 << 1;
  /** Token flag: (part of) a negation cue. */
  static final int NEGATOR = 1 << 2;
  /** Token flag: (part of) a contrast marker. */
  static final int CONTRAST = 1 << 3;
  /** Token flag: a comparative ("more", "less", "worse", or five letters or more ending in -er). */
  static final int COMPARATIVE = 1 << 4;

  /** Distinct unknown norms remembered per vocabulary before the cache is cleared. */
  private static final int CACHE_LIMIT = 1 << 15;

  String text = "";
  /** The characters of {@link #text} (an array of exactly its length). */
  char[] chars = new char[0];
  Profile profile = Profile.FAST;
  Vocabulary vocabulary;
  int size;
  int[] start = new int[32];
  int[] end = new int[32];
  int[] normStart = new int[32];
  int[] normEnd = new int[32];
  long[] hash = new long[32];
  int[] id = new int[32];
  int[] flags = new int[32];
  int[] sentence = new int[32];
  int[] clause = new int[32];
  /** POS tags and lemmas ({@link Profile#FULL} only; null otherwise). */
  String[] pos;
  String[] lemma;
  char[] normChars = new char[256];
  int normLength;

  int sentences;
  /** First token of each sentence, and {@code size} at index {@code sentences}. */
  int[] sentenceStart = new int[8];

  int clauses;
  int[] clauseFirst = new int[8];
  int[] clauseEnd = new int[8];
  int[] clauseSentence = new int[8];
  boolean[] clauseAfterContrast = new boolean[8];

  /** Scratch for the segmenters. */
  final Segments spans = new Segments(32);
  int[] scratchStart = new int[64];
  int[] scratchEnd = new int[64];

  /**
   * Unknown norm hash -> resolved prefix entry (or NONE), for {@link #cacheOwner} only: key at {@code 2i}, entry
   * + 2 at {@code 2i + 1} (0 when the slot is free; NONE is stored as 1).
   */
  private long[] cache = new long[2 << 10];
  private int cacheSize;
  private Vocabulary cacheOwner;

  /** An empty analysis; fill it with {@link TextPipeline#analyze(String, Vocabulary, Analysis)}. */
  public Analysis() {}

  // ---------------------------------------------------------------------------------------------- reading

  /** The analysed comment. */
  public String text() {
    return text;
  }

  /** The profile of the pipeline that filled it. */
  public Profile profile() {
    return profile;
  }

  /** The vocabulary the token ids refer to. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** Number of tokens. */
  public int size() {
    return size;
  }

  /** Offset of token {@code i}'s first character. */
  public int start(int i) {
    return start[i];
  }

  /** Offset one past token {@code i}'s last character. */
  public int end(int i) {
    return end[i];
  }

  /** The {@link Vocabulary} entry token {@code i}'s norm resolves to, or {@link Vocabulary#NONE}. */
  public int id(int i) {
    return id[i];
  }

  /** The {@link Vocabulary#hash(char[], int, int) hash} of token {@code i}'s norm. */
  public long hash(int i) {
    return hash[i];
  }

  /** The characters of all norms; token {@code i}'s is {@code [normStart(i), normEnd(i))}. Do not modify. */
  public char[] normChars() {
    return normChars;
  }

  /** Where token {@code i}'s norm starts in {@link #normChars()}. */
  public int normStart(int i) {
    return normStart[i];
  }

  /** Where token {@code i}'s norm ends in {@link #normChars()}. */
  public int normEnd(int i) {
    return normEnd[i];
  }

  /** Token {@code i}'s normalised form as a new string (see {@link Token#norm()}). */
  public String norm(int i) {
    return new String(normChars, normStart[i], normEnd[i] - normStart[i]);
  }

  /** True when token {@code i}'s norm starts with {@code prefix}. */
  public boolean normStartsWith(int i, String prefix) {
    int s = normStart[i];
    int n = prefix.length();
    if (normEnd[i] - s < n) {
      return false;
    }
    for (int k = 0; k < n; k++) {
      if (normChars[s + k] != prefix.charAt(k)) {
        return false;
      }
    }
    return true;
  }

  /** The lemma of token {@code i} ({@link Profile#FULL}), or null. */
  public String lemma(int i) {
    return profile == Profile.FULL ? lemma[i] : null;
  }

  /** The sentence of token {@code i}. */
  public int sentence(int i) {
    return sentence[i];
  }

  /** The clause of token {@code i}. */
  public int clause(int i) {
    return clause[i];
  }

  /** True when token {@code i} is made only of punctuation. */
  public boolean isPunctuation(int i) {
    return (flags[i] & PUNCT) != 0;
  }

  /** True when token {@code i} lies in the scope of a negation cue (see {@link Token#negated()}). */
  public boolean isNegated(int i) {
    return (flags[i] & NEGATED) != 0;
  }

  /** True when token {@code i} is (part of) a negation cue (see {@link Token#negator()}). */
  public boolean isNegator(int i) {
    return (flags[i] & NEGATOR) != 0;
  }

  /** True when token {@code i} is (part of) a contrast marker (see {@link Token#contrast()}). */
  public boolean isContrast(int i) {
    return (flags[i] & CONTRAST) != 0;
  }

  /** Number of sentences. */
  public int sentences() {
    return sentences;
  }

  /** The first token of sentence {@code s}. */
  public int sentenceFirst(int s) {
    return sentenceStart[s];
  }

  /** One past the last token of sentence {@code s}. */
  public int sentenceEnd(int s) {
    return sentenceStart[s + 1];
  }

  /** Number of clauses. */
  public int clauses() {
    return clauses;
  }

  /** The first token of clause {@code c}. */
  public int clauseFirst(int c) {
    return clauseFirst[c];
  }

  /** One past the last token of clause {@code c}. */
  public int clauseEnd(int c) {
    return clauseEnd[c];
  }

  /** The sentence of clause {@code c}. */
  public int clauseSentence(int c) {
    return clauseSentence[c];
  }

  /** True when clause {@code c} is introduced by a contrast marker (see {@link Clause#afterContrast()}). */
  public boolean clauseAfterContrast(int c) {
    return clauseAfterContrast[c];
  }

  /** The immutable view of this analysis (builds a {@link Token} per token). */
  public AnalyzedText toAnalyzedText() {
    List<Token> tokens = new ArrayList<>(size);
    for (int i = 0; i < size; i++) {
      boolean tagged = profile == Profile.FULL;
      tokens.add(new Token(text.substring(start[i], end[i]), start[i], end[i], norm(i), tagged ? pos[i] : null,
          tagged ? lemma[i] : null, sentence[i], clause[i], isNegated(i), isNegator(i), isContrast(i)));
    }
    List<AnalyzedText.TokenRange> ranges = new ArrayList<>(sentences);
    for (int s = 0; s < sentences; s++) {
      ranges.add(new AnalyzedText.TokenRange(sentenceStart[s], sentenceStart[s + 1]));
    }
    List<Clause> cl = new ArrayList<>(clauses);
    for (int c = 0; c < clauses; c++) {
      cl.add(new Clause(clauseFirst[c], clauseEnd[c], clauseSentence[c], clauseAfterContrast[c]));
    }
    return new AnalyzedText(text, tokens, ranges, cl, profile);
  }

  // ---------------------------------------------------------------------------------------------- filling

  /**
   * Replaces the contents with an analysis made elsewhere (another {@link TextPipeline}), resolving each norm in
   * {@code vocabulary}. Flags, sentences and clauses are taken as given.
   *
   * @throws NullPointerException if an argument is null
   */
  public Analysis load(AnalyzedText a, Vocabulary vocabulary) {
    Objects.requireNonNull(a, "a");
    begin(a.text(), a.text().toCharArray(), a.profile(), Objects.requireNonNull(vocabulary, "vocabulary"), a.tokens().size());
    List<Token> tokens = a.tokens();
    boolean tagged = a.profile() == Profile.FULL;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      int k = open(t.start(), t.end(), t.sentence());
      appendString(t.norm());
      close(k, Chars.isPunctuation(t.text()));
      clause[k] = t.clause();
      flags[k] |= (t.negated() ? NEGATED : 0) | (t.negator() ? NEGATOR : 0) | (t.contrast() ? CONTRAST : 0);
      if (tagged) {
        pos[k] = t.pos();
        lemma[k] = t.lemma();
      }
    }
    sentences = a.sentences().size();
    growSentences(sentences + 1);
    for (int s = 0; s < sentences; s++) {
      sentenceStart[s] = a.sentences().get(s).firstToken();
    }
    sentenceStart[sentences] = size;
    clauses = 0;
    for (Clause c : a.clauses()) {
      addClause(c.firstToken(), c.endToken(), c.sentence(), c.afterContrast());
    }
    return this;
  }

  /**
   * Fills this analysis from a segmenter's output with the pipeline's rules: tokens and norms (contractions split),
   * contrast markers, clauses and negation scope. For the pipelines of other backends.
   *
   * @param profile {@link Profile#FULL} when the segments carry POS tags and lemmas
   * @return this analysis
   * @throws NullPointerException if an argument is null
   */
  public Analysis annotate(String text, Segments segments, Profile profile, Vocabulary vocabulary) {
    return annotate(Objects.requireNonNull(text, "text"), text.toCharArray(), Objects.requireNonNull(segments, "segments"),
        Objects.requireNonNull(profile, "profile"), Objects.requireNonNull(vocabulary, "vocabulary"));
  }

  Analysis annotate(String text, char[] chars, Segments segments, Profile profile, Vocabulary vocabulary) {
    TokenNormalizer.fill(this, text, chars, segments, profile, vocabulary);
    ContrastMarker.mark(this);
    ClauseSplitter.split(this);
    NegationMarker.mark(this);
    return this;
  }

  /** Starts a new analysis of {@code text} with room for {@code tokens} tokens. */
  void begin(String text, char[] chars, Profile profile, Vocabulary vocabulary, int tokens) {
    this.text = text;
    this.chars = chars;
    this.profile = profile;
    this.vocabulary = vocabulary;
    size = 0;
    normLength = 0;
    sentences = 0;
    clauses = 0;
    ensureTokens(tokens);
    if (profile == Profile.FULL) {
      if (pos == null || pos.length < start.length) {
        pos = new String[start.length];
        lemma = new String[start.length];
      }
    }
    if (cacheOwner != vocabulary) {
      clearCache();
      cacheOwner = vocabulary;
    }
  }

  /** Adds token {@code [a, b)} of sentence {@code s}; its norm is then appended; returns its index. */
  int open(int a, int b, int s) {
    int k = size++;
    if (k == start.length) {
      ensureTokens(k + 1);
    }
    start[k] = a;
    end[k] = b;
    sentence[k] = s;
    clause[k] = 0;
    flags[k] = 0;
    normStart[k] = normLength;
    return k;
  }

  /** Appends one norm character to the token opened last. */
  void append(char c) {
    if (normLength == normChars.length) {
      normChars = Arrays.copyOf(normChars, normLength * 2);
    }
    normChars[normLength++] = c;
  }

  /** The norm buffer with room for {@code n} more characters after {@link #normLength}. */
  char[] reserveNorm(int n) {
    if (normLength + n > normChars.length) {
      normChars = Arrays.copyOf(normChars, Math.max(normChars.length * 2, normLength + n));
    }
    return normChars;
  }

  void appendString(String s) {
    for (int i = 0, n = s.length(); i < n; i++) {
      append(s.charAt(i));
    }
  }

  /** Finishes token {@code k} with the norm appended since it was opened (see {@link #close(int, int, int, boolean)}). */
  void close(int k, boolean punctuation) {
    close(k, normStart[k], normLength, punctuation);
  }

  /**
   * Finishes token {@code k} with the norm {@code normChars[ns, ne)}: hashes and resolves it, sets the punctuation
   * and comparative flags.
   */
  void close(int k, int ns, int ne, boolean punctuation) {
    close(k, ns, ne, punctuation, Vocabulary.hash(normChars, ns, ne));
  }

  /** As {@link #close(int, int, int, boolean)} with the norm's {@link Vocabulary#hash(char[], int, int) hash} given. */
  void close(int k, int ns, int ne, boolean punctuation, long h) {
    normStart[k] = ns;
    normEnd[k] = ne;
    hash[k] = h;
    Vocabulary v = vocabulary;
    // Vocabulary.wordByHash, read here without calls (this runs once per token)
    long[] table = v.wordTable;
    int mask = table.length / 2 - 1;
    int slot = (int) h & mask;
    int resolved;
    while (true) {
      long e = table[2 * slot + 1];
      if (e == Vocabulary.EMPTY || table[2 * slot] == h) {
        resolved = (int) e;
        break;
      }
      slot = (slot + 1) & mask;
    }
    if (resolved == Vocabulary.NONE && v.hasPrefixes()) {
      resolved = resolvePrefix(h, ns, ne);
    }
    id[k] = resolved;
    int f = punctuation ? PUNCT : 0;
    if ((resolved >= 0 && (v.flags[resolved] & RuleWords.COMPARATIVE) != 0)
        || (ne - ns >= 5 && normChars[ne - 2] == 'e' && normChars[ne - 1] == 'r')) {
      f |= COMPARATIVE;
    }
    flags[k] = f;
  }

  private int resolvePrefix(long h, int ns, int ne) {
    long[] c = cache;
    int mask = c.length / 2 - 1;
    int i = (int) h & mask;
    long v;
    while ((v = c[2 * i + 1]) != 0) {
      if (c[2 * i] == h) {
        return (int) v - 2;
      }
      i = (i + 1) & mask;
    }
    int resolved = vocabulary.longestPrefix(normChars, ns, ne);
    if (cacheSize >= CACHE_LIMIT) {
      clearCache();
      return resolved;
    }
    c[2 * i] = h;
    c[2 * i + 1] = resolved + 2L;
    if (++cacheSize * 2 > c.length / 2) {
      growCache();
    }
    return resolved;
  }

  private void clearCache() {
    if (cacheSize > 0) {
      Arrays.fill(cache, 0L);
      cacheSize = 0;
    }
  }

  private void growCache() {
    long[] old = cache;
    long[] c = new long[old.length * 2];
    int mask = c.length / 2 - 1;
    for (int j = 0; j < old.length / 2; j++) {
      if (old[2 * j + 1] != 0) {
        int i = (int) old[2 * j] & mask;
        while (c[2 * i + 1] != 0) {
          i = (i + 1) & mask;
        }
        c[2 * i] = old[2 * j];
        c[2 * i + 1] = old[2 * j + 1];
      }
    }
    cache = c;
  }

  void addClause(int first, int endToken, int sentenceIndex, boolean afterContrast) {
    int c = clauses++;
    if (c == clauseFirst.length) {
      int n = c * 2;
      clauseFirst = Arrays.copyOf(clauseFirst, n);
      clauseEnd = Arrays.copyOf(clauseEnd, n);
      clauseSentence = Arrays.copyOf(clauseSentence, n);
      clauseAfterContrast = Arrays.copyOf(clauseAfterContrast, n);
    }
    clauseFirst[c] = first;
    clauseEnd[c] = endToken;
    clauseSentence[c] = sentenceIndex;
    clauseAfterContrast[c] = afterContrast;
    for (int k = first; k < endToken; k++) {
      clause[k] = c;
    }
  }

  void growSentences(int n) {
    if (sentenceStart.length < n) {
      sentenceStart = Arrays.copyOf(sentenceStart, Math.max(n, sentenceStart.length * 2));
    }
  }

  private void ensureTokens(int n) {
    if (start.length >= n) {
      return;
    }
    int c = Math.max(n, start.length * 2);
    start = Arrays.copyOf(start, c);
    end = Arrays.copyOf(end, c);
    normStart = Arrays.copyOf(normStart, c);
    normEnd = Arrays.copyOf(normEnd, c);
    hash = Arrays.copyOf(hash, c);
    id = Arrays.copyOf(id, c);
    flags = Arrays.copyOf(flags, c);
    sentence = Arrays.copyOf(sentence, c);
    clause = Arrays.copyOf(clause, c);
    if (pos != null) {
      pos = Arrays.copyOf(pos, c);
      lemma = Arrays.copyOf(lemma, c);
    }
  }

  /** Segmenter scratch arrays of at least {@code n} entries. */
  void ensureScratch(int n) {
    if (scratchStart.length < n) {
      int c = Math.max(n, scratchStart.length * 2);
      scratchStart = new int[c];
      scratchEnd = new int[c];
    }
  }
}
