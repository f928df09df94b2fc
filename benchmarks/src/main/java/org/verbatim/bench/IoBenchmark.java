package org.verbatim.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.io.ClassifiedWriter;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.OutputColumns;
import org.verbatim.io.RecordBatch;

/**
 * The batch path of {@code verbatim classify} without the classifier: reading a feedback file into
 * {@link RecordBatch}es ({@code read}), and reading plus writing every row with a fixed classification of two
 * themes with evidence ({@code readWrite}), in rows per second on one thread. The file ({@value #ROWS} rows of
 * dataset comments, or the built-in sentences) is written to a temporary folder in the setup and read from the
 * page cache; the output goes to a stream that only counts bytes, so no disk is timed.
 *
 * <p>Compare with the classifier's comments per second ({@link CodebookBenchmark}): the batch path is meant to
 * cost a small fraction of it. Run: {@code java -jar benchmarks/target/benchmarks.jar IoBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class IoBenchmark {

  /** Rows in the file, and operations per call. */
  public static final int ROWS = 50_000;

  @Param({"csv", "jsonl"})
  public String format;

  Path dir;
  Path file;
  FeedbackFormat fileFormat;
  Classification two;

  @Setup(Level.Trial)
  public void writeFile() throws IOException {
    dir = Files.createTempDirectory("verbatim-io-bench");
    fileFormat = FeedbackFormat.parse(format);
    Path csv = dir.resolve("in.csv");
    BigCsv.write(BigCsv.pool(SampleComments.datasetsFolder()), ROWS, 42L, csv);
    if (fileFormat == FeedbackFormat.CSV) {
      file = csv;
    } else {
      file = dir.resolve("in.jsonl");
      ObjectMapper json = new ObjectMapper();
      try (FeedbackReader in = FeedbackReader.open(csv); BufferedWriter out = Files.newBufferedWriter(file)) {
        for (var r = in.next(); r != null; r = in.next()) {
          ObjectNode o = json.createObjectNode();
          r.asMap().forEach(o::put);
          out.write(json.writeValueAsString(o));
          out.write('\n');
        }
      }
    }
    two = new Classification(List.of(
        new ThemeTag("listening", 0.8333, Polarity.NEGATIVE, List.of(new Evidence(0, 2), new Evidence(3, 4))),
        new ThemeTag("respect", 0.5, Polarity.POSITIVE, List.of(new Evidence(1, 3)))));
  }

  @TearDown(Level.Trial)
  public void delete() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  /** Reads every record into batches of 1,024; the text column becomes a string. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long read() throws IOException {
    long rows = 0;
    try (FeedbackReader reader = FeedbackReader.open(file, fileFormat)) {
      RecordBatch batch = reader.newBatch(1024, "text");
      for (int n = reader.next(batch); n > 0; n = reader.next(batch)) {
        rows += n;
      }
    }
    return rows;
  }

  /** Reads every record, gives it two themes (none for a text under 4 characters) and writes it. */
  @Benchmark
  @OperationsPerInvocation(ROWS)
  public long readWrite(Blackhole bh) throws IOException {
    Counting out = new Counting();
    try (FeedbackReader reader = FeedbackReader.open(file, fileFormat);
        ClassifiedWriter writer = ClassifiedWriter.open(fileFormat, out, reader.header(), OutputColumns.withPrefix(""),
            reader.hadByteOrderMark())) {
      RecordBatch batch = reader.newBatch(1024, "text");
      for (int n = reader.next(batch); n > 0; n = reader.next(batch)) {
        for (int i = 0; i < n; i++) {
          batch.classified(i, batch.text(i).length() >= 4 ? two : Classification.EMPTY);
        }
        writer.write(batch);
      }
    }
    bh.consume(out.bytes);
    return out.bytes;
  }
}
