package org.verbatim.io;

import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * How a {@link FeedbackReader} reads a file beyond its format: the delimiter of delimited text (found by sniffing
 * unless given), the text encoding (UTF-8 unless given) and the spreadsheet sheet (the first unless given).
 *
 * <pre>{@code
 * ReadOptions.DEFAULT;                                                         // sniffed delimiter, UTF-8
 * ReadOptions.builder().delimiter(';').encoding(ReadOptions.encoding("windows-1252")).build();
 * ReadOptions.builder().sheet("Responses").build();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ReadOptions {

  /** The delimiters sniffing chooses between, in order of preference on a tie. */
  public static final List<Character> SNIFFED = List.of(',', ';', '\t', '|');

  /** Sniffed delimiter, UTF-8, first sheet. */
  public static final ReadOptions DEFAULT = builder().build();

  private final char delimiter;
  private final Charset encoding;
  private final String sheet;
  private final ReadLimits limits;

  private ReadOptions(Builder b) {
    this.delimiter = b.delimiter;
    this.encoding = b.encoding;
    this.sheet = b.sheet;
    this.limits = b.limits;
  }

  /** The default options with these limits on one record. */
  public static ReadOptions of(ReadLimits limits) {
    return builder().limits(limits).build();
  }

  /** The limits on one record ({@link ReadLimits#DEFAULT} unless set). */
  public ReadLimits limits() {
    return limits;
  }

  /** A builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** The delimiter to use, or empty to sniff it ({@link #SNIFFED}). */
  public Optional<Character> delimiter() {
    return delimiter == 0 ? Optional.empty() : Optional.of(delimiter);
  }

  /** The text encoding of CSV and JSON Lines files (UTF-8 by default; a UTF-16 byte order mark is honoured). */
  public Charset encoding() {
    return encoding;
  }

  /** The sheet of a spreadsheet to read, or empty for the first. */
  public Optional<String> sheet() {
    return Optional.ofNullable(sheet);
  }

  /**
   * A delimiter given by name or as itself: {@code ,} {@code ;} {@code |} {@code tab} (or {@code \t} or a tab
   * character), {@code comma}, {@code semicolon}, {@code pipe}, or any other single ASCII punctuation character.
   *
   * @throws IllegalArgumentException for anything else (the message lists the usual ones)
   */
  public static char parseDelimiter(String value) {
    Objects.requireNonNull(value, "value");
    String v = value.toLowerCase(Locale.ROOT);
    switch (v) {
      case "tab", "\\t", "\t":
        return '\t';
      case "comma":
        return ',';
      case "semicolon":
        return ';';
      case "pipe":
        return '|';
      default:
        break;
    }
    if (v.length() == 1) {
      char c = v.charAt(0);
      if (c < 0x80 && c != '"' && !Character.isLetterOrDigit(c) && c > ' ') {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "expected one character such as , ; | or the word tab: '" + value + "'");
  }

  /** How a delimiter is named in messages: {@code ','}, {@code ';'}, {@code tab}, {@code '|'}. */
  public static String describe(char delimiter) {
    return delimiter == '\t' ? "tab" : "'" + delimiter + "'";
  }

  /**
   * An encoding by name ({@code UTF-8}, {@code windows-1252}, {@code ISO-8859-1}, {@code UTF-16}, {@code latin1},
   * {@code cp1252}, ...).
   *
   * @throws IllegalArgumentException if the Java runtime knows no such encoding
   */
  public static Charset encoding(String name) {
    Objects.requireNonNull(name, "name");
    try {
      return Charset.forName(name.strip());
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new IllegalArgumentException("unknown encoding '" + name
          + "': expected e.g. UTF-8, windows-1252, ISO-8859-1 or UTF-16");
    }
  }

  /** Builds {@link ReadOptions}. Not thread-safe. */
  public static final class Builder {
    private char delimiter;
    private Charset encoding = StandardCharsets.UTF_8;
    private String sheet;
    private ReadLimits limits = ReadLimits.DEFAULT;

    private Builder() {}

    /** The limits on one record (default {@link ReadLimits#DEFAULT}). */
    public Builder limits(ReadLimits limits) {
      this.limits = Objects.requireNonNull(limits, "limits");
      return this;
    }

    /**
     * The delimiter of delimited text; none (the default) sniffs it.
     *
     * @throws IllegalArgumentException if it is not ASCII, or is a quote, a line break or a letter or digit
     */
    public Builder delimiter(char delimiter) {
      if (delimiter >= 0x80 || delimiter == '"' || delimiter == '\n' || delimiter == '\r'
          || Character.isLetterOrDigit(delimiter)) {
        throw new IllegalArgumentException("delimiter must be an ASCII character other than a quote, a line break,"
            + " a letter or a digit");
      }
      this.delimiter = delimiter;
      return this;
    }

    /** The text encoding (UTF-8 by default). */
    public Builder encoding(Charset encoding) {
      this.encoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /** The spreadsheet sheet to read by name; null (the default) reads the first. */
    public Builder sheet(String sheet) {
      this.sheet = sheet;
      return this;
    }

    /** The options. */
    public ReadOptions build() {
      return new ReadOptions(this);
    }
  }
}
