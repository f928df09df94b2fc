package org.verbatim.bench;

import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.model.ModelLoader;

/**
 * In-process throughput of a trained model on the comments of a CSV (its {@code text} column), in comments per CPU
 * second of the classifying thread, so that a shared machine's load moves the figure less than a wall-clock rate:
 * the model is loaded (wall and CPU seconds printed), then every comment is classified one {@code classify} call at a time
 * (as {@code verbatim classify} does), {@code --passes} times. Each pass prints a digest of every tag's theme,
 * exact score bits, polarity and evidence offsets, so two builds (or JIT modes) can be shown to give identical
 * results.
 *
 * <p>Run (from the project root), for example with the launcher's C1-only JIT and then with C2:
 * {@code java -XX:TieredStopAtLevel=1 -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ModelThroughput
 * --model nhs-fft-v6.zip --input benchmarks/target/cli-bench/big-200000-42.csv --passes 3}. To time another build,
 * put its {@code verbatim.jar} first on the class path.
 */
public final class ModelThroughput {

  private ModelThroughput() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("model", "input", "passes", "rows"), List.of());
    Path model = a.path("model").orElseThrow(() -> new IllegalArgumentException("--model ZIP is required"));
    Path input = a.path("input").orElseThrow(() -> new IllegalArgumentException("--input CSV is required"));
    int passes = a.intValue("passes", 3);
    List<String> texts = texts(input, a.intValue("rows", Integer.MAX_VALUE));
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    long t0 = mx.getCurrentThreadCpuTime();
    long w0 = System.nanoTime();
    ThemeClassifier c = ModelLoader.load(model);
    System.out.printf(Locale.ROOT, "model loaded in %.3f s (%.3f CPU s of the loading thread); %d comments%n",
        (System.nanoTime() - w0) / 1e9, (mx.getCurrentThreadCpuTime() - t0) / 1e9, texts.size());
    for (int p = 1; p <= passes; p++) {
      long start = mx.getCurrentThreadCpuTime();
      long digest = 1;
      for (String t : texts) {
        Classification r = t.isBlank() ? Classification.EMPTY : c.classify(t);
        digest = digest(digest, r);
      }
      double cpu = (mx.getCurrentThreadCpuTime() - start) / 1e9;
      System.out.printf(Locale.ROOT, "pass %d: %.3f CPU s, %.0f comments per CPU s, digest %016x%n", p, cpu,
          texts.size() / cpu, digest);
    }
  }

  /** Folds a classification into a running digest (theme, score bits, polarity, evidence offsets, tag count). */
  static long digest(long h, Classification r) {
    for (ThemeTag tag : r.tags()) {
      h = h * 31 + tag.themeId().hashCode();
      h = h * 31 + Double.doubleToLongBits(tag.score());
      h = h * 31 + tag.polarity().ordinal();
      for (Evidence e : tag.evidence()) {
        h = h * 31 + e.start();
        h = h * 31 + e.end();
      }
    }
    return h * 17 + r.tags().size();
  }

  private static List<String> texts(Path csv, int max) throws IOException {
    List<String> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r)
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      for (CSVRecord rec : p) {
        if (out.size() >= max) {
          break;
        }
        out.add(rec.get("text"));
      }
    }
    return out;
  }
}
