package org.verbatim.text;

import java.util.Arrays;

/**
 * What a segmenter gives: token spans (character offsets into the comment) in text order with their sentence
 * index and, when a tagger ran, their POS tag and lemma; contractions are not yet split. A pipeline of another
 * backend (such as {@code org.verbatim.opennlp.OpenNlpPipeline}) fills one and hands it to
 * {@link Analysis#annotate}, so every backend shares the rules that follow (norms, contractions, contrast,
 * clauses, negation).
 *
 * <pre>{@code
 * Segments s = new Segments(8);
 * s.add(0, 3, 0);   // "She"
 * s.add(4, 9, 0);   // "never"
 * }</pre>
 *
 * <p>Mutable and not thread-safe: one instance per call.
 */
public final class Segments {

  private int size;
  private int[] starts;
  private int[] ends;
  private int[] sentences;
  private String[] tags;
  private String[] lemmas;

  /** An empty list with room for {@code capacity} spans. */
  public Segments(int capacity) {
    int c = Math.max(8, capacity);
    starts = new int[c];
    ends = new int[c];
    sentences = new int[c];
  }

  /** Number of spans. */
  public int size() {
    return size;
  }

  /** Empties the list for reuse. */
  void clear() {
    size = 0;
    tags = null;
    lemmas = null;
  }

  /** The first character of span {@code i}. */
  public int start(int i) {
    return starts[i];
  }

  /** One past the last character of span {@code i}. */
  public int end(int i) {
    return ends[i];
  }

  /** The sentence index of span {@code i} (not decreasing along the list). */
  public int sentence(int i) {
    return sentences[i];
  }

  /** The POS tag of span {@code i}, or null when no tagger ran. */
  public String tag(int i) {
    return tags == null ? null : tags[i];
  }

  /** The lemma of span {@code i}, or null when no lemmatizer ran. */
  public String lemma(int i) {
    return lemmas == null ? null : lemmas[i];
  }

  /** The end of the last span. */
  public int lastEnd() {
    return ends[size - 1];
  }

  /** Appends the span {@code [start, end)} of sentence {@code sentence}. */
  public void add(int start, int end, int sentence) {
    if (size == starts.length) {
      int c = size * 2;
      starts = Arrays.copyOf(starts, c);
      ends = Arrays.copyOf(ends, c);
      sentences = Arrays.copyOf(sentences, c);
    }
    starts[size] = start;
    ends[size] = end;
    sentences[size] = sentence;
    size++;
  }

  /** Moves the end of the last span (to join the next characters to it). */
  public void setLastEnd(int end) {
    ends[size - 1] = end;
  }

  void setSentence(int i, int sentence) {
    sentences[i] = sentence;
  }

  /** Sets the tag and lemma of spans {@code [from, from + tags.length)}. */
  public void setTags(int from, String[] sentenceTags, String[] sentenceLemmas) {
    if (tags == null) {
      tags = new String[starts.length];
      lemmas = new String[starts.length];
    } else if (tags.length < starts.length) {
      tags = Arrays.copyOf(tags, starts.length);
      lemmas = Arrays.copyOf(lemmas, starts.length);
    }
    System.arraycopy(sentenceTags, 0, tags, from, sentenceTags.length);
    System.arraycopy(sentenceLemmas, 0, lemmas, from, sentenceLemmas.length);
  }

  /** Keeps only the spans whose {@code keep} flag is set, in order. */
  void retain(boolean[] keep) {
    int w = 0;
    for (int r = 0; r < size; r++) {
      if (keep[r]) {
        starts[w] = starts[r];
        ends[w] = ends[r];
        sentences[w] = sentences[r];
        w++;
      }
    }
    size = w;
  }
}
