package org.verbatim.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Chooses the delimiter of a delimited text file among {@link ReadOptions#SNIFFED} ({@code ,} {@code ;} tab
 * {@code |}) from its first 64 KB, and refuses a header that looks misread.
 *
 * <p>Each candidate splits the sample's records with the real parser (quotes respected). A candidate counts
 * only if it splits the header into two or more columns; among those, the one under which most records have as
 * many fields as the header wins, then the one giving more columns, then the earlier in the list. With no such
 * candidate the file has one column and the delimiter is {@code ,}.
 *
 * <p>Stateless and thread-safe.
 */
final class DelimiterSniffer {

  /** Bytes of the file's start looked at. */
  static final int SAMPLE = 64 * 1024;
  /** Records looked at, the header included. */
  static final int RECORDS = 200;

  private DelimiterSniffer() {}

  /** The delimiter of {@code file} read in {@code encoding}. */
  static char sniff(Path file, Charset encoding) throws IOException {
    byte[] sample;
    boolean whole;
    try (InputStream raw = Files.newInputStream(file);
        InputStream in = StandardCharsets.UTF_8.equals(encoding) ? raw : new Utf8Transcoder(raw, encoding)) {
      sample = in.readNBytes(SAMPLE);
      whole = in.read() < 0;
    }
    return sniff(sample, whole);
  }

  /** The delimiter of a file starting with {@code sample} (UTF-8; {@code whole} when it is the whole file). */
  static char sniff(byte[] sample, boolean whole) {
    char best = ',';
    double bestShare = -1;
    int bestColumns = 1;
    for (char d : ReadOptions.SNIFFED) {
      int[] counts = fieldCounts(sample, whole, d);
      if (counts.length == 0 || counts[0] < 2) {
        continue;
      }
      int agree = 0;
      for (int i = 1; i < counts.length; i++) {
        if (counts[i] == counts[0]) {
          agree++;
        }
      }
      double share = counts.length == 1 ? 1 : agree / (double) (counts.length - 1);
      if (share > bestShare || (share == bestShare && counts[0] > bestColumns)) {
        best = d;
        bestShare = share;
        bestColumns = counts[0];
      }
    }
    return best;
  }

  /** Fields per record of the sample's complete records read with delimiter {@code d}. */
  private static int[] fieldCounts(byte[] sample, boolean whole, char d) {
    Path name = Path.of("sample");
    int[] counts = new int[RECORDS];
    int n = 0;
    try (Utf8Input in = new Utf8Input(name, new ByteArrayInputStream(sample))) {
      CsvParser parser = new CsvParser(name, in, d, Integer.MAX_VALUE);
      Fields fields = new Fields(1024, 16);
      while (n < RECORDS) {
        fields.clear();
        int k = parser.next(fields);
        if (k < 0) {
          break;
        }
        counts[n++] = k;
      }
      if (n < RECORDS && !whole && n > 1) {
        n--; // the last record may be cut off by the end of the sample
      }
    } catch (IOException e) {
      // a sample cut in a quoted field or a character: keep the records before it
    }
    return java.util.Arrays.copyOf(counts, n);
  }

  /**
   * Refuses a header read as one column that holds another usual delimiter: a file separated by {@code ;} read
   * with {@code ,} would classify whole rows, ids included.
   *
   * @throws FeedbackFileException naming the delimiter the file looks separated by
   */
  static void checkNotMisread(Path file, List<String> header, char delimiter) throws FeedbackFileException {
    if (header.size() != 1) {
      return;
    }
    String name = header.get(0);
    for (char d : ReadOptions.SNIFFED) {
      if (d != delimiter && name.indexOf(d) >= 0) {
        throw new FeedbackFileException(file, 1, "the header is one column holding " + ReadOptions.describe(d)
            + ": the file looks " + ReadOptions.describe(d) + "-separated, not " + ReadOptions.describe(delimiter)
            + "-separated; read it with the delimiter " + ReadOptions.describe(d)
            + " (verbatim: --delimiter " + (d == '\t' ? "tab" : String.valueOf(d)) + ")");
      }
    }
  }
}
