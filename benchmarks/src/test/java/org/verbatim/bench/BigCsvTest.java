package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BigCsvTest {

  private static final List<String> POOL = List.of(
      "Rang back the same day.",
      "Never told us, \"the plan\" changed,\nso we waited.",
      "Kind, patient staff.");

  private static List<CSVRecord> records(Path file) throws IOException {
    try (Reader r = Files.newBufferedReader(file);
        CSVParser p = CSVParser.builder().setReader(r)
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      return new ArrayList<>(p.getRecords());
    }
  }

  @Test
  void sameSeedGivesTheSameBytes(@TempDir Path dir) throws IOException {
    BigCsv.write(POOL, 500, 7L, dir.resolve("a.csv"));
    BigCsv.write(POOL, 500, 7L, dir.resolve("b.csv"));
    assertArrayEquals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv")));
  }

  @Test
  void anotherSeedDrawsOtherComments(@TempDir Path dir) throws IOException {
    BigCsv.write(POOL, 500, 7L, dir.resolve("a.csv"));
    BigCsv.write(POOL, 500, 8L, dir.resolve("b.csv"));
    assertFalse(Arrays.equals(Files.readAllBytes(dir.resolve("a.csv")), Files.readAllBytes(dir.resolve("b.csv"))));
  }

  @Test
  void writesUniqueIdsAndTextsFromThePool(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("big.csv");
    BigCsv.write(POOL, 1234, 1L, f);
    List<CSVRecord> rows = records(f);
    assertEquals(1234, rows.size());
    Set<String> ids = new HashSet<>();
    Set<String> seen = new HashSet<>();
    for (CSVRecord r : rows) {
      assertTrue(ids.add(r.get("id")), "duplicate id " + r.get("id"));
      assertTrue(POOL.contains(r.get("text")), "text not from the pool at record " + r.getRecordNumber());
      seen.add(r.get("text"));
    }
    assertEquals(Set.copyOf(POOL), seen, "1234 draws from 3 texts should use every text");
    assertEquals("big-0000001", rows.get(0).get("id"));
  }

  @Test
  void rejectsNonPositiveRowCounts(@TempDir Path dir) {
    assertThrows(IllegalArgumentException.class, () -> BigCsv.write(POOL, 0, 1L, dir.resolve("x.csv")));
    assertThrows(IllegalArgumentException.class, () -> BigCsv.write(List.of(), 5, 1L, dir.resolve("x.csv")));
  }
}
