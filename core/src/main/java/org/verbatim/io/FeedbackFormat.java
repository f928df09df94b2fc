package org.verbatim.io;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The file formats a {@link FeedbackReader} reads and a {@link ClassifiedWriter} writes.
 *
 * <pre>{@code
 * FeedbackFormat.fromFileName(Path.of("export.ndjson"));   // Optional[JSONL]
 * FeedbackFormat.parse("CSV");                             // CSV
 * }</pre>
 *
 * <ul>
 *   <li>{@link #CSV}: RFC 4180 comma-separated values with a header row ({@code .csv}).
 *   <li>{@link #JSONL}: one JSON object per line ({@code .jsonl} or {@code .ndjson}).
 * </ul>
 */
public enum FeedbackFormat {
  CSV("csv"),
  JSONL("jsonl");

  private final String extension;

  FeedbackFormat(String extension) {
    this.extension = extension;
  }

  /** The lower-case name used on the command line and the usual file extension: {@code csv} or {@code jsonl}. */
  public String id() {
    return extension;
  }

  /**
   * Parses a format name, ignoring case and surrounding white space ({@code ndjson} is accepted for JSONL).
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not {@code csv}, {@code jsonl} or {@code ndjson}
   */
  public static FeedbackFormat parse(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "csv" -> CSV;
      case "jsonl", "ndjson" -> JSONL;
      default -> throw new IllegalArgumentException("unknown format '" + name + "': expected csv or jsonl");
    };
  }

  /**
   * The format implied by a file's extension ({@code .csv}, {@code .jsonl}, {@code .ndjson}, any case), or
   * empty when the extension is missing or another one ({@code .tsv} and {@code .json} are not supported).
   *
   * @throws NullPointerException if {@code file} is null
   */
  public static Optional<FeedbackFormat> fromFileName(Path file) {
    Objects.requireNonNull(file, "file");
    Path name = file.getFileName();
    if (name == null) {
      return Optional.empty();
    }
    String ext = extensionOf(name.toString());
    return switch (ext) {
      case "csv" -> Optional.of(CSV);
      case "jsonl", "ndjson" -> Optional.of(JSONL);
      default -> Optional.empty();
    };
  }

  /** The lower-case extension of a file name without the dot, or {@code ""} when it has none. */
  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
