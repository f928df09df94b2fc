package org.verbatim.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits each sentence into clauses and sets {@link TokenDraft#clause}. See {@link OpenNlpPipeline} for the rules.
 *
 * <p>Stateless and thread-safe.
 */
final class ClauseSplitter {

  private ClauseSplitter() {}

  static List<Clause> split(TokenDraft d) {
    List<Clause> clauses = new ArrayList<>();
    int[] starts = d.sentenceStarts();
    for (int s = 0; s < d.sentences; s++) {
      int first = starts[s];
      int limit = starts[s + 1];
      int current = first;
      boolean afterContrast = d.contrast[first];
      boolean content = false; // the clause has a token that is neither punctuation nor a contrast marker
      boolean pending = false; // a closing punctuation mark ended the clause; the next non-punctuation token starts a new one
      for (int i = first; i < limit; i++) {
        boolean closer = isCloser(d, i);
        if (i > first) {
          boolean startNew = false;
          boolean newAfterContrast = false;
          if (d.contrast[i] && !d.contrast[i - 1]) {
            if (content) {
              startNew = true;
              newAfterContrast = true;
            } else {
              afterContrast = true; // "However, ..." or "- but ...": the marker joins the clause it introduces
            }
          } else if (isOpener(d, i)) {
            startNew = content;
          } else if (pending && !d.punctuation[i]) {
            startNew = true;
          }
          if (startNew) {
            add(d, clauses, current, i, s, afterContrast);
            current = i;
            afterContrast = newAfterContrast;
            content = false;
            pending = false;
          }
        }
        if (closer) {
          pending |= content;
        } else if (!d.contrast[i] && !d.punctuation[i]) {
          content = true;
        }
      }
      add(d, clauses, current, limit, s, afterContrast);
    }
    return clauses;
  }

  private static void add(TokenDraft d, List<Clause> clauses, int from, int to, int sentence, boolean afterContrast) {
    int index = clauses.size();
    for (int k = from; k < to; k++) {
      d.clause[k] = index;
    }
    clauses.add(new Clause(from, to, sentence, afterContrast));
  }

  /** Opening brackets start a clause. */
  static boolean isOpener(TokenDraft d, int i) {
    String n = d.norm[i];
    return n.length() == 1 && (n.charAt(0) == '(' || n.charAt(0) == '[' || n.charAt(0) == '{');
  }

  /** Punctuation that ends a clause: {@code , ; :}, closing brackets, dashes, and sentence-final punctuation. */
  static boolean isCloser(TokenDraft d, int i) {
    if (!d.punctuation[i]) {
      return false;
    }
    String n = d.norm[i];
    if (n.length() == 1) {
      switch (n.charAt(0)) {
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
          return Chars.spaceBefore(d.text, d.start[i]) || Chars.spaceAt(d.text, d.end[i]);
        default:
          break;
      }
    }
    if (n.equals("--") || n.equals("---")) {
      return true;
    }
    return Chars.isTerminal(n);
  }
}
