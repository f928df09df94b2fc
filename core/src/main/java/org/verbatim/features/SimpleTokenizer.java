package org.verbatim.features;

import java.util.Objects;

/**
 * A fast rule-based tokenizer for features: word tokens are maximal runs of letters, digits, marks and
 * {@code _} (an apostrophe between letters stays inside the token), lower-cased code point by code point
 * (locale-independent), typographic apostrophes folded to {@code '}. Contractions are split and
 * normalised as the text pipeline does: {@code didn't} gives {@code did} + {@code not}, {@code can't}
 * gives {@code can} + {@code not}, {@code cannot} gives {@code can} + {@code not}, {@code I'm} gives
 * {@code i} + {@code am}.
 *
 * <p>It marks no negation scope ({@link TokenBuffer#negated(int)} is always false): negation rules live in the text
 * pipeline only, and features that mark negation ({@link FeatureOptions.Negation}) read it through
 * {@link PipelineTokenizer}. It runs at millions of tokens per second.
 *
 * <pre>{@code
 * TokenBuffer buf = new TokenBuffer();
 * SimpleTokenizer.INSTANCE.tokenize("It wasn't clear, but kind.", buf);
 * // it, was, not, clear, but, kind
 * }</pre>
 *
 * <p>Stateless and thread-safe; never throws on any string (unpaired surrogates are separators).
 */
public final class SimpleTokenizer implements FeatureTokenizer {

  /** The shared instance. */
  public static final SimpleTokenizer INSTANCE = new SimpleTokenizer();

  /** The id stored in model files. */
  public static final String ID = "simple-v1";

  private SimpleTokenizer() {}

  @Override
  public String id() {
    return ID;
  }

  @Override
  public void tokenize(String text, TokenBuffer out) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(out, "out");
    out.clear();
    int n = text.length();
    int i = 0;
    while (i < n) {
      char first = text.charAt(i);
      if (first < 128 && !ASCII_WORD[first]) {
        i++;
        continue;
      }
      int cp = first < 128 ? first : text.codePointAt(i);
      int w = Character.charCount(cp);
      if (isWord(cp)) {
        int start = i;
        out.begin(start, start, false);
        int j = i;
        while (j < n) {
          char ch = text.charAt(j);
          if (ch < 128 && ASCII_WORD[ch]) {
            // ASCII letters, digits and _: what the general branch does for them, without code point look-ups
            out.append(ch >= 'A' && ch <= 'Z' ? (char) (ch + ('a' - 'A')) : ch);
            j++;
            continue;
          }
          int c = ch < 128 ? ch : text.codePointAt(j);
          if (isWord(c)) {
            appendLower(out, c);
            j += Character.charCount(c);
          } else if (isApostrophe(c) && j + 1 < n && Character.isLetter(text.codePointAt(j + 1))) {
            out.append('\'');
            j++;
          } else {
            break;
          }
        }
        out.srcEnd[out.size - 1] = j;
        splitContraction(out);
        i = j;
      } else {
        i += w;
      }
    }
  }

  /** Splits a contraction off the token just read. */
  private static void splitContraction(TokenBuffer out) {
    int t = out.size - 1;
    int s = out.normStart[t];
    int e = out.normEnd[t];
    char[] c = out.chars;
    int len = e - s;
    int src0 = out.srcStart[t];
    int src1 = out.srcEnd[t];
    if (len >= 4 && c[e - 3] == 'n' && c[e - 2] == '\'' && c[e - 1] == 't') {
      String stem = new String(c, s, len - 3);
      String mapped = switch (stem) {
        case "ca" -> "can";
        case "wo" -> "will";
        case "sha" -> "shall";
        case "ai" -> "is";
        default -> null;
      };
      replaceLast(out, mapped == null ? null : mapped, len - 3, src0, src1 - 3);
      out.add("not", src1 - 3, src1, false);
      return;
    }
    if (len == 6 && c[s] == 'c' && c[s + 1] == 'a' && c[s + 2] == 'n' && c[s + 3] == 'n' && c[s + 4] == 'o'
        && c[s + 5] == 't') {
      replaceLast(out, null, 3, src0, src0 + 3);
      out.add("not", src0 + 3, src1, false);
      return;
    }
    int apo = -1;
    for (int k = e - 1; k > s; k--) {
      if (c[k] == '\'') {
        apo = k;
        break;
      }
    }
    if (apo > s) {
      String suffix = new String(c, apo, e - apo);
      String mapped = switch (suffix) {
        case "'m" -> "am";
        case "'re" -> "are";
        case "'ve" -> "have";
        case "'ll" -> "will";
        case "'d" -> "would";
        case "'s" -> "'s";
        default -> null;
      };
      if (mapped != null) {
        int stemLen = apo - s;
        int srcSplit = src0 + stemLen;
        replaceLast(out, null, stemLen, src0, srcSplit);
        out.add(mapped, srcSplit, src1, false);
      }
    }
  }

  /** Shortens the last token to its first {@code keep} characters, or replaces them with {@code text}. */
  private static void replaceLast(TokenBuffer out, String text, int keep, int srcStart, int srcEnd) {
    int t = out.size - 1;
    if (text != null) {
      out.length = out.normStart[t];
      out.normEnd[t] = out.length;
      for (int k = 0; k < text.length(); k++) {
        out.append(text.charAt(k));
      }
    } else {
      out.normEnd[t] = out.normStart[t] + keep;
      out.length = out.normEnd[t];
    }
    out.srcStart[t] = srcStart;
    out.srcEnd[t] = srcEnd;
  }

  private static void appendLower(TokenBuffer out, int cp) {
    int lc = Character.toLowerCase(cp);
    if (lc < Character.MIN_SUPPLEMENTARY_CODE_POINT) {
      out.append((char) lc);
    } else {
      out.append(Character.highSurrogate(lc));
      out.append(Character.lowSurrogate(lc));
    }
  }

  /** Per ASCII character: a word character ({@code a-z A-Z 0-9 _}). */
  private static final boolean[] ASCII_WORD = new boolean[128];

  static {
    for (int c = 0; c < 128; c++) {
      ASCII_WORD[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    }
  }

  static boolean isWord(int cp) {
    if (cp < 128) {
      return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '_';
    }
    if (Character.isLetterOrDigit(cp)) {
      return true;
    }
    int type = Character.getType(cp);
    return type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK;
  }

  private static boolean isApostrophe(int cp) {
    return cp == '\'' || cp == '\u2019' || cp == '\u2018' || cp == '\u02bc';
  }
}
