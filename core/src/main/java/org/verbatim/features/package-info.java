/**
 * How comments become features: {@link org.verbatim.features.FeatureExtractor} (hashed word and character
 * n-grams over a {@link org.verbatim.features.FeatureTokenizer}'s tokens, with {@link
 * org.verbatim.features.FeatureOptions}), extra features from another classifier ({@link
 * org.verbatim.features.ClassifierFeatures}), and the learned polarity model's features ({@link
 * org.verbatim.features.PolarityFeatures} over a {@link org.verbatim.features.ThemeAssociation}). The buffers and
 * the hash map ({@link org.verbatim.features.TokenBuffer}, {@link org.verbatim.features.LongIntMap}) are public
 * for the scorers and trainers in other packages, but are internal machinery, not an API.
 *
 * <pre>{@code
 * FeatureExtractor fx = new FeatureExtractor(FeatureOptions.words(), SimpleTokenizer.INSTANCE);
 * fx.keys("never listened");   // [w:never, w:listened, b:never listened]
 * }</pre>
 */
package org.verbatim.features;
