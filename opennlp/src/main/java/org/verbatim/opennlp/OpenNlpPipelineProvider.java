package org.verbatim.opennlp;

import org.verbatim.text.TextPipeline;
import org.verbatim.text.TextPipelineProvider;
import org.verbatim.text.TextPipelines;

/**
 * Makes {@link OpenNlpPipeline} known to {@link TextPipelines} as {@value TextPipelines#OPENNLP_FULL}. Stateless and
 * thread-safe.
 */
public final class OpenNlpPipelineProvider implements TextPipelineProvider {

  /** Called by {@link java.util.ServiceLoader}. */
  public OpenNlpPipelineProvider() {}

  @Override
  public String id() {
    return TextPipelines.OPENNLP_FULL;
  }

  @Override
  public TextPipeline create() {
    return OpenNlpPipeline.create();
  }
}
