package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.FileFormatException;
import org.verbatim.Polarity;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.PolarityExample;

class CodedDataTest {

  @TempDir Path dir;

  private Path write(String name, String content) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  private static CodedData read(Path file) throws Exception {
    return CodedData.read(file, CodedData.options().build());
  }

  @Test
  void readsThemesAndAPolarityColumn() throws Exception {
    Path f = write("coded.csv", "id,comment,labels,polarity\nr1,Kind but late.,empathy;reliability,"
        + "empathy:positive;reliability:NEGATIVE\nr2,No theme.,,\n");
    CodedData d = read(f);
    assertEquals(List.of(new LabelledComment("r1", "Kind but late.", List.of("empathy", "reliability")),
        new LabelledComment("r2", "No theme.", List.of())), d.comments());
    assertEquals("comment", d.textColumn());
    assertEquals(Map.of("empathy", Polarity.POSITIVE, "reliability", Polarity.NEGATIVE), d.polarities().get(0));
    assertEquals(Map.of(), d.polarities().get(1));
    assertTrue(d.hasPolarity());
    assertEquals(List.of(new PolarityExample("Kind but late.", "empathy", Polarity.POSITIVE),
        new PolarityExample("Kind but late.", "reliability", Polarity.NEGATIVE)), d.polarityExamples());
    assertFalse(d.withoutPolarity().hasPolarity());
  }

  @Test
  void joinsALongFormPolarityFileByIdAndCountsSkippedRows() throws Exception {
    Path f = write("train.csv", "id,text,labels\na,Rude staff.,staff\nb,Cold food.,food\n");
    Path p = write("train_polarity.csv", "id,theme,polarity\na,staff,negative\nb,food,-2\nz,food,positive\nb,staff,\n");
    CodedData d = CodedData.read(f, CodedData.options().polarityFile(p).build());
    assertEquals(Map.of("staff", Polarity.NEGATIVE), d.polarities().get(0));
    assertEquals(Map.of("food", Polarity.NEGATIVE), d.polarities().get(1));
    assertEquals(2, d.polarityRowsSkipped(), "unknown id z and the empty value");
  }

  @Test
  void badRecordsStopWithFileAndLineButNoText() throws Exception {
    Path f = write("bad.csv", "id,text,labels,polarity\na,Secret words here.,staff,staff:splendid\n");
    CodedDataException e = assertThrows(CodedDataException.class, () -> read(f));
    assertTrue(e.getMessage().startsWith(f + ":2: "), e.getMessage());
    assertFalse(e.getMessage().contains("Secret"), e.getMessage());
    assertEquals(2, e.line());
    assertTrue(e instanceof FileFormatException);

    Path twice = write("twice.csv", "id,text,labels\na,x,staff\na,y,food\n");
    Path codes = write("codes.csv", "id,theme,polarity\na,staff,positive\n");
    CodedDataException dup = assertThrows(CodedDataException.class,
        () -> CodedData.read(twice, CodedData.options().polarityFile(codes).build()));
    assertTrue(dup.getMessage().contains("'a' occurs twice"), dup.getMessage());

    Path second = write("second.csv", "id,text,labels\na,x,staff\n");
    Path repeated = write("repeated.csv", "id,theme,polarity\na,staff,positive\na,staff,negative\n");
    CodedDataException again = assertThrows(CodedDataException.class,
        () -> CodedData.read(second, CodedData.options().polarityFile(repeated).build()));
    assertTrue(again.getMessage().contains("repeated.csv:3"), again.getMessage());
  }

  @Test
  void missingColumnsAndConflictingSourcesAreNamed() throws Exception {
    Path noLabels = write("nolabels.csv", "id,text,themes\na,x,staff\n");
    ColumnException c = assertThrows(ColumnException.class, () -> read(noLabels));
    assertEquals("labels", c.role());
    assertTrue(c.getMessage().contains("no 'labels' column") && c.getMessage().contains("'themes'"), c.getMessage());

    Path both = write("both.csv", "id,text,labels,polarity\na,x,staff,staff:positive\n");
    Path codes = write("codes.csv", "id,theme,polarity\na,staff,positive\n");
    assertThrows(IllegalArgumentException.class, () -> CodedData.read(both, CodedData.options().polarityFile(codes).build()));
    Path noId = write("noid.csv", "comment,labels\nx,staff\n");
    assertThrows(IllegalArgumentException.class, () -> CodedData.read(noId, CodedData.options().polarityFile(codes).build()));
    CodedDataException empty = assertThrows(CodedDataException.class, () -> read(write("empty.csv", "id,text,labels\n")));
    assertTrue(empty.getMessage().contains("no records"), empty.getMessage());
  }

  @Test
  void anyLongFormFileReadsNamesAndSignedScoresAndCountsEmptyValues() throws Exception {
    write("codes.csv", "id,theme,polarity,coder\na,staff,Negative,x\na,food,2,x\nb,food,0,x\nb,staff,,x\nc,staff,-0.5,y\n");
    CodedData.PolarityCodes c = CodedData.readPolarityCodes(dir.resolve("codes.csv"));
    assertEquals(List.of(new CodedData.PolarityCode("a", "staff", Polarity.NEGATIVE, 2),
        new CodedData.PolarityCode("a", "food", Polarity.POSITIVE, 3), new CodedData.PolarityCode("b", "food", Polarity.NEUTRAL, 4),
        new CodedData.PolarityCode("c", "staff", Polarity.NEGATIVE, 6)), c.codes());
    assertEquals(1, c.withoutValue());

    write("bad.csv", "id,theme,polarity\na,staff,positive\na,food,splendid\n");
    CodedDataException bad = assertThrows(CodedDataException.class, () -> CodedData.readPolarityCodes(dir.resolve("bad.csv")));
    assertTrue(bad.getMessage().contains("bad.csv:3") && bad.getMessage().contains("splendid"), bad.getMessage());
    write("header.csv", "id,topic,polarity\na,staff,positive\n");
    CodedDataException header = assertThrows(CodedDataException.class, () -> CodedData.readPolarityCodes(dir.resolve("header.csv")));
    assertTrue(header.getMessage().contains("header.csv:1") && header.getMessage().contains("'theme'"), header.getMessage());
    CodedDataException missing = assertThrows(CodedDataException.class, () -> CodedData.readPolarityCodes(dir.resolve("none.csv")));
    assertTrue(missing.getMessage().contains("none.csv"), missing.getMessage());
  }
}
