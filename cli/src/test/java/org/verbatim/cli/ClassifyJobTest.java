package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ModelInfo;
import org.verbatim.Polarity;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.io.FeedbackFileException;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.OutputColumns;

class ClassifyJobTest {

  @TempDir Path dir;

  /** Tags "kind" rows with empathy, throws on "boom" rows, and takes a little longer on every 7th row. */
  private static class Fake implements ThemeClassifier {
    @Override
    public Classification classify(String text) {
      if (text.contains("boom")) {
        throw new IllegalStateException("cannot classify '" + text + "'");
      }
      if (text.length() % 7 == 0) {
        Thread.onSpinWait();
        Thread.yield();
      }
      int k = text.indexOf("kind");
      return k < 0 ? Classification.EMPTY : new Classification(List.of(
          new ThemeTag("empathy", 0.5 + (text.length() % 100) / 1000.0, Polarity.POSITIVE, List.of(new Evidence(k, k + 4)))));
    }

    @Override
    public ModelInfo info() {
      return new ModelInfo("fake", "fake", "1", List.of("empathy"), Map.of());
    }
  }

  private Path csv(int rows) throws IOException {
    StringBuilder sb = new StringBuilder("id,comment\n");
    for (int i = 1; i <= rows; i++) {
      String text = i % 101 == 0 ? "boom " + i : (i % 3 == 0 ? "kind staff, row " : "row ") + i;
      sb.append(i).append(',').append(i % 53 == 0 ? "\"x\",extra" : "\"" + text + "\"").append('\n');
    }
    return Files.writeString(dir.resolve("in.csv"), sb.toString());
  }

  private static String run(Path in, int threads, int chunk, List<String> progress) throws IOException {
    ClassifyJob job = new ClassifyJob(new Fake(),
        new ClassifyJob.Settings(in, FeedbackFormat.CSV, "comment", "id", OutputColumns.withPrefix(""), threads, chunk));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    AtomicLong seen = new AtomicLong();
    ClassifyJob.Summary s = job.run(out, (rows, read, size) -> progress.add(rows + "/" + read + "/" + size),
        batch -> seen.addAndGet(batch.size()));
    assertEquals(s.rows(), seen.get(), "every written batch is seen once");
    return out.toString(StandardCharsets.UTF_8) + "\n" + s;
  }

  @Test
  void everyRowOnceInInputOrderWhateverTheThreadsAndChunks() throws IOException {
    Path in = csv(5_000);
    List<String> progress = new ArrayList<>();
    String one = run(in, 1, 1024, progress);
    assertEquals("5000/" + Files.size(in) + "/" + Files.size(in), progress.get(progress.size() - 1));
    for (int[] config : new int[][] {{1, 1}, {2, 7}, {3, 64}, {8, 5000}, {4, 10_000}}) {
      assertEquals(one, run(in, config[0], config[1], new ArrayList<>()), "threads " + config[0] + ", chunk " + config[1]);
    }
    String[] lines = one.split("\n");
    assertEquals("id,comment,themes,scores,polarity,evidence,evidence_text,error", lines[0]);
    assertEquals("3,\"kind staff, row 3\",empathy,empathy:0.517,empathy:positive,empathy:0-4,empathy: kind,",
        lines[3]);
    // the row that throws gets the exception's class but not its message, which quotes the comment
    assertEquals("101,boom 101,,,,,,IllegalStateException", lines[101]);
    assertEquals("53,x,,,,,,\"line 54: record has 3 fields, the header has 2; the fields beyond the header: extra\"",
        lines[53]);
    assertTrue(one.contains("Summary[rows=5000, tagged=1619, errors=143,"), one.substring(one.lastIndexOf('\n')));
    assertTrue(one.contains("errorSamples=[line 54 (id 53): record has 3 fields, the header has 2,"), one);
  }

  @Test
  void aFileErrorAfterManyRowsStopsTheJobWithItsLine() throws IOException {
    Path in = csv(3_000);
    byte[] bytes = Files.readAllBytes(in);
    byte[] bad = java.util.Arrays.copyOf(bytes, bytes.length + 3);
    bad[bytes.length] = 'x';
    bad[bytes.length + 1] = (byte) 0xFF;
    bad[bytes.length + 2] = '\n';
    Files.write(in, bad);
    FeedbackFileException e = assertThrows(FeedbackFileException.class, () -> run(in, 2, 100, new ArrayList<>()));
    assertEquals(3_002, e.line());
  }

  @Test
  void anErrorInAClassifierThreadReachesTheCaller() throws IOException {
    Path in = csv(2_000);
    ThemeClassifier broken = new Fake() {
      @Override
      public Classification classify(String text) {
        if (text.equals("row 1000")) {
          throw new AssertionError("broken");
        }
        return super.classify(text);
      }
    };
    ClassifyJob job = new ClassifyJob(broken,
        new ClassifyJob.Settings(in, FeedbackFormat.CSV, "comment", null, OutputColumns.withPrefix(""), 2, 64));
    AssertionError e = assertThrows(AssertionError.class,
        () -> job.run(new ByteArrayOutputStream(), (r, b, s) -> {}, b -> {}));
    assertEquals("broken", e.getMessage());
  }

  @Test
  void failureNamesTheExceptionButNeverQuotesTheComment() {
    String text = "My worker Jane Smith never called back";
    assertEquals("IllegalStateException: bad state at token 3",
        ClassifyJob.failure(new IllegalStateException("bad state at token 3"), text));
    assertEquals("IllegalArgumentException",
        ClassifyJob.failure(new IllegalArgumentException("cannot parse '" + text + "'"), text));
    assertEquals("IllegalArgumentException",
        ClassifyJob.failure(new IllegalArgumentException("cannot parse 'My worker Jane Smith never'"), text));
    assertEquals("NullPointerException", ClassifyJob.failure(new NullPointerException(), text));
  }
}
