package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * One-iteration smoke run of every JMH benchmark class, in process ({@code forks(0)}): checks that each
 * benchmark runs and produces a finite positive score. The figures mean nothing; the real run is in the README.
 */
class JmhSmokeTest {

  private static String previousDatasets;

  @BeforeAll
  static void hermeticComments() {
    previousDatasets = System.getProperty("verbatim.datasets");
    System.setProperty("verbatim.datasets", "builtin");
  }

  @AfterAll
  static void restore() {
    if (previousDatasets == null) {
      System.clearProperty("verbatim.datasets");
    } else {
      System.setProperty("verbatim.datasets", previousDatasets);
    }
  }

  private static ChainedOptionsBuilder smoke(Class<?> benchmark) {
    return new OptionsBuilder()
        .include("^" + benchmark.getName().replace(".", "\\.") + "\\.")
        .forks(0)
        .warmupIterations(1)
        .warmupTime(TimeValue.milliseconds(100))
        .measurementIterations(1)
        .measurementTime(TimeValue.milliseconds(100))
        .timeUnit(TimeUnit.MICROSECONDS)
        .shouldFailOnError(true)
        .verbosity(VerboseMode.SILENT);
  }

  private static Set<String> checkScores(Collection<RunResult> results) {
    Set<String> names = new TreeSet<>();
    for (RunResult r : results) {
      Result<?> primary = r.getPrimaryResult();
      String name = r.getParams().getBenchmark() + r.getParams().getParamsKeys().stream()
          .map(k -> " " + k + "=" + r.getParams().getParam(k)).reduce("", String::concat);
      assertTrue(Double.isFinite(primary.getScore()) && primary.getScore() > 0,
          name + " gave score " + primary.getScore());
      names.add(name);
    }
    return names;
  }

  @Test
  void codebookBenchmarkRunsEveryMethodOnBothProfiles() throws RunnerException {
    Collection<RunResult> results = new Runner(smoke(CodebookBenchmark.class)
        .param("length", "short")
        .addProfiler(HeapProfiler.class)
        .build()).run();
    Set<String> names = checkScores(results);
    // 4 methods x 2 profiles
    assertEquals(8, names.size(), names.toString());
    for (RunResult r : results) {
      Result<?> peak = r.getSecondaryResults().get("heap.peak");
      assertTrue(peak != null && peak.getScore() > 0, "heap.peak missing or not positive: " + r.getSecondaryResults().keySet());
    }
  }

  @Test
  void supervisedBenchmarkRunsEveryMethod(@TempDir Path models) throws RunnerException {
    System.setProperty("verbatim.bench.models", models.toString());
    try {
      Collection<RunResult> results =
          new Runner(smoke(SupervisedBenchmark.class).param("length", "short").build()).run();
      Set<String> names = checkScores(results);
      // 4 classification methods on short comments, plus loadModel
      assertEquals(5, names.size(), names.toString());
    } finally {
      System.clearProperty("verbatim.bench.models");
    }
  }

  @Test
  void loadBenchmarkRunsEveryMethod() throws RunnerException {
    Collection<RunResult> results = new Runner(smoke(LoadBenchmark.class).warmupIterations(0).build()).run();
    Set<String> names = checkScores(results);
    // pipeline and codebookClassifier on 2 profiles, defaultCodebook once
    assertEquals(5, names.size(), names.toString());
  }

  @Test
  void ioBenchmarkRunsEveryMethodOnBothFormats() throws RunnerException {
    Collection<RunResult> results = new Runner(smoke(IoBenchmark.class).build()).run();
    Set<String> names = checkScores(results);
    // read and readWrite on csv and jsonl
    assertEquals(4, names.size(), names.toString());
    assertEquals(2, checkScores(new Runner(smoke(IoRecordsBenchmark.class).build()).run()).size());
  }
}
