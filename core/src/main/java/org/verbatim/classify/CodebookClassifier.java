package org.verbatim.classify;

import java.util.Objects;
import org.verbatim.Classification;
import org.verbatim.ModelInfo;
import org.verbatim.ThemeClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.text.TextPipeline;

/**
 * Zero-shot theme classifier driven by a codebook's cue patterns (work in progress on main).
 */
public final class CodebookClassifier implements ThemeClassifier {

  private final Codebook codebook;
  private final TextPipeline pipeline;

  private CodebookClassifier(Codebook codebook, TextPipeline pipeline) {
    this.codebook = Objects.requireNonNull(codebook, "codebook");
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
  }

  /** A classifier for the codebook on the given pipeline. */
  public static CodebookClassifier create(Codebook codebook, TextPipeline pipeline) {
    return new CodebookClassifier(codebook, pipeline);
  }

  @Override
  public Classification classify(String text) {
    throw new UnsupportedOperationException("being written on main");
  }

  @Override
  public ModelInfo info() {
    throw new UnsupportedOperationException("being written on main");
  }
}
