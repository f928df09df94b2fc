package org.verbatim.text;

/**
 * The first annotator: turns segmenter spans into the tokens of an {@link Analysis}, splitting contractions
 * ({@link Contractions}), writing each norm ({@link Norms}) straight into the analysis's character buffer, and
 * renumbering sentences densely from 0. ASCII tokens are lower-cased and folded in place; a token with any other
 * character takes the {@code String} path of {@link Norms} (whose {@code Locale.ROOT} lower-casing can change the
 * length).
 *
 * <p>Stateless and thread-safe.
 */
final class TokenNormalizer {

  private TokenNormalizer() {}

  static void fill(Analysis out, String string, char[] text, Segments spans, Profile profile, Vocabulary vocabulary) {
    int n = spans.size();
    out.begin(string, text, profile, vocabulary, n + 8);
    boolean tagged = profile == Profile.FULL;
    int s = -1;
    int lastSentence = Integer.MIN_VALUE;
    for (int i = 0; i < n; i++) {
      if (spans.sentence(i) != lastSentence) {
        lastSentence = spans.sentence(i);
        s++;
        out.growSentences(s + 2);
        out.sentenceStart[s] = out.size;
      }
      int a = spans.start(i);
      int b = spans.end(i);
      if (!tagged && plainAscii(out, text, a, b, s)) {
        continue;
      }
      int k = Contractions.splitPoint(text, a, b);
      if (k <= 0) {
        int t = out.open(a, b, s);
        appendFolded(out, text, a, b);
        expandClitic(out, out.normStart[t]);
        out.close(t, Chars.isPunctuation(text, a, b));
        if (tagged) {
          String tag = spans.tag(i);
          String lem = spans.lemma(i);
          out.pos[t] = tag == null ? "X" : tag;
          out.lemma[t] = lem == null ? Norms.lowerAndFold(string.substring(a, b)) : lem;
        }
        continue;
      }
      int split = a + k;
      int stem = out.open(a, split, s);
      int stemStart = out.normLength;
      appendFolded(out, text, a, split);
      int stemEnd = out.normLength;
      int clitic = out.open(split, b, s);
      int cliticStart = out.normLength;
      appendFolded(out, text, split, b);
      boolean negative = cliticNorm(out, cliticStart);
      out.close(clitic, cliticStart, out.normLength, Chars.isPunctuation(text, split, b));
      if (negative) {
        String spelled = negatedStem(out.normChars, stemStart, stemEnd);
        if (spelled != null) {
          stemStart = out.normLength;
          out.appendString(spelled);
          stemEnd = out.normLength;
        }
      }
      out.close(stem, stemStart, stemEnd, Chars.isPunctuation(text, a, split));
      if (tagged) {
        tagContraction(out, stem, clitic, spans.tag(i), spans.lemma(i), negative);
      }
    }
    out.sentences = s + 1;
    out.growSentences(out.sentences + 1);
    out.sentenceStart[out.sentences] = out.size;
  }

  /**
   * The common token in one pass: when {@code text[a, b)} is ASCII without an apostrophe and cannot be a
   * contraction ({@link Contractions#splitPoint}), adds it as a token of sentence {@code s} with its norm (lower-cased),
   * hash and punctuation flag, exactly as the general path would, and returns true; otherwise adds nothing and
   * returns false.
   */
  private static boolean plainAscii(Analysis out, char[] text, int a, int b, int s) {
    int n = b - a;
    if (n >= 4 && n <= 8) {
      char last = text[b - 1];
      char before = text[b - 2];
      if ((last == 't' || last == 'T') && (before == 'n' || before == 'N')) {
        return false; // perhaps "didnt"
      }
    }
    if (n == 6 && (text[a] == 'c' || text[a] == 'C')) {
      return false; // perhaps "cannot"
    }
    char[] norm = out.reserveNorm(n);
    int from = out.normLength;
    long h = Vocabulary.FNV_START;
    boolean punctuation = true;
    for (int j = 0; j < n; j++) {
      char c = text[a + j];
      if (c >= 0x80 || c == '\'' || c == '`') {
        return false;
      }
      if (c >= 'A' && c <= 'Z') {
        c = (char) (c + ('a' - 'A'));
      }
      norm[from + j] = c;
      h = (h ^ c) * Vocabulary.FNV_PRIME;
      punctuation &= Chars.isAsciiPunctuation(c);
    }
    int t = out.open(a, b, s);
    out.normLength = from + n;
    out.close(t, from, from + n, punctuation, Vocabulary.finish(h));
    return true;
  }

  /**
   * Appends {@code text[a, b)} lower-cased ({@code Locale.ROOT}) with apostrophes and double quotes folded. Per
   * character this equals {@link Norms#lowerAndFold(String)} except for surrogates, {@code İ} (which lower-cases
   * to two characters) and capital sigma (which depends on its neighbours): those take the {@code String} path.
   */
  private static void appendFolded(Analysis out, char[] text, int a, int b) {
    int mark = out.normLength;
    for (int i = a; i < b; i++) {
      char c = text[i];
      if (c < 0x80) {
        if (c >= 'A' && c <= 'Z') {
          c = (char) (c + ('a' - 'A'));
        } else if (c == '`') {
          c = '\'';
        }
      } else if (c >= 0xD800 || c == '\u0130' || c == '\u03A3') {
        out.normLength = mark;
        out.appendString(Norms.lowerAndFold(new String(text, a, b - a)));
        return;
      } else {
        c = Character.toLowerCase(c);
        if (Norms.isApostrophe(c)) {
          c = '\'';
        } else if (Norms.isDoubleQuote(c)) {
          c = '"';
        }
      }
      out.append(c);
    }
  }

  /** Spells out the clitic norm in {@code [from, normLength)} in place ({@code n't} gives {@code not}, ...). */
  private static void expandClitic(Analysis out, int from) {
    int len = out.normLength - from;
    if (len < 2 || len > 3) {
      return;
    }
    char c0 = out.normChars[from];
    if (c0 != '\'' && !(len == 3 && c0 == 'n' && out.normChars[from + 1] == '\'')) {
      return;
    }
    String expanded = Norms.expandClitic(new String(out.normChars, from, len));
    if (expanded.length() != len || !expanded.contentEquals(java.nio.CharBuffer.wrap(out.normChars, from, len))) {
      out.normLength = from;
      out.appendString(expanded);
    }
  }

  /**
   * Rewrites the folded clitic in {@code [from, normLength)} as its norm ({@link Contractions#cliticNorm}) and says
   * whether it is a negation.
   */
  private static boolean cliticNorm(Analysis out, int from) {
    char[] c = out.normChars;
    int len = out.normLength - from;
    if ((len == 2 && c[from] == 'n' && c[from + 1] == 't') || (len == 3 && c[from] == 'n' && c[from + 1] == '\'' && c[from + 2] == 't')) {
      out.normLength = from;
      out.appendString("not");
      return true;
    }
    expandClitic(out, from);
    c = out.normChars;
    return out.normLength - from == 3 && c[from] == 'n' && c[from + 1] == 'o' && c[from + 2] == 't';
  }

  /** The spelled-out norm of a stem before {@code n't} ({@code ca} gives {@code can}), or null to keep it. */
  private static String negatedStem(char[] c, int from, int to) {
    int len = to - from;
    if (len == 2) {
      if (c[from] == 'c' && c[from + 1] == 'a') {
        return "can";
      }
      if (c[from] == 'w' && c[from + 1] == 'o') {
        return "will";
      }
      if (c[from] == 'a' && c[from + 1] == 'i') {
        return "is";
      }
    } else if (len == 3 && c[from] == 's' && c[from + 1] == 'h' && c[from + 2] == 'a') {
      return "shall";
    }
    return null;
  }

  /** POS tags and lemmas of a split contraction, from the segmenter's joined {@code x+y} tag and lemma. */
  private static void tagContraction(Analysis out, int stem, int clitic, String tag, String lem, boolean negative) {
    String cliticNorm = out.norm(clitic);
    String[] tags = halves(tag);
    String[] lemmas = halves(lem);
    out.pos[stem] = tags != null ? tags[0] : (tag == null ? "X" : tag);
    out.pos[clitic] = tags != null ? tags[1] : (negative || cliticNorm.equals("'s") ? "PART" : "AUX");
    out.lemma[stem] = lemmas != null ? lemmas[0] : out.norm(stem);
    out.lemma[clitic] = lemmas != null ? lemmas[1] : (cliticNorm.equals("am") || cliticNorm.equals("are") ? "be" : cliticNorm);
  }

  /** Splits {@code x+y} into its two halves; null when there is not exactly one {@code +} between non-empty halves. */
  private static String[] halves(String joined) {
    if (joined == null) {
      return null;
    }
    int plus = joined.indexOf('+');
    if (plus <= 0 || plus == joined.length() - 1 || joined.indexOf('+', plus + 1) >= 0) {
      return null;
    }
    return new String[] {joined.substring(0, plus), joined.substring(plus + 1)};
  }
}
