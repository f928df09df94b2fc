package org.verbatim.text;

/**
 * Splits each sentence into clauses and sets each token's clause. See {@link RulePipeline} for the rules.
 *
 * <p>Stateless and thread-safe.
 */
final class ClauseSplitter {

  private ClauseSplitter() {}

  static void split(Analysis d) {
    d.clauses = 0;
    int[] starts = d.sentenceStart;
    for (int s = 0; s < d.sentences; s++) {
      int first = starts[s];
      int limit = starts[s + 1];
      int current = first;
      boolean afterContrast = (d.flags[first] & Analysis.CONTRAST) != 0;
      boolean content = false; // the clause has a token that is neither punctuation nor a contrast marker
      boolean pending = false; // a closing punctuation mark ended the clause; the next non-punctuation token starts a new one
      for (int i = first; i < limit; i++) {
        int f = d.flags[i];
        boolean closer = (f & Analysis.PUNCT) != 0 && isCloser(d, i);
        if (i > first) {
          boolean startNew = false;
          boolean newAfterContrast = false;
          if ((f & Analysis.CONTRAST) != 0 && (d.flags[i - 1] & Analysis.CONTRAST) == 0) {
            if (content) {
              startNew = true;
              newAfterContrast = true;
            } else {
              afterContrast = true; // "However, ..." or "- but ...": the marker joins the clause it introduces
            }
          } else if (isOpener(d, i)) {
            startNew = content;
          } else if (pending && (f & Analysis.PUNCT) == 0) {
            startNew = true;
          }
          if (startNew) {
            d.addClause(current, i, s, afterContrast);
            current = i;
            afterContrast = newAfterContrast;
            content = false;
            pending = false;
          }
        }
        if (closer) {
          pending |= content;
        } else if ((f & (Analysis.CONTRAST | Analysis.PUNCT)) == 0) {
          content = true;
        }
      }
      d.addClause(current, limit, s, afterContrast);
    }
  }

  /** Opening brackets start a clause. */
  private static boolean isOpener(Analysis d, int i) {
    if (d.normEnd[i] - d.normStart[i] != 1) {
      return false;
    }
    char c = d.normChars[d.normStart[i]];
    return c == '(' || c == '[' || c == '{';
  }

  /** Punctuation that ends a clause: {@code , ; :}, closing brackets, dashes, and sentence-final punctuation. */
  private static boolean isCloser(Analysis d, int i) {
    char[] n = d.normChars;
    int a = d.normStart[i];
    int len = d.normEnd[i] - a;
    if (len == 1) {
      switch (n[a]) {
        case ',':
        case ';':
        case ':':
        case ')':
        case ']':
        case '}':
        case '\u2013': // en dash
        case '\u2014': // em dash
        case '\u2015': // horizontal bar
          return true;
        case '-':
          // a hyphen is a dash only with space on one side ("great - really"), not inside "follow-up"
          return Chars.spaceBefore(d.chars, d.start[i]) || Chars.spaceAt(d.chars, d.end[i]);
        default:
          break;
      }
    }
    if ((len == 2 || len == 3) && n[a] == '-' && n[a + 1] == '-' && (len == 2 || n[a + 2] == '-')) {
      return true;
    }
    return Chars.isTerminal(n, a, a + len);
  }
}
