package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;
import org.verbatim.io.CodedDataException;
import org.verbatim.train.PolarityExample;

class PolarityFilesTest {

  @TempDir Path dir;

  private void write(String name, String content) throws IOException {
    Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
  }

  @Test
  void readsMamsPairsWithTheirTexts() throws Exception {
    write("val.csv", "id,text,labels\nv1,\"Food good, staff slow\",food;staff\nv2,Nice place.,place\n");
    write("val_polarity.csv", "id,theme,polarity\nv1,food,positive\nv1,staff,negative\nv2,place,neutral\n");
    List<LabelledPair> pairs = PolarityFiles.mams(dir, "val");
    assertEquals(3, pairs.size());
    assertEquals(new LabelledPair("v1", new PolarityExample("Food good, staff slow", "staff", Polarity.NEGATIVE)),
        pairs.get(1));
    assertEquals(Polarity.NEUTRAL, pairs.get(2).example().polarity());
  }

  @Test
  void mamsErrorsNameFileAndLine() throws Exception {
    write("train.csv", "id,text,labels\nt1,Good food.,food\n");
    write("train_polarity.csv", "id,theme,polarity\nt1,food,positive\nt1,food,great\n");
    CodedDataException bad = assertThrows(CodedDataException.class, () -> PolarityFiles.mams(dir, "train"));
    assertEquals(3, bad.line());
    assertTrue(bad.getMessage().contains("train_polarity.csv:3"), bad.getMessage());
    assertFalse(bad.getMessage().contains("Good food"), bad.getMessage());

    write("train_polarity.csv", "id,theme,polarity\nt9,food,positive\n");
    CodedDataException unknown = assertThrows(CodedDataException.class, () -> PolarityFiles.mams(dir, "train"));
    assertEquals(2, unknown.line());
    assertTrue(unknown.getMessage().contains("t9"), unknown.getMessage());

    write("train_polarity.csv", "id,topic,polarity\nt1,food,positive\n");
    CodedDataException header = assertThrows(CodedDataException.class, () -> PolarityFiles.mams(dir, "train"));
    assertTrue(header.getMessage().contains("'theme'"), header.getMessage());

    CodedDataException missing = assertThrows(CodedDataException.class, () -> PolarityFiles.mams(dir, "test"));
    assertTrue(missing.getMessage().contains("test.csv"), missing.getMessage());
    assertThrows(IllegalArgumentException.class, () -> PolarityFiles.mams(dir, "dev"));
  }

  @Test
  void nhsCriticalityMapsToPolarityAndSkipsEmptyValues() throws Exception {
    write("train.csv", "id,text,labels\np1-0,Lovely nurses.,Staff\np1-1,Long wait.,Waiting\np1-2,Parking.,Parking\n"
        + "p1-3,Ok.,Care\n");
    write("test.csv", "id,text,labels\np1-9,Fine.,Care\n");
    write("polarity.csv", "id,theme,polarity\np1-0,Staff,3\np1-1,Waiting,-2\np1-2,Parking,0\np1-3,Care,\n"
        + "p1-9,Care,1\n");
    List<LabelledPair> train = PolarityFiles.nhsPhase1(dir, "train");
    assertEquals(3, train.size());
    assertEquals(Polarity.POSITIVE, train.get(0).example().polarity());
    assertEquals(Polarity.NEGATIVE, train.get(1).example().polarity());
    assertEquals(Polarity.NEUTRAL, train.get(2).example().polarity());
    List<LabelledPair> test = PolarityFiles.nhsPhase1(dir, "test");
    assertEquals(List.of("p1-9"), test.stream().map(LabelledPair::id).toList());

    write("polarity.csv", "id,theme,polarity\np1-0,Staff,3\np1-1,Waiting,-9\n");
    CodedDataException bad = assertThrows(CodedDataException.class, () -> PolarityFiles.nhsPhase1(dir, "train"));
    assertEquals(3, bad.line());
    assertTrue(bad.getMessage().contains("-5..5"), bad.getMessage());
  }

  @Test
  void criticalityBoundaries() {
    assertEquals(Polarity.NEGATIVE, PolarityFiles.criticality(-1));
    assertEquals(Polarity.NEUTRAL, PolarityFiles.criticality(0));
    assertEquals(Polarity.POSITIVE, PolarityFiles.criticality(1));
  }
}
