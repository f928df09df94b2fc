package org.verbatim.io;

import java.util.List;
import java.util.Objects;

/**
 * CSV records as text, quoted as every CSV file this library writes is ({@link CsvRow}'s rules: RFC 4180,
 * commons-csv's minimal quoting, {@code \n} line ends). For small files built in memory; large ones go through a
 * {@link ClassifiedWriter}.
 *
 * <pre>{@code
 * Csv.record(List.of("id-1", "listening;respect"));   // "id-1,listening;respect\n"
 * Csv.record(List.of("a,b", "say \"hi\""));           // "\"a,b\",\"say \"\"hi\"\"\"\n"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Csv {

  private Csv() {}

  /**
   * One record with its line end.
   *
   * @throws NullPointerException if the list or a field is null
   */
  public static String record(List<String> fields) {
    Objects.requireNonNull(fields, "fields");
    CsvRow row = new CsvRow();
    for (String f : fields) {
      row.add(f);
    }
    return row.end().take();
  }
}
