package org.verbatim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;

/**
 * The in-process figure the service load test is compared with: the comments of the service's request bodies
 * classified by the bundled codebook in this JVM, one thread, one comment per call and a batch of 50 per call, with
 * the median and 99th percentile time per call and the calls per second.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ServiceBaseline [SECONDS]
 * </pre>
 */
public final class ServiceBaseline {

  private ServiceBaseline() {}

  public static void main(String[] args) throws IOException {
    Machine.quietLogging();
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 20;
    ObjectMapper json = new ObjectMapper();
    List<String> texts = new ArrayList<>();
    for (String line : Files.readAllLines(Path.of("benchmarks/service/single.bodies"), StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        JsonNode n = json.readTree(line);
        texts.add(n.get("text").asText());
      }
    }
    ThemeClassifier classifier = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
    List<String> batch = texts.subList(0, 50);
    run("single", seconds / 2, () -> classifier.classify(texts.get(next(texts.size()))).tags().size());
    run("batch of 50", seconds / 2, () -> classifier.classifyAll(batch).size());
  }

  private static int i;

  private static int next(int n) {
    i = (i + 1) % n;
    return i;
  }

  private interface Call {
    int run();
  }

  private static void run(String label, double seconds, Call call) {
    long sink = 0;
    long warm = System.nanoTime() + (long) (2e9);
    while (System.nanoTime() < warm) {
      sink += call.run();
    }
    long[] times = new long[1 << 22];
    int n = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    long now = start;
    while (now < end && n < times.length) {
      long t0 = System.nanoTime();
      sink += call.run();
      now = System.nanoTime();
      times[n++] = now - t0;
    }
    double elapsed = (now - start) / 1e9;
    long[] sorted = Arrays.copyOf(times, n);
    Arrays.sort(sorted);
    System.out.printf(Locale.ROOT, "in-process %-12s calls %d, %.0f calls/s, p50 %.3f ms, p99 %.3f ms (sink %d)%n",
        label, n, n / elapsed, sorted[n / 2] / 1e6, sorted[(int) (n * 0.99)] / 1e6, sink % 10);
  }
}
