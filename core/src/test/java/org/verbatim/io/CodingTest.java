package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;

class CodingTest {

  @TempDir Path tmp;

  @Test
  void readsIdsThemesPolarityAndOptionalText() throws Exception {
    Path f = tmp.resolve("a.csv");
    Files.writeString(f, "id,labels,polarity,text\nx1,respect;listening,respect:positive,\"kind, polite\"\nx2,,,n/a\n");
    Coding c = Coding.read(f, null);
    assertEquals(List.of("x1", "x2"), List.copyOf(c.themes().keySet()));
    assertEquals(Set.of("listening", "respect"), c.themes().get("x1"));
    assertEquals(Map.of("respect", Polarity.POSITIVE), c.polarities().get("x1"));
    assertEquals("kind, polite", c.texts().get("x1"));
    assertTrue(c.hasPolarity());
  }

  @Test
  void joinsALongFormPolarityFile() throws Exception {
    Path f = tmp.resolve("a.csv");
    Files.writeString(f, "id,labels\nx1,respect\nx2,power\n");
    Path p = tmp.resolve("p.csv");
    Files.writeString(p, "id,theme,polarity\nx1,respect,negative\nother,power,positive\n");
    Coding c = Coding.read(f, p);
    assertEquals(Map.of("respect", Polarity.NEGATIVE), c.polarities().get("x1"));
    assertEquals(Map.of(), c.polarities().get("x2"));
    assertTrue(c.texts().isEmpty());
  }

  @Test
  void errorsNameTheFileAndLine() throws Exception {
    Path dup = tmp.resolve("dup.csv");
    Files.writeString(dup, "id,labels\nx1,respect\nx1,power\n");
    CodedDataException e = assertThrows(CodedDataException.class, () -> Coding.read(dup, null));
    assertTrue(e.getMessage().contains("dup.csv:3") && e.getMessage().contains("duplicate id 'x1'"), e.getMessage());
    Path noLabels = tmp.resolve("nolabels.csv");
    Files.writeString(noLabels, "id,themes\nx1,respect\n");
    e = assertThrows(CodedDataException.class, () -> Coding.read(noLabels, null));
    assertTrue(e.getMessage().contains("columns id and labels"), e.getMessage());
    Path stray = tmp.resolve("stray.csv");
    Files.writeString(stray, "id,labels,polarity\nx1,respect,power:negative\n");
    e = assertThrows(CodedDataException.class, () -> Coding.read(stray, null));
    assertTrue(e.getMessage().contains("stray.csv:2") && e.getMessage().contains("'power'"), e.getMessage());
  }
}
