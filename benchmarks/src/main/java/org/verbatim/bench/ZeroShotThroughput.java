package org.verbatim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.verbatim.ThemeClassifier;
import org.verbatim.text.Profile;

/**
 * Steady-state zero-shot throughput on one thread: the default codebook on the FAST pipeline, with its learned layer
 * ({@code layer=true}, the default classifier) and without it, with the layer's learned polarity
 * ({@code learnedPolarity=true}, the default) or the rule polarity (its layer without the learned polarity), over the datasets' comments as they come (every length, {@link SampleComments.Length#ANY}), one {@code classify(String)} per
 * comment. Besides JMH's comments per second (wall time), each measurement iteration prints comments per CPU
 * second of the benchmark thread ({@code cpu: ...} lines), which depends much less on what else the machine runs.
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar ZeroShotThroughput}; the cost of the learned polarity
 * alone: {@code ... ZeroShotThroughput -p layer=true} (the two polarity settings in one run); another layer than the
 * bundled one: {@code -p layerFile=layer.tsv}.
 */
@State(Scope.Thread)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
public class ZeroShotThroughput {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  /** With the default codebook's learned layer (the default classifier) or its cues alone. */
  @Param({"true", "false"})
  boolean layer;

  /** With the layer's learned polarity (the default) or the rule polarity; no effect without the layer. */
  @Param({"true", "false"})
  boolean learnedPolarity;

  /** A layer file (text, from {@code verbatim train-layer}) to use instead of the bundled layer; empty for the bundled one. */
  @Param({""})
  String layerFile;

  ThemeClassifier classifier;
  List<String> comments;
  int next;
  long count;
  long cpuStart;

  @Setup(Level.Trial)
  public void load() {
    org.verbatim.classify.WordLayer l = org.verbatim.codebooks.DefaultCodebooks.socialCareLayer();
    if (!layerFile.isEmpty()) {
      try (java.io.Reader r = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(layerFile))) {
        l = org.verbatim.classify.WordLayer.read(r, layerFile);
      } catch (java.io.IOException | org.verbatim.model.ModelFormatException e) {
        throw new IllegalStateException("cannot read the layer " + layerFile + ": " + e.getMessage(), e);
      }
    }
    classifier = layer ? Classifiers.codebook(Profile.FAST).withLayer(learnedPolarity ? l : l.withPolarity(null))
        : Classifiers.codebook(Profile.FAST);
    comments = SampleComments.of(SampleComments.Length.ANY, 20_000, 42L);
  }

  @Setup(Level.Iteration)
  public void startClock() {
    count = 0;
    cpuStart = THREADS.getCurrentThreadCpuTime();
  }

  @TearDown(Level.Iteration)
  public void stopClock() {
    double cpu = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
    System.out.printf(Locale.ROOT, "%ncpu: %.0f comments per CPU second (%d comments, %.2f CPU s)%n", count / cpu, count, cpu);
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @Threads(1)
  public void classify(Blackhole bh) {
    String text = comments.get(next);
    next = next + 1 == comments.size() ? 0 : next + 1;
    count++;
    bh.consume(classifier.classify(text));
  }
}
