package org.verbatim.corenlp;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.opennlp.OpenNlpPipeline;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;

/**
 * Measures one pipeline on the first comments of a CSV file, in one thread: model load time, throughput (comments
 * per second, after a warm-up pass over the same comments) and the heap in use after a GC. Not a unit test (no
 * timed assertions); run it in a fresh JVM per pipeline, as {@code docs/corenlp.md} shows:
 *
 * <pre>{@code
 * mvn -B -q -o -pl corenlp -am test-compile dependency:build-classpath -Dmdep.outputFile=/tmp/cp.txt
 * java -Xmx3g -cp corenlp/target/test-classes:corenlp/target/classes:$(cat /tmp/cp.txt) \
 *     org.verbatim.corenlp.PipelineMeasurements corenlp /path/to/train.csv 2000
 * }</pre>
 *
 * Pipelines: {@code opennlp-fast}, {@code opennlp-full}, {@code corenlp-lexical} (FULL, no dependency parse),
 * {@code corenlp} (FULL, dependency negation), {@code corenlp-sentiment} (FULL, dependency negation and sentiment).
 * The CSV needs a {@code text} column. Prints figures only, never comment text.
 */
public final class PipelineMeasurements {

  private PipelineMeasurements() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 2) {
      System.err.println("usage: PipelineMeasurements PIPELINE CSV [LIMIT]");
      System.exit(2);
    }
    String name = args[0];
    Path csv = Path.of(args[1]);
    int limit = args.length > 2 ? Integer.parseInt(args[2]) : 2000;
    List<String> texts = read(csv, limit);
    long heapBefore = usedAfterGc();
    long t0 = System.nanoTime();
    TextPipeline pipeline = pipeline(name);
    pipeline.analyze("Warm the models up: she did not listen.");
    double loadSeconds = (System.nanoTime() - t0) / 1e9;
    long warmTokens = 0;
    for (String t : texts) {
      warmTokens += pipeline.analyze(t).tokens().size();
    }
    long t1 = System.nanoTime();
    long tokens = 0;
    for (String t : texts) {
      tokens += pipeline.analyze(t).tokens().size();
    }
    double seconds = (System.nanoTime() - t1) / 1e9;
    long heapAfter = usedAfterGc();
    String fallbacks = pipeline instanceof CoreNlpPipeline c ? Long.toString(c.fallbacks()) : "-";
    System.out.printf(Locale.ROOT,
        "%s: %d comments, %d tokens; load %.1f s; %.1f comments/s (%.0f tokens/s); heap after GC %d MB"
            + " (%d MB more than before loading); fallbacks %s%n",
        name, texts.size(), tokens, loadSeconds, texts.size() / seconds, tokens / seconds,
        heapAfter >> 20, (heapAfter - heapBefore) >> 20, fallbacks);
    if (warmTokens != tokens) {
      System.out.println("warning: the two passes gave different token counts");
    }
  }

  static TextPipeline pipeline(String name) {
    switch (name) {
      case "opennlp-fast":
        return RulePipeline.create();
      case "opennlp-full":
        return OpenNlpPipeline.create();
      case "corenlp-lexical":
        return CoreNlpPipeline.create(Profile.FULL, new CoreNlpPipeline.Options(false, false)).load();
      case "corenlp":
        return CoreNlpPipeline.create(Profile.FULL, CoreNlpPipeline.Options.DEFAULT).load();
      case "corenlp-sentiment":
        return CoreNlpPipeline.create(Profile.FULL, new CoreNlpPipeline.Options(true, true)).load();
      default:
        throw new IllegalArgumentException("unknown pipeline: " + name
            + " (expected opennlp-fast, opennlp-full, corenlp-lexical, corenlp, corenlp-sentiment)");
    }
  }

  private static List<String> read(Path csv, int limit) throws IOException {
    List<String> texts = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(csv)) {
      for (CSVRecord rec : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        texts.add(rec.get("text"));
        if (texts.size() >= limit) {
          break;
        }
      }
    }
    return texts;
  }

  private static long usedAfterGc() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
