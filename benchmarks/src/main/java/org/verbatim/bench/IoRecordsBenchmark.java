package org.verbatim.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.verbatim.Classification;
import org.verbatim.io.ClassifiedRow;
import org.verbatim.io.ClassifiedWriter;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.io.OutputColumns;

/**
 * {@link IoBenchmark}'s {@code readWrite} done record by record through the API that predates the batch path
 * ({@code FeedbackReader.next()}, {@code ClassifiedWriter.write(ClassifiedRow)} into a UTF-8 {@link Writer}, as
 * {@code classify} did before): the same file, rows and classifications. It uses nothing newer, so the same
 * class also measures an older build of the library put first on the class path:
 * {@code java -cp OLD/verbatim.jar:benchmarks/target/benchmarks.jar org.openjdk.jmh.Main IoRecordsBenchmark}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class IoRecordsBenchmark {

  @Benchmark
  @OperationsPerInvocation(IoBenchmark.ROWS)
  public long readWrite(IoBenchmark state, Blackhole bh) throws IOException {
    Counting out = new Counting();
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
    try (FeedbackReader reader = FeedbackReader.open(state.file, state.fileFormat);
        ClassifiedWriter writer = ClassifiedWriter.open(state.fileFormat, w, reader.header(),
            OutputColumns.withPrefix(""), reader.hadByteOrderMark())) {
      for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) {
        String text = r.get("text").orElse("");
        writer.write(ClassifiedRow.of(r, text, text.length() >= 4 ? state.two : Classification.EMPTY));
      }
    }
    bh.consume(out.bytes);
    return out.bytes;
  }
}
