package org.verbatim.model;

import java.util.Locale;
import org.verbatim.text.OpenNlpPipeline;
import org.verbatim.text.Profile;
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
    String profile = pipeline.profile().name().toLowerCase(Locale.ROOT);
    if (pipeline instanceof OpenNlpPipeline) {
      return "opennlp-" + profile;
    }
    return "other:" + pipeline.getClass().getSimpleName().toLowerCase(Locale.ROOT) + "-" + profile;
  }

  /** The pipeline of an id, or null when this library cannot create it (ids other than the OpenNLP ones). */
  static TextPipeline create(String id) {
    return switch (id) {
      case OPENNLP_FAST -> OpenNlpPipeline.create(Profile.FAST);
      case OPENNLP_FULL -> OpenNlpPipeline.create(Profile.FULL);
      default -> null;
    };
  }
}
