package org.verbatim.polarity;

import java.io.IOException;

/**
 * A polarity label file or a serialised {@link PolarityModel} that cannot be read: names the file (or entry),
 * the 1-based line and what was expected, never the text of the line.
 *
 * <pre>{@code
 * try { PolarityData.mams(dir, "train"); } catch (PolarityFileException e) { e.file(); e.line(); }
 * }</pre>
 */
public final class PolarityFileException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;

  /** Creates an exception for {@code file} at {@code line} (0 when no line applies). */
  public PolarityFileException(String file, long line, String expected) {
    super(file + (line > 0 ? ":" + line : "") + ": " + expected);
    this.file = file;
    this.line = line;
  }

  /** The file or entry name. */
  public String file() {
    return file;
  }

  /** The 1-based line, or 0 when the error concerns the whole file. */
  public long line() {
    return line;
  }
}
