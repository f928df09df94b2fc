package org.verbatim.spark;

/**
 * A classifier could not be built from its {@link ClassifierSpec} on the driver or on an executor: the codebook or
 * model bytes are invalid, from a newer format, or need a codebook or pipeline that is missing. The message names
 * the spec (file names and hash), where it was loaded, and why; it never contains comment text.
 *
 * <p>On an executor it fails the Spark task; Spark reports it as the cause of the job's failure.
 */
public final class ClassifierLoadException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * @param message what failed and why
   * @param cause the loader's exception
   */
  public ClassifierLoadException(String message, Throwable cause) {
    super(message, cause);
  }
}
