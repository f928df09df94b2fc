package org.verbatim.report;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.Month;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the calendar date out of the date formats found in feedback exports.
 *
 * <p>Accepted (an optional time such as {@code 14:05}, {@code 14:05:33.120}, {@code T14:05Z} or
 * {@code 2:05 pm +01:00} may follow any of them; it is ignored, and the date is taken as written, with no time
 * zone conversion):
 * <ul>
 *   <li>{@code 2024-03-05} (ISO), {@code 2024/03/05}, {@code 2024-03} (taken as the 1st of the month);</li>
 *   <li>{@code 05/03/2024}, {@code 5/3/2024}, {@code 05-03-2024}, {@code 05.03.2024}: day first, as in the UK
 *       and most of Europe (a US month-first date such as {@code 03/25/2024} is rejected as invalid, and one
 *       such as {@code 03/05/2024} is read as 3 May);</li>
 *   <li>{@code 5 March 2024}, {@code 05 Mar 2024}, {@code 5-Mar-2024} (English month names or abbreviations).</li>
 * </ul>
 *
 * <pre>{@code
 * DateParser.parse("31/01/2024 09:15");   // Optional[2024-01-31]
 * DateParser.parse("next Tuesday");       // Optional.empty
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class DateParser {

  private static final String TIME =
      "(?:[T ]\\s*(?:[01]?\\d|2[0-3]):[0-5]\\d(?::[0-5]\\d(?:[.,]\\d{1,9})?)?\\s*(?:[AaPp]\\.?[Mm]\\.?)?\\s*"
          + "(?:Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?)?";
  private static final Pattern YEAR_FIRST =
      Pattern.compile("(\\d{4})([-/])(\\d{1,2})\\2(\\d{1,2})" + TIME);
  private static final Pattern YEAR_MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
  private static final Pattern DAY_FIRST =
      Pattern.compile("(\\d{1,2})([/.-])(\\d{1,2})\\2(\\d{4})" + TIME);
  private static final Pattern DAY_MONTH_NAME =
      Pattern.compile("(\\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})\\.?,?[ -](\\d{4})" + TIME);

  private DateParser() {}

  /**
   * The date in {@code value}, or empty if it is blank, not in an accepted format, or not a real date
   * (e.g. 31/02/2024).
   *
   * @throws NullPointerException if {@code value} is null
   */
  public static Optional<LocalDate> parse(String value) {
    Objects.requireNonNull(value, "value");
    String v = value.strip();
    if (v.isEmpty() || v.length() > 64) {
      return Optional.empty();
    }
    try {
      Matcher m = YEAR_FIRST.matcher(v);
      if (m.matches()) {
        return Optional.of(date(m.group(1), m.group(3), m.group(4)));
      }
      m = YEAR_MONTH.matcher(v);
      if (m.matches()) {
        return Optional.of(date(m.group(1), m.group(2), "1"));
      }
      m = DAY_FIRST.matcher(v);
      if (m.matches()) {
        return Optional.of(date(m.group(4), m.group(3), m.group(1)));
      }
      m = DAY_MONTH_NAME.matcher(v);
      if (m.matches()) {
        Month month = month(m.group(2));
        if (month != null) {
          return Optional.of(LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1))));
        }
      }
    } catch (DateTimeException | NumberFormatException e) {
      return Optional.empty();
    }
    return Optional.empty();
  }

  private static LocalDate date(String year, String month, String day) {
    return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
  }

  private static Month month(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    for (Month month : Month.values()) {
      String full = month.name().toLowerCase(Locale.ROOT);
      if (full.equals(n) || (n.length() >= 3 && full.startsWith(n)) || (month == Month.SEPTEMBER && n.equals("sept"))) {
        return month;
      }
    }
    return null;
  }
}
