package org.verbatim.codebook;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed cue pattern: a sequence of token elements matched against consecutive tokens of one sentence.
 *
 * <p>Syntax (elements separated by spaces; matching ignores case):
 * <ul>
 *   <li>{@code word}: a token whose normalised form equals {@code word} ({@code n't} is normalised to {@code not});
 *   <li>{@code word*}: a token whose normalised form starts with {@code word} (at least two letters before the star);
 *   <li>{@code lemma:word}: a token whose lemma is {@code word} (needs the {@code FULL} pipeline profile);
 *   <li>{@code *}: any one token;
 *   <li>{@code ...}: zero to three tokens (not first or last).
 * </ul>
 * A pattern has at most {@link #MAX_ELEMENTS} elements, of which at most {@link #MAX_GAPS} are gaps.
 * Example: {@code "call* back"}, {@code "never ... on time"}, {@code "lemma:listen to"}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param source the pattern as written
 * @param elements the parsed elements, at least one, neither first nor last a gap
 */
public record CuePattern(String source, List<Element> elements) {

  /** Maximum number of tokens a {@code ...} gap may skip. */
  public static final int MAX_GAP = 3;

  /**
   * Maximum number of {@code ...} gaps in one pattern. Each gap multiplies the ways a pattern can be tried at a
   * token by {@code MAX_GAP + 1} (matching backtracks over the skips), so the count is bounded when the pattern is
   * loaded: four gaps cost at most 256 tries per starting token.
   */
  public static final int MAX_GAPS = 4;

  /** Maximum number of elements (words, wildcards and gaps) in one pattern. */
  public static final int MAX_ELEMENTS = 32;

  /** What an element matches. */
  public enum Kind {
    WORD,
    PREFIX,
    LEMMA,
    ANY,
    GAP
  }

  /**
   * One element of a pattern.
   *
   * @param kind what it matches
   * @param value the word, prefix or lemma (lower case); empty for {@code ANY} and {@code GAP}
   */
  public record Element(Kind kind, String value) {
    public Element {
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(value, "value");
    }
  }

  public CuePattern {
    Objects.requireNonNull(source, "source");
    elements = List.copyOf(elements);
  }

  /** True when some element matches on lemmas (the pipeline must run the {@code FULL} profile). */
  public boolean needsLemmas() {
    return elements.stream().anyMatch(e -> e.kind() == Kind.LEMMA);
  }

  /**
   * Parses a pattern.
   *
   * @throws IllegalArgumentException naming the pattern and what is wrong with it (empty, a gap at either end,
   *     two gaps in a row, a prefix shorter than two letters, an empty lemma, a pattern of only wildcards)
   */
  public static CuePattern parse(String pattern) {
    Objects.requireNonNull(pattern, "pattern");
    String p = pattern.strip();
    if (p.isEmpty()) {
      throw new IllegalArgumentException("cue pattern is empty");
    }
    String[] parts = p.split("\\s+");
    if (parts.length > MAX_ELEMENTS) {
      throw new IllegalArgumentException("cue pattern has " + parts.length + " elements; at most " + MAX_ELEMENTS
          + " are allowed (pattern starting '" + abbreviate(pattern) + "')");
    }
    int gaps = 0;
    for (String part : parts) {
      if (part.equals("...")) {
        gaps++;
      }
    }
    if (gaps > MAX_GAPS) {
      throw new IllegalArgumentException("cue pattern '" + abbreviate(pattern) + "' has " + gaps + " '...' gaps; at most "
          + MAX_GAPS + " are allowed (each gap multiplies the matching work by " + (MAX_GAP + 1)
          + "); split it into shorter cues");
    }
    List<Element> out = new ArrayList<>(parts.length);
    boolean concrete = false;
    for (String raw : parts) {
      String part = fold(raw.toLowerCase(Locale.ROOT));
      Element e;
      if (part.equals("...")) {
        if (out.isEmpty()) {
          throw new IllegalArgumentException("cue pattern '" + pattern + "' must not start with '...'");
        }
        if (out.get(out.size() - 1).kind() == Kind.GAP) {
          throw new IllegalArgumentException("cue pattern '" + pattern + "' has two '...' in a row");
        }
        e = new Element(Kind.GAP, "");
      } else if (part.equals("*")) {
        e = new Element(Kind.ANY, "");
      } else if (part.startsWith("lemma:")) {
        String v = part.substring("lemma:".length());
        if (v.isEmpty() || v.contains("*")) {
          throw new IllegalArgumentException("cue pattern '" + pattern + "': 'lemma:' must be followed by a word, got '" + raw + "'");
        }
        e = new Element(Kind.LEMMA, v);
        concrete = true;
      } else if (part.endsWith("*")) {
        String v = part.substring(0, part.length() - 1);
        if (v.length() < 2 || v.contains("*")) {
          throw new IllegalArgumentException("cue pattern '" + pattern + "': a prefix needs at least two characters before a single trailing '*', got '" + raw + "'");
        }
        e = new Element(Kind.PREFIX, v);
        concrete = true;
      } else {
        if (part.contains("*")) {
          throw new IllegalArgumentException("cue pattern '" + pattern + "': '*' is allowed only alone or at the end of a word, got '" + raw + "'");
        }
        e = new Element(Kind.WORD, normalizeWord(part));
        concrete = true;
      }
      out.add(e);
    }
    if (out.get(out.size() - 1).kind() == Kind.GAP) {
      throw new IllegalArgumentException("cue pattern '" + pattern + "' must not end with '...'");
    }
    if (!concrete) {
      throw new IllegalArgumentException("cue pattern '" + pattern + "' has no word: it would match anything");
    }
    return new CuePattern(pattern, out);
  }

  private static String abbreviate(String pattern) {
    String p = pattern.strip();
    return p.length() <= 60 ? p : p.substring(0, 57) + "...";
  }

  private static String normalizeWord(String w) {
    return switch (w) {
      case "n't" -> "not";
      default -> w;
    };
  }

  /** Folds typographic apostrophes to ASCII, as the pipeline does for token norms. */
  static String fold(String s) {
    return s.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u02bc', '\'');
  }

  @Override
  public String toString() {
    return source;
  }
}
