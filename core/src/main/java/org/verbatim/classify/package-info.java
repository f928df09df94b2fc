/**
 * Every classifier: {@link org.verbatim.classify.CodebookClassifier} (zero-shot, from a codebook's cues),
 * {@link org.verbatim.classify.LinearThemeClassifier} (a trained binary-relevance model, its data in
 * {@link org.verbatim.classify.LinearModel} and its decision rules in {@link org.verbatim.classify.DecisionRule}),
 * {@link org.verbatim.classify.HybridThemeClassifier} (a trained model with a codebook's evidence) and
 * {@link org.verbatim.classify.PolarityModel} (learned polarity per theme). Trainers are in {@code train}, model
 * files in {@code model}.
 *
 * <pre>{@code
 * ThemeClassifier zeroShot = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
 * ThemeClassifier trained = ModelLoader.load(Path.of("model.zip"));
 * }</pre>
 */
package org.verbatim.classify;
