package org.verbatim.model;

import java.nio.file.Path;
import org.verbatim.FileFormatException;

/**
 * A model trained with a codebook's cue features was loaded without that codebook, and the default codebook's cues
 * do not fit it: the same codebook has to be given again ({@code verbatim classify --model M --codebook C}). Thrown
 * by {@link ModelClassifiers#load}; the message names the model file.
 */
public final class CodebookNeededException extends FileFormatException {

  private static final long serialVersionUID = 1L;

  /**
   * @param model the model file
   * @param cause why the model refused the default codebook's features
   */
  public CodebookNeededException(Path model, Throwable cause) {
    super(location(model.toString(), 0) + "the model was trained with a codebook's cue features; give the same codebook",
        model.toString(), 0, cause);
  }
}
