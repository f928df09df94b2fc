package org.verbatim.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports heap use per iteration, in MB:
 * <ul>
 *   <li>{@code heap.peak}: the sum over heap memory pools of each pool's peak use during the iteration (the
 *       peaks are reset before it starts; an upper bound of the simultaneous peak);
 *   <li>{@code heap.live}: the used heap after the iteration and a {@code System.gc()}, i.e. what the loaded
 *       models and benchmark state retain.
 * </ul>
 * Use: {@code java -jar benchmarks/target/benchmarks.jar CodebookBenchmark -prof org.verbatim.bench.HeapProfiler}
 * (JMH's own {@code -prof gc} gives allocation rates).
 *
 * <p>JMH creates one instance per fork and calls it from one thread.
 */
public final class HeapProfiler implements InternalProfiler {

  private static final double MB = 1024.0 * 1024.0;

  @Override
  public String getDescription() {
    return "heap peak during the iteration and live heap after it (MB)";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    for (MemoryPoolMXBean pool : heapPools()) {
      pool.resetPeakUsage();
    }
  }

  @Override
  public Collection<? extends Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      peak += pool.getPeakUsage().getUsed();
    }
    System.gc();
    Runtime rt = Runtime.getRuntime();
    long live = rt.totalMemory() - rt.freeMemory();
    return List.of(
        new ScalarResult("heap.peak", peak / MB, "MB", AggregationPolicy.MAX),
        new ScalarResult("heap.live", live / MB, "MB", AggregationPolicy.MAX));
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }
}
