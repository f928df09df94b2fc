package org.verbatim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.ToIntFunction;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.text.AnalyzedText;
import org.verbatim.opennlp.OpenNlpPipeline;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.Token;

/**
 * Single-thread throughput of the text pipeline, and of the raw OpenNLP segmenters the {@code FAST} profile chose
 * between, on the comments of a CSV file.
 *
 * <pre>{@code
 * java -cp ... org.verbatim.bench.PipelineThroughput [file.csv] [--column=text] [--warmup=3] [--rounds=7]
 * }</pre>
 *
 * <p>Default file: {@code /work/shared/datasets/nhs-fft-v6/train.csv}. Each variant runs {@code warmup} untimed
 * passes over all comments, then {@code rounds} timed passes; it prints comments/s and tokens/s for the best and
 * the median pass. It also prints how often the {@code FAST} tokens agree with the {@code FULL} (maxent) ones.
 * Comment text is never printed.
 *
 * <p>A plain {@code main}, not JMH: a quick, repeatable figure for the README and for choosing the FAST segmenter.
 */
public final class PipelineThroughput {

  private static final String DEFAULT_CSV = "/work/shared/datasets/nhs-fft-v6/train.csv";

  private PipelineThroughput() {}

  public static void main(String[] args) throws IOException {
    Path csv = Path.of(DEFAULT_CSV);
    String column = "text";
    int warmup = 3;
    int rounds = 7;
    for (String a : args) {
      if (a.startsWith("--column=")) {
        column = a.substring("--column=".length());
      } else if (a.startsWith("--warmup=")) {
        warmup = positive(a, "--warmup=");
      } else if (a.startsWith("--rounds=")) {
        rounds = positive(a, "--rounds=");
      } else if (a.startsWith("--")) {
        throw new IllegalArgumentException("unknown option " + a + "; expected --column=, --warmup= or --rounds=");
      } else {
        csv = Path.of(a);
      }
    }
    List<String> texts = readColumn(csv, column);
    long chars = texts.stream().mapToLong(String::length).sum();
    System.out.printf(Locale.ROOT, "%s: %d comments, %.1f characters on average; warm-up %d, rounds %d, 1 thread, %s%n",
        csv, texts.size(), (double) chars / texts.size(), warmup, rounds, Runtime.version());

    SentenceDetectorME detector = new SentenceDetectorME(new SentenceModel(resource("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin")));
    TokenizerME tokenizer = new TokenizerME(new TokenizerModel(resource("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")));
    TextPipeline fast = RulePipeline.create();
    TextPipeline full = OpenNlpPipeline.create();

    run("raw OpenNLP SimpleTokenizer", texts, warmup, rounds, t -> SimpleTokenizer.INSTANCE.tokenizePos(t).length);
    run("raw OpenNLP SentenceDetectorME+TokenizerME", texts, warmup, rounds, t -> {
      int n = 0;
      for (Span s : detector.sentPosDetect(t)) {
        n += tokenizer.tokenizePos(s.getCoveredText(t).toString()).length;
      }
      return n;
    });
    run("pipeline FAST", texts, warmup, rounds, t -> fast.analyze(t).tokens().size());
    run("pipeline FULL", texts, Math.min(warmup, 2), Math.min(rounds, 5), t -> full.analyze(t).tokens().size());

    agreement(texts, fast, full);
  }

  private static void run(String name, List<String> texts, int warmup, int rounds, ToIntFunction<String> work) {
    long sink = 0;
    for (int r = 0; r < warmup; r++) {
      for (String t : texts) {
        sink += work.applyAsInt(t);
      }
    }
    double[] seconds = new double[rounds];
    long tokens = 0;
    for (int r = 0; r < rounds; r++) {
      long n = 0;
      long t0 = System.nanoTime();
      for (String t : texts) {
        n += work.applyAsInt(t);
      }
      seconds[r] = (System.nanoTime() - t0) / 1e9;
      tokens = n;
      sink += n;
    }
    double[] sorted = seconds.clone();
    Arrays.sort(sorted);
    double best = sorted[0];
    double median = sorted[rounds / 2];
    System.out.printf(Locale.ROOT,
        "%-44s best %,9.0f comments/s %,11.0f tokens/s | median %,9.0f comments/s %,11.0f tokens/s | %,d tokens (sink %d)%n",
        name, texts.size() / best, tokens / best, texts.size() / median, tokens / median, tokens, sink % 10);
  }

  /** How far FAST tokenization and sentence splitting agree with FULL's maxent ones (FULL taken as reference). */
  private static void agreement(List<String> texts, TextPipeline fast, TextPipeline full) {
    long fullTokens = 0;
    long fastTokens = 0;
    long sameSpans = 0;
    long sameSentenceCount = 0;
    long sameNegated = 0;
    long negatedFull = 0;
    long negatedFast = 0;
    for (String t : texts) {
      AnalyzedText a = full.analyze(t);
      AnalyzedText b = fast.analyze(t);
      Set<Long> spans = new HashSet<>();
      Set<Long> negated = new HashSet<>();
      for (Token k : b.tokens()) {
        spans.add(((long) k.start() << 32) | k.end());
        if (k.negated()) {
          negated.add(((long) k.start() << 32) | k.end());
          negatedFast++;
        }
      }
      for (Token k : a.tokens()) {
        long key = ((long) k.start() << 32) | k.end();
        if (spans.contains(key)) {
          sameSpans++;
        }
        if (k.negated()) {
          negatedFull++;
          if (negated.contains(key)) {
            sameNegated++;
          }
        }
      }
      fullTokens += a.tokens().size();
      fastTokens += b.tokens().size();
      if (a.sentences().size() == b.sentences().size()) {
        sameSentenceCount++;
      }
    }
    System.out.printf(Locale.ROOT, "FAST vs FULL: %,d vs %,d tokens; %.2f%% of FULL token spans also in FAST;"
            + " same sentence count in %.2f%% of comments; negated tokens %,d vs %,d, %.2f%% of FULL's also negated in FAST%n",
        fastTokens, fullTokens, 100.0 * sameSpans / fullTokens, 100.0 * sameSentenceCount / texts.size(),
        negatedFast, negatedFull, negatedFull == 0 ? 100.0 : 100.0 * sameNegated / negatedFull);
  }

  private static List<String> readColumn(Path csv, String column) throws IOException {
    CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
      if (!parser.getHeaderMap().containsKey(column)) {
        throw new IllegalArgumentException(csv + ": no column '" + column + "'; columns are " + parser.getHeaderNames());
      }
      List<String> texts = new ArrayList<>();
      for (CSVRecord r : parser) {
        if (!r.isConsistent()) {
          throw new IllegalArgumentException(csv + ": record " + r.getRecordNumber() + " has " + r.size()
              + " fields, expected " + parser.getHeaderNames().size());
        }
        texts.add(r.get(column));
      }
      if (texts.isEmpty()) {
        throw new IllegalArgumentException(csv + ": no rows");
      }
      return texts;
    }
  }

  private static InputStream resource(String name) {
    InputStream in = PipelineThroughput.class.getClassLoader().getResourceAsStream(name);
    if (in == null) {
      throw new UncheckedIOException(new IOException("model " + name + " not on the class path"));
    }
    return in;
  }

  private static int positive(String arg, String prefix) {
    try {
      int v = Integer.parseInt(arg.substring(prefix.length()));
      if (v <= 0) {
        throw new IllegalArgumentException(prefix + " must be > 0: " + v);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(prefix + " expects a positive integer: " + arg, e);
    }
  }
}
