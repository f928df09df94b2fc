/**
 * Learned polarity per (comment, theme) pair, for data with polarity labels: {@link
 * org.verbatim.polarity.PolarityTrainer} locates each theme's evidence clauses with a per-theme word association
 * learned from the theme labels, extracts features from those clauses only and fits Smile's multinomial
 * {@code Maxent}, choosing the L2 strength by cross-validation; {@link org.verbatim.polarity.PolarityModel}
 * predicts and serialises as plain text; {@link org.verbatim.polarity.PolarityData} reads the shared polarity files.
 * Zero-shot polarity from a codebook stays in {@code org.verbatim.classify}. See {@code docs/polarity.md}.
 *
 * <pre>{@code
 * PolarityModel m = new PolarityTrainer(PolarityOptions.defaults())
 *     .train(PolarityData.examples(PolarityData.mams(dir, "train")));
 * m.predict("The food was great but the staff were rude.", "staff");   // NEGATIVE
 * }</pre>
 *
 * <p>This package depends only on {@code org.verbatim}, {@code text}, {@code classify} (the sentiment lexicon) and
 * {@code eval} (metrics), so a theme model can use it without change.
 */
package org.verbatim.polarity;
