/**
 * Training, with one shape for themes and polarity: {@code ThemeTrainer.create(ThemeOptions).train(comments)}
 * returns a {@code LinearThemeClassifier}, {@code PolarityTrainer.create(PolarityOptions).train(examples)} a
 * {@code PolarityModel}; both options are validated builders, and both choose their settings by cross-validation
 * on the training data only (folds from {@code eval.Folds}). {@link org.verbatim.train.CrossValidation} evaluates
 * training itself by k-fold cross-validation. See {@code docs/model-format.md} and {@code docs/polarity.md}.
 *
 * <pre>{@code
 * CodedData data = CodedData.read(Path.of("coded.csv"), CodedData.options().build());
 * LinearThemeClassifier themes = ThemeTrainer.create(ThemeOptions.builder().seed(42).build()).train(data.comments());
 * PolarityModel polarity = PolarityTrainer.create(PolarityOptions.builder().seed(42).build())
 *     .train(data.polarityExamples());
 * ModelWriter.write(themes.withPolarity(polarity), Path.of("model.zip"));
 * }</pre>
 */
package org.verbatim.train;
