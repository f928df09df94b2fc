package org.verbatim.text;

/**
 * How much linguistic analysis a {@link TextPipeline} performs.
 *
 * <ul>
 *   <li>{@link #FAST}: sentences, tokens with offsets, normalised forms, negation scope and contrast markers;
 *       no POS tags or lemmas. Enough for the codebook classifier's word and phrase cues.
 *   <li>{@link #FULL}: everything in {@code FAST} plus POS tags and lemmas, needed for lemma cue patterns.
 * </ul>
 */
public enum Profile {
  FAST,
  FULL
}
