package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFilesTest {

  @TempDir Path dir;

  @Test
  void readsRowsWithLineNumbersBomQuotesAndBlankLines() throws Exception {
    Path f = dir.resolve("gold.csv");
    String content = "\uFEFFtext,labels,id\r\n"                   // line 1, BOM, columns in another order
        + "\"two\r\nlines, quoted\", respect ;power,a1\r\n"       // lines 2-3
        + "\r\n"                                                  // line 4, blank: skipped
        + "plain,,  b2 \r\n"                                      // line 5, no labels, id stripped
        + "short\n";                                              // line 6: no labels/id fields
    Files.writeString(f, content.substring(0, content.length() - "short\n".length()), StandardCharsets.UTF_8);
    List<LabelFiles.Row> rows = LabelFiles.readRows(f);
    assertEquals(2, rows.size());
    assertEquals(new LabelFiles.Row("a1", Set.of("power", "respect"), 2), rows.get(0));
    assertEquals(new LabelFiles.Row("b2", Set.of(), 5), rows.get(1));

    Files.writeString(f, content, StandardCharsets.UTF_8);
    CodedDataException e = assertThrows(CodedDataException.class, () -> LabelFiles.readRows(f));
    assertTrue(e.getMessage().endsWith("gold.csv:6: row has 1 field(s); expected an id in column 3"),
        e.getMessage());
    assertFalse(e.getMessage().contains("short"));
  }

  @Test
  void aShortRowWithAnIdHasNoLabels() throws Exception {
    // Python's DictReader fills a missing labels field with None, which metrics.py reads as no labels.
    Path f = Files.writeString(dir.resolve("p.csv"), "id,labels\nx\ny,a\n");
    assertEquals(Map.of("x", Set.of(), "y", Set.of("a")), LabelFiles.readById(f));
  }

  @Test
  void rejectsAHeaderWithoutIdAndLabels() throws Exception {
    Path f = Files.writeString(dir.resolve("bad.csv"), "\n\nid,label\n1,a\n");
    CodedDataException e = assertThrows(CodedDataException.class, () -> LabelFiles.readRows(f));
    assertTrue(e.getMessage().contains("bad.csv:3: header must contain id and labels (got [id, label])"),
        e.getMessage());
    Path empty = Files.writeString(dir.resolve("empty.csv"), "");
    assertTrue(assertThrows(CodedDataException.class, () -> LabelFiles.readRows(empty)).getMessage()
        .contains("empty.csv: header must contain id and labels"));
  }

  @Test
  void rejectsInvalidUtf8() throws Exception {
    Path f = dir.resolve("latin1.csv");
    Files.write(f, new byte[] {'i', 'd', ',', 'l', 'a', 'b', 'e', 'l', 's', '\n', '1', ',', (byte) 0xE9, '\n'});
    CodedDataException e = assertThrows(CodedDataException.class, () -> LabelFiles.readRows(f));
    assertTrue(e.getMessage().endsWith("latin1.csv: not valid UTF-8"), e.getMessage());
  }

  @Test
  void lastDuplicateHeaderColumnWinsAsInDictReader() throws Exception {
    Path f = Files.writeString(dir.resolve("d.csv"), "labels,id,labels\nx,1,y\n");
    assertEquals(Set.of("y"), LabelFiles.readById(f).get("1"));
  }

  @Test
  void writePredictionsRoundTripsAndQuotesWhenNeeded() throws Exception {
    Path f = dir.resolve("pred.csv");
    LabelFiles.writePredictions(f, List.of("r1", "r,2", "r3"),
        List.of(Set.of("respect", "power"), Set.of("a b"), Set.of()));
    String text = Files.readString(f);
    assertEquals("id,labels\r\nr1,power;respect\r\n\"r,2\",a b\r\nr3,\r\n", text);
    Map<String, Set<String>> back = LabelFiles.readById(f);
    assertEquals(Map.of("r1", Set.of("power", "respect"), "r,2", Set.of("a b"), "r3", Set.of()), back);
    assertThrows(IllegalArgumentException.class,
        () -> LabelFiles.writePredictions(f, List.of("x"), List.of(Set.of("a;b"))));
    assertThrows(IllegalArgumentException.class, () -> LabelFiles.writePredictions(f, List.of("x"), List.of()));
  }
}
