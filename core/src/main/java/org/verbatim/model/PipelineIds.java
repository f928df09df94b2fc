package org.verbatim.model;

import org.verbatim.text.TextPipelines;
import org.verbatim.text.TextPipeline;

/**
 * The ids under which a model file records the text pipeline a model needs ({@code manifest.pipeline}), and the
 * closed mapping from an id back to a pipeline: {@code none} (the model reads no analysis), {@code opennlp-fast}
 * and {@code opennlp-full}. A pipeline of another implementation is recorded as {@code other:NAME-PROFILE} and
 * cannot be re-created from the file. Stateless and thread-safe.
 */
final class PipelineIds {

  /** The id of a model that needs no text pipeline. */
  static final String NONE = "none";
  /** The OpenNLP FAST profile. */
  static final String OPENNLP_FAST = "opennlp-fast";
  /** The OpenNLP FULL profile. */
  static final String OPENNLP_FULL = "opennlp-full";

  private PipelineIds() {}

  /** The id of {@code pipeline}. */
  static String of(TextPipeline pipeline) {
    return pipeline.id();
  }

  /**
   * The pipeline of an id, or null when it cannot be created here: ids other than the OpenNLP ones, or
   * {@code opennlp-full} without the verbatim-opennlp module on the class path.
   */
  static TextPipeline create(String id) {
    return switch (id) {
      case OPENNLP_FAST, OPENNLP_FULL -> TextPipelines.byId(id).orElse(null);
      default -> null;
    };
  }
}
