package org.verbatim.text;

import java.util.Arrays;

/**
 * A growable list of token spans (character offsets into the comment) with their sentence index and, when a
 * tagger ran, their POS tag and lemma. The output of a segmenter, before contractions are split.
 *
 * <p>Mutable and not thread-safe: one instance per call.
 */
final class SpanList {

  private int size;
  private int[] starts;
  private int[] ends;
  private int[] sentences;
  private String[] tags;
  private String[] lemmas;

  SpanList(int capacity) {
    int c = Math.max(8, capacity);
    starts = new int[c];
    ends = new int[c];
    sentences = new int[c];
  }

  int size() {
    return size;
  }

  /** Empties the list for reuse. */
  void clear() {
    size = 0;
    tags = null;
    lemmas = null;
  }

  int start(int i) {
    return starts[i];
  }

  int end(int i) {
    return ends[i];
  }

  int sentence(int i) {
    return sentences[i];
  }

  /** The POS tag of span {@code i}, or null when no tagger ran. */
  String tag(int i) {
    return tags == null ? null : tags[i];
  }

  /** The lemma of span {@code i}, or null when no lemmatizer ran. */
  String lemma(int i) {
    return lemmas == null ? null : lemmas[i];
  }

  int lastEnd() {
    return ends[size - 1];
  }

  void add(int start, int end, int sentence) {
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

  void setLastEnd(int end) {
    ends[size - 1] = end;
  }

  void setSentence(int i, int sentence) {
    sentences[i] = sentence;
  }

  /** Sets the tag and lemma of spans {@code [from, from + tags.length)}. */
  void setTags(int from, String[] sentenceTags, String[] sentenceLemmas) {
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
