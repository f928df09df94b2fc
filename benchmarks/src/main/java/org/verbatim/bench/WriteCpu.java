package org.verbatim.bench;

import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.io.ClassifiedWriter;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.OutputColumns;
import org.verbatim.io.RecordBatch;

/**
 * CPU time per row of the batch path without the classifier: reads a CSV file into batches, gives each row of 31
 * characters or more a fixed classification (two themes, three evidence spans of 5-12 characters) and writes it as
 * {@code verbatim classify}'s wide CSV to a stream that only counts bytes. It measures the thread's CPU time, not
 * wall time, so a busy shared machine disturbs it less than a JMH throughput run; it uses only public API, so the same
 * source compiled against an older jar measures that jar:
 *
 * <pre>
 * javac -cp OLD/benchmarks.jar -d /tmp/old-probe benchmarks/src/main/java/org/verbatim/bench/WriteCpu.java
 * java -Xms256m -Xmx256m -cp /tmp/old-probe:OLD/benchmarks.jar org.verbatim.bench.WriteCpu FILE.csv 5 10
 * java -Xms256m -Xmx256m -cp benchmarks/target/benchmarks.jar org.verbatim.bench.WriteCpu FILE.csv 5 10
 * </pre>
 *
 * Arguments: the CSV file (a {@code text} column), warm-up passes, measured passes. Prints the median, minimum and
 * maximum CPU nanoseconds per row of the measured passes, and the output's size.
 */
public final class WriteCpu {
  static final class Counting extends OutputStream {
    long bytes;
    @Override public void write(int b) { bytes++; }
    @Override public void write(byte[] b, int off, int len) { bytes += len; }
  }

  private WriteCpu() {}

  public static void main(String[] args) throws Exception {
    Path file = Path.of(args[0]);
    int warm = Integer.parseInt(args[1]);
    int runs = Integer.parseInt(args[2]);
    Classification two = new Classification(List.of(
        new ThemeTag("listening", 0.8333, Polarity.NEGATIVE, List.of(new Evidence(0, 12), new Evidence(20, 31))),
        new ThemeTag("respect", 0.5, Polarity.POSITIVE, List.of(new Evidence(14, 19)))));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    double[] ns = new double[runs];
    long bytes = 0;
    for (int r = -warm; r < runs; r++) {
      long rows = 0;
      Counting out = new Counting();
      long t0 = mx.getCurrentThreadCpuTime();
      try (FeedbackReader reader = FeedbackReader.open(file);
          ClassifiedWriter writer = ClassifiedWriter.open(reader.format(), out, reader.header(), OutputColumns.withPrefix(""),
              reader.hadByteOrderMark())) {
        RecordBatch batch = reader.newBatch(1024, "text");
        for (int n = reader.next(batch); n > 0; n = reader.next(batch)) {
          for (int i = 0; i < n; i++) {
            batch.classified(i, batch.text(i).length() >= 31 ? two : Classification.EMPTY);
          }
          writer.write(batch);
          rows += n;
        }
      }
      long t1 = mx.getCurrentThreadCpuTime();
      if (r >= 0) {
        ns[r] = (t1 - t0) / (double) rows;
      }
      bytes = out.bytes;
    }
    Arrays.sort(ns);
    System.out.printf("cpu ns/row median %.1f min %.1f max %.1f; output bytes %d%n", ns[runs / 2], ns[0], ns[runs - 1], bytes);
  }
}
