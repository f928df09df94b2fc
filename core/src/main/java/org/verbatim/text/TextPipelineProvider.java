package org.verbatim.text;

/**
 * Makes a {@link TextPipeline} known by an id, so that a model file can name the pipeline it needs and the loader
 * can re-create it when the module that provides it is on the class path. Found with {@link java.util.ServiceLoader}
 * (a {@code provides} clause or a {@code META-INF/services/org.verbatim.text.TextPipelineProvider} entry); the
 * {@code verbatim-opennlp} module provides {@code opennlp-full}.
 *
 * <p>Implementations are stateless and thread-safe.
 */
public interface TextPipelineProvider {

  /** The id the pipeline is recorded under, e.g. {@code opennlp-full}. */
  String id();

  /**
   * The pipeline (created once and shared).
   *
   * @throws IllegalStateException if its models cannot be loaded
   */
  TextPipeline create();
}
