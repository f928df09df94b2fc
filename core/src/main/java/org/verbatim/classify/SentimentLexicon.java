package org.verbatim.classify;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import org.verbatim.text.Vocabulary;

/**
 * Word-level sentiment scores for feedback, in [-3, 3], looked up by a token's normalised form.
 *
 * <p>The bundled English lexicon ({@code sentiment-en.tsv} beside this class) was written by the Verbatim
 * project for service feedback (words such as "rude", "patronising", "never rang back" matter more there than
 * in product reviews); it is GPL-3.0-or-later like the rest of the library. Entries ending in {@code *} match
 * any token starting with them; exact entries win over prefixes.
 *
 * <pre>{@code
 * SentimentLexicon lex = SentimentLexicon.english();
 * lex.score("rude");        // -3.0
 * lex.score("table");       //  0.0
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class SentimentLexicon {

  private static final String RESOURCE = "sentiment-en.tsv";
  private static volatile SentimentLexicon english;

  private final Map<String, Float> exact;
  private final Map<String, Float> prefixes;
  private final int maxPrefix;

  private SentimentLexicon(Map<String, Float> exact, Map<String, Float> prefixes) {
    this.exact = Map.copyOf(exact);
    this.prefixes = Map.copyOf(prefixes);
    this.maxPrefix = prefixes.keySet().stream().mapToInt(String::length).max().orElse(0);
  }

  /** The bundled English lexicon, loaded once. */
  public static SentimentLexicon english() {
    SentimentLexicon l = english;
    if (l == null) {
      synchronized (SentimentLexicon.class) {
        l = english;
        if (l == null) {
          try (InputStream in = SentimentLexicon.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
              throw new IllegalStateException("bundled resource missing: " + RESOURCE);
            }
            l = read(in, RESOURCE);
          } catch (IOException e) {
            throw new UncheckedIOException("cannot read bundled " + RESOURCE, e);
          }
          english = l;
        }
      }
    }
    return l;
  }

  /**
   * Reads a lexicon in the bundled format: {@code word TAB score} per line, {@code #} comments.
   *
   * @throws IllegalArgumentException naming the source and line of a malformed entry
   */
  public static SentimentLexicon read(InputStream in, String sourceName) throws IOException {
    Objects.requireNonNull(in, "in");
    Map<String, Float> exact = new HashMap<>();
    Map<String, Float> prefixes = new HashMap<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      String s = line.strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      String[] parts = s.split("\t");
      if (parts.length != 2) {
        throw new IllegalArgumentException(sourceName + ":" + n + ": expected 'word<TAB>score'");
      }
      float score;
      try {
        score = Float.parseFloat(parts[1].strip());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(sourceName + ":" + n + ": score must be a number in [-3, 3]: '" + parts[1] + "'");
      }
      if (!(score >= -3 && score <= 3)) {
        throw new IllegalArgumentException(sourceName + ":" + n + ": score must be in [-3, 3]: " + score);
      }
      String w = parts[0].strip().toLowerCase(Locale.ROOT);
      if (w.endsWith("*")) {
        prefixes.put(w.substring(0, w.length() - 1), score);
      } else {
        exact.put(w, score);
      }
    }
    return new SentimentLexicon(exact, prefixes);
  }

  /** The score of a normalised token, 0 when unknown. */
  public double score(String norm) {
    Float f = exact.get(norm);
    if (f != null) {
      return f;
    }
    if (!prefixes.isEmpty()) {
      for (int len = Math.min(maxPrefix, norm.length()); len >= 2; len--) {
        Float p = prefixes.get(norm.substring(0, len));
        if (p != null) {
          return p;
        }
      }
    }
    return 0;
  }

  /** Adds the lexicon's words and prefixes (without the star) to the lists, for a {@link Vocabulary}. */
  void collect(List<String> words, List<String> prefixList) {
    words.addAll(exact.keySet());
    prefixList.addAll(prefixes.keySet());
  }

  /**
   * The score of a token that resolves to entry {@code id} of {@code vocabulary} (which holds the lexicon's words
   * and prefixes): as {@link #score(String)} for the entry's word, or for any token starting with the prefix entry.
   */
  float score(Vocabulary vocabulary, int id) {
    if (!vocabulary.isPrefix(id)) {
      Float f = exact.get(vocabulary.string(id));
      if (f != null) {
        return f;
      }
    }
    int[] closure = vocabulary.prefixes(id);
    for (int k = closure.length - 1; k >= 0; k--) {
      String p = vocabulary.string(closure[k]);
      Float f = p.length() >= 2 ? prefixes.get(p) : null;
      if (f != null) {
        return f;
      }
    }
    return 0f;
  }

  /** Number of entries. */
  public int size() {
    return exact.size() + prefixes.size();
  }
}
