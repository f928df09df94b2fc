package org.verbatim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.verbatim.ThemeClassifier;
import org.verbatim.text.Profile;

/**
 * Latency and throughput of the zero-shot codebook classifier (default social-care codebook) on the FAST and
 * FULL pipeline profiles, for short, medium and long comments, on one thread and on all cores.
 *
 * <ul>
 *   <li>{@code latency*}: one comment per call, {@link Mode#SampleTime} in microseconds (percentiles in the
 *       JMH output);
 *   <li>{@code batch*}: {@link #BATCH} comments per call through {@code classifyAll}, reported as comments per
 *       second ({@link OperationsPerInvocation}).
 * </ul>
 * Run: {@code java -jar benchmarks/target/benchmarks.jar CodebookBenchmark -prof org.verbatim.bench.HeapProfiler}.
 */
@State(Scope.Benchmark)
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
    "-Dslf4j.internal.verbosity=WARN"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class CodebookBenchmark {

  /** Comments per {@code batch} call. */
  public static final int BATCH = 100;

  @Param({"FAST", "FULL"})
  public Profile profile;

  @Param({"short", "medium", "long"})
  public String length;

  ThemeClassifier classifier;
  List<String> comments;
  List<String> batch;

  @Setup(Level.Trial)
  public void load() {
    classifier = Classifiers.codebook(profile);
    comments = SampleComments.of(SampleComments.Length.parse(length), 256, 42L);
    batch = Cursor.batch(comments, BATCH);
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public void latency(Cursor cursor, Blackhole bh) {
    bh.consume(classifier.classify(cursor.next(comments)));
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(Threads.MAX)
  public void latencyAllCores(Cursor cursor, Blackhole bh) {
    bh.consume(classifier.classify(cursor.next(comments)));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  @Threads(1)
  public void batch(Blackhole bh) {
    bh.consume(classifier.classifyAll(batch));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(BATCH)
  @Threads(Threads.MAX)
  public void batchAllCores(Blackhole bh) {
    bh.consume(classifier.classifyAll(batch));
  }
}
