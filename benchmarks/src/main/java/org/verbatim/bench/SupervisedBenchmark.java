package org.verbatim.bench;

import java.io.IOException;
import java.nio.file.Path;
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
import org.verbatim.model.ModelFormatException;
import org.verbatim.model.ModelLoader;
import org.verbatim.classify.ClassifierKind;

/**
 * Latency, batch throughput and load time of a supervised model: trained once by {@link SupervisedModels} on a
 * dataset's train.csv (default {@code nhs-fft-v6}), saved as a model file, and loaded from it in
 * {@code @Setup(Level.Trial)}; short, medium and long comments; one thread and all cores. Modes and units as in
 * {@link CodebookBenchmark}; {@code loadModel} times loading the model file ({@link Mode#SingleShotTime}, ms,
 * 5 warm-up loads then 5 measured per fork).
 *
 * <p>Run: {@code java -jar benchmarks/target/benchmarks.jar SupervisedBenchmark}.
 */
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
    "-Dslf4j.internal.verbosity=WARN"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class SupervisedBenchmark {

  /** The model file and the loaded model of a classifier kind. */
  @State(Scope.Benchmark)
  public static class Model {
    @Param({"nb-logistic"})
    public String kind;

    Path file;
    ThemeClassifier classifier;

    @Setup(Level.Trial)
    public void load() throws IOException, ModelFormatException {
      file = SupervisedModels.modelFile(ClassifierKind.parse(kind));
      classifier = ModelLoader.load(file);
    }
  }

  /** The comments of a length class. */
  @State(Scope.Benchmark)
  public static class Comments {
    @Param({"short", "medium", "long"})
    public String length;

    List<String> comments;
    List<String> batch;

    @Setup(Level.Trial)
    public void load() {
      comments = SampleComments.of(SampleComments.Length.parse(length), 256, 42L);
      batch = Cursor.batch(comments, CodebookBenchmark.BATCH);
    }
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(1)
  public void latency(Model m, Comments c, Cursor cursor, Blackhole bh) {
    bh.consume(m.classifier.classify(cursor.next(c.comments)));
  }

  @Benchmark
  @BenchmarkMode(Mode.SampleTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  @Threads(Threads.MAX)
  public void latencyAllCores(Model m, Comments c, Cursor cursor, Blackhole bh) {
    bh.consume(m.classifier.classify(cursor.next(c.comments)));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(CodebookBenchmark.BATCH)
  @Threads(1)
  public void batch(Model m, Comments c, Blackhole bh) {
    bh.consume(m.classifier.classifyAll(c.batch));
  }

  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  @OperationsPerInvocation(CodebookBenchmark.BATCH)
  @Threads(Threads.MAX)
  public void batchAllCores(Model m, Comments c, Blackhole bh) {
    bh.consume(m.classifier.classifyAll(c.batch));
  }

  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  public void loadModel(Model m, Blackhole bh) throws IOException, ModelFormatException {
    bh.consume(ModelLoader.load(m.file));
  }
}
