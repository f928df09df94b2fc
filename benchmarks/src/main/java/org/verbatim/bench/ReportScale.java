package org.verbatim.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.verbatim.report.ReportBuilder;
import org.verbatim.report.ReportOptions;

/**
 * The report at scale (moved here from the report module's unit tests, which check the same bounds on 5,000
 * rows): writes a synthetic classified CSV of {@code rows} rows (the built-in sample sentences, seeded themes,
 * polarity and evidence), builds the HTML report from it and checks that the report stays small and samples a
 * bounded number of quotes.
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ReportScale --rows 100000 --out benchmarks/target/report-scale
 * }</pre>
 *
 * <p>Prints one line: rows, seconds, rows/s, report bytes, quotes. Exits 1 when a bound fails.
 */
public final class ReportScale {

  static final List<String> THEMES = List.of("respect", "honesty", "power", "listening", "clarity", "reliability",
      "empathy", "fairness", "support", "competence");

  private ReportScale() {}

  /** What one run measured. */
  record Result(long rows, double seconds, long bytes, int quotes, int themes) {}

  /** Writes the synthetic classified CSV and returns the number of distinct themes in it. */
  static int writeClassified(Path file, int rows, long seed) throws IOException {
    SplittableRandom r = new SplittableRandom(seed);
    boolean[] seen = new boolean[THEMES.size()];
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter p = new CSVPrinter(w, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      p.printRecord("id", "date", "team", "comment", "themes", "scores", "polarity", "evidence", "error");
      for (int i = 0; i < rows; i++) {
        String text = SampleComments.BUILT_IN.get(r.nextInt(SampleComments.BUILT_IN.size()));
        List<String> themes = new ArrayList<>();
        List<String> scores = new ArrayList<>();
        List<String> pols = new ArrayList<>();
        List<String> ev = new ArrayList<>();
        int k = r.nextInt(3);
        for (int t = 0; t < k; t++) {
          int th = r.nextInt(THEMES.size());
          String id = THEMES.get(th);
          if (themes.contains(id)) {
            continue;
          }
          seen[th] = true;
          themes.add(id);
          scores.add(id + ":0." + (50 + r.nextInt(49)));
          pols.add(id + ":" + (r.nextBoolean() ? "positive" : "negative"));
          int end = Math.min(text.length(), 1 + r.nextInt(Math.max(1, text.length())));
          ev.add(id + ":0-" + end);
        }
        p.printRecord("r" + i, String.format(Locale.ROOT, "2026-%02d-%02d", 1 + r.nextInt(12), 1 + r.nextInt(28)),
            "team " + r.nextInt(12), text, String.join(";", themes), String.join(";", scores), String.join(";", pols),
            String.join(";", ev), "");
      }
    }
    int n = 0;
    for (boolean b : seen) {
      n += b ? 1 : 0;
    }
    return n;
  }

  /** Builds the report of {@code rows} synthetic rows in {@code dir}. */
  static Result run(int rows, long seed, Path dir) throws IOException {
    Files.createDirectories(dir);
    Path input = dir.resolve("classified.csv");
    int themes = writeClassified(input, rows, seed);
    long t0 = System.nanoTime();
    ReportBuilder builder = ReportBuilder.create(ReportOptions.builder().textColumn("comment").dateColumn("date")
        .groupColumn("team").source(input.getFileName().toString()).build());
    ReportBuilder.readFile(input, builder);
    Path out = dir.resolve("report.html");
    builder.write(out);
    double seconds = (System.nanoTime() - t0) / 1e9;
    String html = Files.readString(out, StandardCharsets.UTF_8);
    return new Result(builder.rows(), seconds, Files.size(out), html.split("<blockquote", -1).length - 1, themes);
  }

  /** Whether a run kept the report under 2 MB with between 1 and 3 times the default quotes per theme. */
  static boolean withinBounds(Result r) {
    return r.bytes() < 2_000_000 && r.quotes() <= r.themes() * 3 * ReportOptions.DEFAULT_QUOTES
        && r.quotes() >= r.themes() * ReportOptions.DEFAULT_QUOTES;
  }

  public static void main(String[] args) throws IOException {
    Args a = Args.parse(args, List.of("rows", "out", "seed"), List.of());
    int rows = Integer.parseInt(a.value("rows", "100000"));
    Path out = Path.of(a.value("out", "benchmarks/target/report-scale"));
    Result r = run(rows, Long.parseLong(a.value("seed", "99")), out);
    System.out.printf(Locale.ROOT, "rows %d, %.2f s, %.0f rows/s, report %d bytes, %d quotes for %d themes%n", r.rows(),
        r.seconds(), r.rows() / r.seconds(), r.bytes(), r.quotes(), r.themes());
    if (r.rows() != rows || !withinBounds(r)) {
      System.err.println("report-scale: a bound failed (rows, < 2 MB, quotes per theme)");
      System.exit(1);
    }
  }
}
