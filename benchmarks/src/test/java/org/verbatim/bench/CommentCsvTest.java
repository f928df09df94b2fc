package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.train.LabelledComment;

class CommentCsvTest {

  @Test
  void readsQuotedMultiLineTextsAndSplitsLabels(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("train.csv");
    Files.writeString(f, "id,text,labels\na,\"Late, again.\nTwice.\", reliability ;listening;;\nb,Fine,\n");
    List<LabelledComment> rows = CommentCsv.read(f);
    assertEquals(2, rows.size());
    assertEquals("Late, again.\nTwice.", rows.get(0).text());
    assertEquals(List.of("listening", "reliability"), rows.get(0).labels(), "stripped, empty names dropped, sorted");
    assertTrue(rows.get(1).labels().isEmpty());
  }

  @Test
  void errorsNameTheFileAndLineButNotTheText(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("train.csv");
    Files.writeString(f, "id,text,labels\na,secret one,x\na,secret two,y\n");
    IOException e = assertThrows(IOException.class, () -> CommentCsv.read(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("line 3"), e.getMessage());
    assertTrue(e.getMessage().contains("duplicate id 'a'"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());

    Files.writeString(f, "id,comment,labels\na,b,c\n");
    IOException missing = assertThrows(IOException.class, () -> CommentCsv.read(f));
    assertTrue(missing.getMessage().contains("missing column 'text'"), missing.getMessage());
  }
}
