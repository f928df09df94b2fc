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
 *   <li>{@link #CSV}: RFC 4180 delimited text with a header row ({@code .csv}; {@code .tsv} and {@code .tab}
 *       too): comma, semicolon, tab or pipe separated (see {@link ReadOptions}).
 *   <li>{@link #JSONL}: one JSON object per line ({@code .jsonl} or {@code .ndjson}).
 *   <li>{@link #XLSX}: an Excel workbook ({@code .xlsx}), one sheet, the first row its header.
 * </ul>
 */
public enum FeedbackFormat {
  CSV("csv"),
  JSONL("jsonl"),
  XLSX("xlsx");

  private final String extension;

  FeedbackFormat(String extension) {
    this.extension = extension;
  }

  /** The lower-case name used on the command line and the usual file extension: {@code csv}, {@code jsonl} or {@code xlsx}. */
  public String id() {
    return extension;
  }

  /**
   * Parses a format name, ignoring case and surrounding white space ({@code ndjson} is accepted for JSONL,
   * {@code tsv} for CSV).
   *
   * @throws NullPointerException if {@code name} is null
   * @throws IllegalArgumentException if the name is not {@code csv}, {@code tsv}, {@code jsonl}, {@code ndjson} or
   *     {@code xlsx}
   */
  public static FeedbackFormat parse(String name) {
    Objects.requireNonNull(name, "name");
    return switch (name.strip().toLowerCase(Locale.ROOT)) {
      case "csv", "tsv" -> CSV;
      case "jsonl", "ndjson" -> JSONL;
      case "xlsx" -> XLSX;
      default -> throw new IllegalArgumentException("unknown format '" + name + "': expected csv, jsonl or xlsx");
    };
  }

  /**
   * The format implied by a file's extension ({@code .csv}, {@code .tsv}, {@code .tab},
   * {@code .jsonl}, {@code .ndjson}, {@code .xlsx}, any case), or empty when the extension is missing or another
   * one ({@code .json} and {@code .xls} are not supported).
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
      case "csv", "tsv", "tab" -> Optional.of(CSV);
      case "jsonl", "ndjson" -> Optional.of(JSONL);
      case "xlsx" -> Optional.of(XLSX);
      default -> Optional.empty();
    };
  }

  /** The lower-case extension of a file name without the dot, or {@code ""} when it has none. */
  static String extensionOf(String fileName) {
    int dot = fileName.lastIndexOf('.');
    return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
