/**
 * The model file: {@link org.verbatim.model.ModelWriter} stores a trained classifier (with its polarity model and
 * provenance) as a zip, {@link org.verbatim.model.ModelLoader} loads it and refuses anything it does not trust
 * with a {@link org.verbatim.model.ModelFormatException}; the manifest records the text pipeline the model needs.
 * Format: {@code docs/model-format.md}.
 *
 * <pre>{@code
 * ModelWriter.write(model, Path.of("model.zip"));
 * LinearThemeClassifier again = ModelLoader.load(Path.of("model.zip"));
 * }</pre>
 */
package org.verbatim.model;
