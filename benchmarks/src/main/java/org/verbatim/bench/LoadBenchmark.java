package org.verbatim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import org.verbatim.text.Profile;

/**
 * Load times, one cold call per iteration ({@link Mode#SingleShotTime}, milliseconds): the OpenNLP pipeline of
 * each profile, the default codebook alone, and a ready zero-shot classifier (codebook + pipeline).
 *
 * <p>The pipeline keeps the OpenNLP models in a per-JVM cache after the first load, so each fork (a fresh JVM)
 * measures exactly one cold shot, class loading included: the score is the mean over 5 forks. Run:
 * {@code java -jar benchmarks/target/benchmarks.jar LoadBenchmark}.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 5, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dslf4j.provider=org.slf4j.helpers.NOP_FallbackServiceProvider",
    "-Dslf4j.internal.verbosity=WARN"})
@Warmup(iterations = 0)
@Measurement(iterations = 1)
public class LoadBenchmark {

  /** The pipeline profile to load. */
  @State(Scope.Benchmark)
  public static class Profiles {
    @Param({"FAST", "FULL"})
    public Profile profile;
  }

  @Benchmark
  public void pipeline(Profiles p, Blackhole bh) {
    bh.consume(Classifiers.pipeline(p.profile));
  }

  @Benchmark
  public void codebookClassifier(Profiles p, Blackhole bh) {
    bh.consume(Classifiers.codebook(p.profile));
  }

  /** Loading and validating the default codebook alone. */
  @Benchmark
  public void defaultCodebook(Blackhole bh) {
    bh.consume(Classifiers.socialCare());
  }
}
