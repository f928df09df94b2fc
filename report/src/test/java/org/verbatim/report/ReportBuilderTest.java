package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.Classification;
import org.verbatim.ThemeTag;
import org.verbatim.io.ClassifiedWriter;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.OutputColumns;
import org.verbatim.io.RecordBatch;
import org.verbatim.io.ThemeResult;

class ReportBuilderTest {

  @TempDir
  Path tmp;

  private static final ReportOptions OPTIONS =
      ReportOptions.builder().dateColumn("date").groupColumn("team").build();

  private static String build(Path input, ReportOptions options) throws IOException {
    ReportBuilder builder = ReportBuilder.create(options);
    ReportBuilder.readFile(input, builder);
    return builder.html();
  }

  private static long metric(String html, String name) {
    Matcher m = Pattern.compile("data-metric=\"" + name + "\" data-value=\"(\\d+)\"").matcher(html);
    assertTrue(m.find(), "metric " + name + " missing");
    return Long.parseLong(m.group(1));
  }

  /** theme -> [count, positive, negative, mixed, neutral] from the theme table. */
  private static Map<String, long[]> themeTable(String html) {
    Map<String, long[]> out = new HashMap<>();
    Matcher row = Pattern.compile("<tr data-theme=\"([^\"]+)\">(.*?)</tr>").matcher(html);
    while (row.find()) {
      Matcher c = Pattern.compile("data-count=\"(\\d+)\"").matcher(row.group(2));
      long[] v = new long[5];
      for (int i = 0; i < 5; i++) {
        assertTrue(c.find());
        v[i] = Long.parseLong(c.group(1));
      }
      out.put(row.group(1), v);
    }
    return out;
  }

  private static String body(String html) {
    return html.substring(html.indexOf("<section id=\"summary\">"), html.indexOf("</main>"));
  }

  @Test
  void countsInTheReportMatchTheInput() throws IOException {
    Fixtures.Data data = Fixtures.generate(300, 11);
    String html = build(Fixtures.writeCsv(data, tmp.resolve("in.csv"), ""), OPTIONS);
    assertEquals(300, metric(html, "rows"));
    assertEquals(data.errors(), metric(html, "errors"));
    assertEquals(data.empty(), metric(html, "empty"));
    assertEquals(data.analysed(), metric(html, "analysed"));
    assertEquals(data.tagged(), metric(html, "tagged"));
    assertEquals(data.analysed() - data.tagged(), metric(html, "untagged"));
    Map<String, long[]> table = themeTable(html);
    assertEquals(data.themeCounts().keySet(), table.keySet());
    for (Map.Entry<String, Long> e : data.themeCounts().entrySet()) {
      long[] v = table.get(e.getKey());
      assertEquals(e.getValue(), v[0], e.getKey());
      Map<String, Long> pol = data.polarityCounts().get(e.getKey());
      assertEquals(pol.getOrDefault("positive", 0L), v[1], e.getKey() + " positive");
      assertEquals(pol.getOrDefault("negative", 0L), v[2], e.getKey() + " negative");
      assertEquals(pol.getOrDefault("mixed", 0L), v[3], e.getKey() + " mixed");
      assertEquals(pol.getOrDefault("neutral", 0L), v[4], e.getKey() + " neutral");
    }
    long badDates = data.rows().stream()
        .filter(r -> r.error().isEmpty() && !r.text().isBlank() && DateParser.parse(r.date()).isEmpty()).count();
    assertTrue(badDates > 0, "the fixture has unreadable dates");
    assertEquals(badDates, metric(html, "bad-date"));
    assertEquals(data.analysed() - badDates, metric(html, "dated"));
    long teams = data.rows().stream().filter(r -> r.error().isEmpty() && !r.text().isBlank())
        .map(Fixtures.Row::team).distinct().count();
    assertEquals(teams, metric(html, "groups"));
    long north = data.rows().stream().filter(r -> r.error().isEmpty() && !r.text().isBlank())
        .filter(r -> r.team().equals("North")).count();
    assertTrue(html.contains("<tr data-group=\"North\"><th scope=\"row\">North</th><td class=\"num\" data-count=\""
        + north + "\">"), "North has " + north + " comments");
  }

  @Test
  void jsonlGivesTheSameReportAsCsv() throws IOException {
    Fixtures.Data data = Fixtures.generate(250, 5);
    String csv = build(Fixtures.writeCsv(data, tmp.resolve("in.csv"), ""), OPTIONS);
    String jsonl = build(Fixtures.writeJsonl(data, tmp.resolve("in.jsonl")), OPTIONS);
    assertEquals(body(csv), body(jsonl));
  }

  @Test
  void prefixedColumnsNeedThePrefixOption() throws IOException {
    Fixtures.Data data = Fixtures.generate(120, 3);
    Path plain = Fixtures.writeCsv(data, tmp.resolve("plain.csv"), "");
    Path prefixed = Fixtures.writeCsv(data, tmp.resolve("prefixed.csv"), "vb_");
    assertEquals(body(build(plain, OPTIONS)),
        body(build(prefixed, OPTIONS.toBuilder().columnPrefix("vb_").build())));
    ReportInputException e = assertThrows(ReportInputException.class, () -> build(prefixed, OPTIONS));
    assertTrue(e.getMessage().contains("prefixed.csv") && e.getMessage().contains("'themes'")
        && e.getMessage().contains("vb_themes"), e.getMessage());
  }

  @Test
  void untrustedTextIsEscapedEverywhere() throws IOException {
    Fixtures.Data data = Fixtures.generate(200, 1);
    String html = build(Fixtures.writeCsv(data, tmp.resolve("in.csv"), ""),
        OPTIONS.toBuilder().title("<i>Title</i>").quotes(50).build());
    assertFalse(html.toLowerCase(Locale.ROOT).contains("<script"), "no script element at all");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the comment's script shows as text");
    assertFalse(html.contains("<b>West</b>"));
    assertTrue(html.contains("&lt;b&gt;West&lt;/b&gt;"));
    assertFalse(html.contains("<i>Title</i>"));
    assertTrue(html.contains("polite &amp; respectful"));
  }

  @Test
  void reportIsSelfContained() throws IOException {
    String html = build(Fixtures.writeCsv(Fixtures.generate(150, 2), tmp.resolve("in.csv"), ""), OPTIONS);
    String lower = html.toLowerCase(Locale.ROOT);
    assertTrue(html.contains("default-src 'none'"), "a CSP forbids network loads and scripts");
    for (String external : List.of("<link", "<img", "<iframe", "src=", "@import", "url(http", "<script")) {
      assertFalse(lower.contains(external), "external or active content: " + external);
    }
    // the only URLs are XML namespace names, which are never fetched
    Matcher url = Pattern.compile("https?://[^\"' )]+").matcher(html);
    while (url.find()) {
      assertTrue(url.group().startsWith("http://www.w3.org/"), url.group());
    }
    assertEquals(5, html.split("<svg", -1).length - 1, "five charts");
  }

  /** The 100,000-row case runs in the benchmarks ({@code org.verbatim.bench.ReportScale}); 5,000 rows show the same bounds. */
  @Test
  void largeInputKeepsTheReportSmall() throws IOException {
    Fixtures.Data data = Fixtures.generate(5_000, 99);
    Path input = Fixtures.writeCsv(data, tmp.resolve("big.csv"), "");
    ReportBuilder builder = ReportBuilder.create(OPTIONS);
    ReportBuilder.readFile(input, builder);
    Path out = tmp.resolve("big.html");
    builder.write(out);
    long size = Files.size(out);
    assertTrue(size < 2_000_000, "report is " + size + " bytes");
    String html = Files.readString(out, StandardCharsets.UTF_8);
    assertEquals(5_000, metric(html, "rows"));
    int themes = data.themeCounts().size();
    int quotes = html.split("<blockquote", -1).length - 1;
    assertTrue(quotes <= themes * 3 * ReportOptions.DEFAULT_QUOTES, quotes + " quotes");
    assertTrue(quotes >= themes * ReportOptions.DEFAULT_QUOTES, "each theme shows its quotes: " + quotes);
  }

  @Test
  void missingFileIsAClearError() {
    Path missing = tmp.resolve("nope.csv");
    ReportInputException e = assertThrows(ReportInputException.class, () -> build(missing, OPTIONS));
    assertTrue(e.getMessage().contains("nope.csv") && e.getMessage().contains("not found"), e.getMessage());
  }

  @Test
  void missingColumnsAreListed() throws IOException {
    Path input = tmp.resolve("in.csv");
    Files.writeString(input, "id,body,when,themes\n1,hello,2024-01-01,\n", StandardCharsets.UTF_8);
    ReportInputException text = assertThrows(ReportInputException.class,
        () -> build(input, ReportOptions.builder().build()));
    // the same rules as classify: no usual name, and no column of free text
    assertTrue(text.getMessage().contains("no text column") && text.getMessage().contains("'id', 'body', 'when'"),
        text.getMessage());
    ReportInputException date = assertThrows(ReportInputException.class,
        () -> build(input, ReportOptions.builder().textColumn("body").dateColumn("date").build()));
    assertTrue(date.getMessage().contains("date column 'date'") && date.getMessage().contains("id, body, when"),
        date.getMessage());
    String html = build(input, ReportOptions.builder().textColumn("body").dateColumn("when").build());
    assertEquals(1, metric(html, "analysed"));
  }

  @Test
  void quotesAreIsolatedForDirectionAndShowDirectionControls() throws IOException {
    Path input = tmp.resolve("bidi.csv");
    Files.writeString(input, "id,comment,themes,scores,polarity,evidence,error\n"
        + "1,the staff were kind \u202Edetaerht\u202C to us,empathy,empathy:0.60,empathy:positive,empathy:15-19,\n"
        + "2,\u05D4\u05E6\u05D5\u05D5\u05EA kind,empathy,empathy:0.60,empathy:positive,empathy:6-10,\n",
        StandardCharsets.UTF_8);
    String html = build(input, ReportOptions.builder().build());
    assertTrue(html.contains("<mark") && html.contains("[U+202E]detaerht[U+202C] to us"), body(html));
    assertFalse(html.contains("\u202E"), "no raw override in the page");
    int quotes = html.split("<blockquote", -1).length - 1;
    assertEquals(quotes, html.split("<blockquote class=\"quote\"><p dir=\"auto\"><bdi>", -1).length - 1);
    assertEquals(2, quotes);
  }

  @Test
  void malformedRowNamesRecordAndColumnButNotTheText() throws IOException {
    Path input = tmp.resolve("in.csv");
    Files.writeString(input, "comment,themes,scores\nfine,a,a:0.5\nsecret words,a,a:2.5\n", StandardCharsets.UTF_8);
    ReportInputException e = assertThrows(ReportInputException.class,
        () -> build(input, ReportOptions.builder().build()));
    assertTrue(e.getMessage().contains("in.csv") && e.getMessage().contains("record 2")
        && e.getMessage().contains("'scores'"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
    Path jsonl = tmp.resolve("in.jsonl");
    Files.writeString(jsonl, "{\"text\":\"ok\",\"themes\":[]}\n{\"text\":\"secret\",\"themes\":\"a\"}\n",
        StandardCharsets.UTF_8);
    ReportInputException j = assertThrows(ReportInputException.class,
        () -> build(jsonl, ReportOptions.builder().build()));
    assertTrue(j.getMessage().contains("line 2") && j.getMessage().contains("'themes'"), j.getMessage());
    assertFalse(j.getMessage().contains("secret"), j.getMessage());
  }

  @Test
  void sidecarIsShownAndDrivesTheMethodNote() throws IOException {
    Fixtures.Data data = Fixtures.generate(60, 4);
    Path input = Fixtures.writeCsv(data, tmp.resolve("out.csv"), "");
    Files.writeString(tmp.resolve("out.meta.json"), "{\"classifier\":{\"kind\":\"logistic\",\"name\":\"<m>\"},"
        + "\"accuracy\":{\"macro_f1\":0.64}}", StandardCharsets.UTF_8);
    ReportMeta meta = ReportMeta.besides(input).orElseThrow();
    assertEquals("logistic", meta.classifierKind().orElseThrow());
    String html = build(input, OPTIONS.toBuilder().meta(meta).build());
    assertTrue(html.contains("<dt>Model or codebook</dt><dd>&lt;m&gt;</dd>"), "meta shown with its label, escaped");
    assertTrue(html.contains("<dt>accuracy.macro_f1</dt><dd>0.64</dd>"), "accuracy shown");
    assertTrue(html.contains("<strong>trained model</strong>"), "method note follows the kind");
    // a trained model's cross-validated scores, as classify writes them in the sidecar, are accuracy figures
    Files.writeString(tmp.resolve("out.meta.json"), "{\"classifier\":{\"kind\":\"logistic\",\"name\":\"m\","
        + "\"properties\":{\"cv.microF1\":\"0.69541\",\"cv.macroF1\":\"0.4731\",\"cost\":\"4.0\"}}}",
        StandardCharsets.UTF_8);
    String cv = build(input, OPTIONS.toBuilder().meta(ReportMeta.besides(input).orElseThrow()).build());
    assertTrue(cv.contains("<dt>micro-F1, cross-validated on the training data</dt><dd>0.695</dd>"), "cv micro shown");
    assertTrue(cv.contains("<dt>macro-F1, cross-validated on the training data</dt><dd>0.473</dd>"), "cv macro shown");
    assertFalse(cv.contains("No accuracy figures were recorded"), "not said when the model has scores");
    String none = build(input, OPTIONS);
    assertTrue(none.contains("No accuracy figures were recorded"));
    Files.writeString(tmp.resolve("bad.csv.meta.json"), "[1,2", StandardCharsets.UTF_8);
    ReportInputException e = assertThrows(ReportInputException.class, () -> ReportMeta.besides(tmp.resolve("bad.csv")));
    assertTrue(e.getMessage().contains("bad.csv.meta.json"), e.getMessage());
  }

  /** Shares of 4/9 and a sidecar's long decimals: every number a reader sees is rounded by one rule. */
  @Test
  void noLongDecimalAnywhereInTheReport() throws IOException {
    Path input = tmp.resolve("shares.csv");
    StringBuilder csv = new StringBuilder("id,comment,team,themes,scores,polarity,evidence,evidence_text,error\n");
    for (int i = 0; i < 12; i++) {
      boolean north = i < 9;
      boolean listening = north ? i < 4 : i == 9;   // North: 4 of 9, South: 1 of 3
      csv.append(i).append(",Kind words and more,").append(north ? "North" : "South").append(',')
          .append(listening ? "listening;respect,listening:0.8345;respect:0.5" : "respect,respect:0.5")
          .append(',').append(listening ? "listening:positive;respect:positive" : "respect:positive")
          .append(",respect:0-4,respect: Kind,\n");
    }
    Files.writeString(input, csv, StandardCharsets.UTF_8);
    Files.writeString(tmp.resolve("shares.csv.meta.json"), "{\"classifier\":{\"kind\":\"logistic\",\"name\":\"m\","
        + "\"properties\":{\"cv.macroF1\":\"0.47312345\",\"cost\":\"4.0123456\"}},"
        + "\"finished\":\"2026-12-05T23:21:14.498734141Z\",\"accuracy\":{\"macro_f1\":0.6412345678}}",
        StandardCharsets.UTF_8);
    ReportMeta meta = ReportMeta.besides(input).orElseThrow();
    String html = build(input, ReportOptions.builder().groupColumn("team").meta(meta).build());
    assertTrue(html.contains(">44.4%<"), "North's share of listening in the group table");
    assertTrue(html.contains(">33.3%<"), "South's share");
    assertTrue(html.contains("<dd>0.641</dd>") && html.contains("<dd>0.473</dd>"), "sidecar figures rounded");
    assertTrue(html.contains("<dt>Classified at</dt><dd>5 December 2026, 23:21 UTC</dd>"), "the run's time as the"
        + " report's own");
    Matcher longDecimal = Pattern.compile("\\d\\.\\d{4,}").matcher(html);
    assertFalse(longDecimal.find(), () -> "long decimal: ..." + html.substring(Math.max(0, longDecimal.start() - 80),
        Math.min(html.length(), longDecimal.end() + 20)));
  }

  @Test
  void writeIsAtomicAndReplaces() throws IOException {
    Path out = tmp.resolve("r.html");
    Files.writeString(out, "old", StandardCharsets.UTF_8);
    ReportBuilder b = ReportBuilder.create(OPTIONS);
    b.accept(Map.of("comment", "kind and clear", "date", "2024-05-01", "team", "A", "themes", "empathy",
        "polarity", "empathy:positive", "evidence", "empathy:0-4"));
    b.write(out);
    assertTrue(Files.readString(out, StandardCharsets.UTF_8).startsWith("<!DOCTYPE html>"));
    if (Files.getFileStore(out).supportsFileAttributeView("posix")) {
      assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
          Files.getPosixFilePermissions(out)), "the report holds comment text: owner only");
    }
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(List.of(out), files.toList(), "no temporary file left behind");
    }
    IOException e = assertThrows(IOException.class, () -> b.write(tmp.resolve("no/such/dir/r.html")));
    assertTrue(e.getMessage().contains("r.html"), e.getMessage());
  }

  @Test
  void typedRowsFromTheClassifyLoop() {
    ReportBuilder b = ReportBuilder.create(ReportOptions.builder().build());
    b.accept(Map.of("text", "She never listened"), List.of(new ThemeResult("listening", 0.9, Polarity.NEGATIVE,
        List.of(new Evidence(4, 18)))), null);
    b.accept(Map.of("text", "x"), List.of(), "timeout");
    String html = b.html();
    assertEquals(2, metric(html, "rows"));
    assertEquals(1, metric(html, "errors"));
    assertTrue(html.contains("She <mark>never listened</mark>"), "evidence highlighted");
    assertEquals("text", b.textColumn());
  }

  @Test
  void classificationsFromAClassifier() {
    ReportBuilder b = ReportBuilder.create(ReportOptions.builder().build());
    b.accept(Map.of("comment", "Kind but late"), new org.verbatim.Classification(List.of(
        new org.verbatim.ThemeTag("empathy", 0.8, Polarity.POSITIVE, List.of(new Evidence(0, 4))),
        new org.verbatim.ThemeTag("reliability", 0.7, Polarity.NEGATIVE, List.of(new Evidence(9, 13))))));
    b.accept(Map.of("comment", "Fine"), org.verbatim.Classification.EMPTY);
    String html = b.html();
    assertEquals(1, metric(html, "tagged"));
    assertEquals(1, themeTable(html).get("reliability")[2], "one complaint about reliability");
    assertTrue(html.contains("<mark>Kind</mark> but late"));
  }

  @Test
  void headerWithoutThemesIsRefusedEvenWithNoRows() throws IOException {
    Path input = tmp.resolve("raw.csv");
    Files.writeString(input, "id,comment\n", StandardCharsets.UTF_8);
    ReportInputException e = assertThrows(ReportInputException.class,
        () -> build(input, ReportOptions.builder().build()));
    assertTrue(e.getMessage().contains("'themes'") && e.getMessage().contains("id, comment"), e.getMessage());
  }

  @Test
  void headerOnlyFileGivesAnEmptyReport() throws IOException {
    Path input = tmp.resolve("empty.csv");
    Files.writeString(input, "id,comment,date,team,themes,scores,polarity,evidence,error\n", StandardCharsets.UTF_8);
    String html = build(input, OPTIONS);
    assertEquals(0, metric(html, "rows"));
    assertTrue(html.contains("No comment in this file has a theme."));
  }

  @Test
  void shortSpansGiveWeeklyTrends() throws IOException {
    ReportBuilder b = ReportBuilder.create(OPTIONS);
    for (int day = 1; day <= 28; day++) {
      b.accept(Map.of("comment", "c", "date", String.format(Locale.ROOT, "%02d/02/2024", day), "team", "A",
          "themes", day % 2 == 0 ? "a" : "b"));
    }
    String html = b.html();
    assertTrue(html.contains("grouped by ISO week"), "weekly note");
    assertTrue(html.contains("data-period=\"2024-W05\""), "ISO week labels");
  }

  @Test
  void optionsValidate() {
    assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().quotes(0).build());
    assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().quotes(51).build());
    assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().topGroups(0).build());
    assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().title(" ").build());
    assertThrows(IllegalArgumentException.class, () -> ReportOptions.builder().dateColumn("").build());
    assertThrows(NullPointerException.class, () -> ReportOptions.builder().title(null).build());
  }

  /** The report fed with batches as they are written equals the report read back from the written file. */
  @Test
  void batchesGiveTheSameReportAsTheWrittenFile() throws IOException {
    StringBuilder sb = new StringBuilder("id,comment,date,team\n");
    for (int i = 1; i <= 400; i++) {
      sb.append(i).append(",\"").append(i % 5 == 0 ? "" : "The staff were kind, comment " + i).append("\",")
          .append(String.format(Locale.ROOT, "2024-%02d-%02d", 1 + i % 12, 1 + i % 28)).append(',')
          .append(i % 3 == 0 ? "North" : "South").append(i % 97 == 0 ? ",extra" : "").append('\n');
    }
    Path input = Files.writeString(tmp.resolve("in.csv"), sb.toString());
    Path output = tmp.resolve("out.csv");
    ReportBuilder fromBatches = ReportBuilder.create(OPTIONS);
    try (FeedbackReader r = FeedbackReader.open(input);
        java.io.OutputStream out = Files.newOutputStream(output);
        ClassifiedWriter w = ClassifiedWriter.open(r.format(), out, r.header(), OutputColumns.withPrefix(""), false)) {
      fromBatches.columns(r.header());
      RecordBatch b = r.newBatch(64, "comment");
      for (int n = r.next(b); n > 0; n = r.next(b)) {
        for (int i = 0; i < n; i++) {
          String text = b.text(i);
          if (b.isRecordError(i)) {
            b.failed(i, "line " + b.line(i) + ": " + b.recordError(i));
          } else if (text.isBlank()) {
            b.classified(i, Classification.EMPTY);
          } else {
            int k = text.indexOf("kind");
            b.classified(i, new Classification(List.of(new ThemeTag(b.number(i) % 2 == 0 ? "empathy" : "respect", 0.75,
                b.number(i) % 4 == 1 ? Polarity.NEGATIVE : Polarity.POSITIVE, List.of(new Evidence(k, k + 4))))));
          }
        }
        w.write(b);
        fromBatches.accept(b);
      }
    }
    String html = fromBatches.html();
    assertEquals(400, metric(html, "rows"));
    assertEquals(4, metric(html, "errors"));
    assertEquals(body(build(output, OPTIONS)), body(html));
  }

  /** A text column that classify finds by its values (no usual name) is found by the report too. */
  @Test
  void textColumnFoundByItsValuesAsClassifyDoes() throws IOException {
    Path input = Files.writeString(tmp.resolve("notes.csv"), "ref,notes,themes\n"
        + "1,The staff were kind and explained everything,empathy\n2,Nobody called me back after the visit,\n");
    ReportBuilder b = ReportBuilder.create(ReportOptions.builder().build());
    ReportBuilder.readFile(input, b);
    assertEquals("notes", b.textColumn());
    assertEquals(2, metric(b.html(), "analysed"));
  }

  /** A JSON Lines output whose first row was not a JSON object (only its line and the added fields) still reports. */
  @Test
  void jsonlStartingWithAnErrorRowFindsItsColumnsFurtherOn() throws IOException {
    Path input = Files.writeString(tmp.resolve("out.jsonl"),
        "{\"line\":1,\"themes\":[],\"scores\":{},\"polarity\":{},\"evidence\":{},\"error\":\"line 1: not a valid JSON object\"}\n"
            + "{\"id\":2,\"comment\":\"kind staff\",\"themes\":[\"empathy\"],\"scores\":{\"empathy\":0.6},"
            + "\"polarity\":{\"empathy\":\"positive\"},\"evidence\":{\"empathy\":[{\"start\":0,\"end\":4,\"text\":\"kind\"}]},"
            + "\"error\":null}\n", StandardCharsets.UTF_8);
    ReportBuilder b = ReportBuilder.create(ReportOptions.builder().textColumn("comment").build());
    ReportBuilder.readFile(input, b);
    String html = b.html();
    assertEquals(2, metric(html, "rows"));
    assertEquals(1, metric(html, "errors"));
    assertEquals(1, metric(html, "tagged"));
  }
}
