package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
    "2024-03-05|2024-03-05",
    "2024-03-05T14:05:33Z|2024-03-05",
    "2024-03-05T23:59:59.123+01:00|2024-03-05",
    "2024-03-05 14:05|2024-03-05",
    "2024-03-05 14:05:09|2024-03-05",
    "2024/3/5|2024-03-05",
    "2024-03|2024-03-01",
    "05/03/2024|2024-03-05",
    "5/3/2024|2024-03-05",
    "05-03-2024|2024-03-05",
    "05.03.2024|2024-03-05",
    "31/01/2024 09:15|2024-01-31",
    "31/01/2024 9:15 pm|2024-01-31",
    "5 March 2024|2024-03-05",
    "05 Mar 2024|2024-03-05",
    "5-Mar-2024|2024-03-05",
    "1st Sept 2024|2024-09-01",
    "'  2024-03-05  '|2024-03-05",
    "29/02/2024|2024-02-29",
  })
  void readsCommonFormats(String value, String expected) {
    assertEquals(Optional.of(LocalDate.parse(expected)), DateParser.parse(value));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "   ", "next Tuesday", "2024-13-01", "31/02/2024", "03/25/2024", "29/02/2023",
    "2024-03-05T25:00", "5 Smarch 2024", "20240305", "12345-01-01", "2024-03-05 and more"})
  void rejectsOthers(String value) {
    assertTrue(DateParser.parse(value).isEmpty(), value);
  }
}
