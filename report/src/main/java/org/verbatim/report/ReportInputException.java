package org.verbatim.report;

import java.io.IOException;

/**
 * A classified file or its sidecar cannot be read as expected; the message names the file, the line (or
 * record) and the field, never the comment text.
 *
 * <pre>{@code
 * try { ReportBuilder.fromFile(input, options).write(output); }
 * catch (ReportInputException e) { System.err.println(e.getMessage()); }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReportInputException extends IOException {

  private static final long serialVersionUID = 1L;

  /** @param message what is wrong and where; must not contain comment text */
  public ReportInputException(String message) {
    super(message);
  }

  /** @param message what is wrong and where; must not contain comment text */
  public ReportInputException(String message, Throwable cause) {
    super(message, cause);
  }
}
