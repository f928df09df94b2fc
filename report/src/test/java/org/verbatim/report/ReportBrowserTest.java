package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in real headless Chromium: takes a screenshot (report/target/report-screenshot.png),
 * dumps the DOM to check the charts and the escaping, and reads Chromium's log for console messages. The report
 * itself is kept as report/target/report-sample.html.
 *
 * <p>Needs {@code /usr/bin/chromium} ({@code bash .ci/install-chromium.sh}); fails, not skips, without it.
 * Exclude it on a machine without Chromium with {@code -DexcludedGroups=browser}.
 */
@Tag("browser")
class ReportBrowserTest {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Pattern SVG = Pattern.compile("(?s)<svg\\b.*?</svg>");

  @TempDir
  static Path tmp;
  private static Path report;

  @BeforeAll
  static void buildReport() throws IOException {
    assertTrue(Files.isExecutable(CHROMIUM), "Chromium not found at " + CHROMIUM
        + ": run 'bash .ci/install-chromium.sh' (as root), or exclude browser tests with -DexcludedGroups=browser");
    Fixtures.Data data = Fixtures.generate(400, 7);
    Path input = Fixtures.writeCsv(data, tmp.resolve("classified.csv"), "");
    Files.writeString(tmp.resolve("classified.csv.meta.json"), "{\"classifier\":{\"kind\":\"codebook\","
        + "\"name\":\"social-care\",\"version\":\"1.0\"},\"codebook\":\"social-care\",\"rows\":400,"
        + "\"accuracy\":{\"macro_f1\":0.71,\"micro_f1\":0.77}}", StandardCharsets.UTF_8);
    report = tmp.resolve("report.html");
    ReportOptions options = ReportOptions.builder().title("Family feedback 2023-24").dateColumn("date")
        .groupColumn("team").source(input.getFileName().toString()).meta(ReportMeta.besides(input).orElse(null))
        .build();
    ReportBuilder builder = ReportBuilder.create(options);
    ReportBuilder.readFile(input, builder);
    builder.write(report);
    assertEquals(400, builder.rows());
    Path target = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");
    Files.createDirectories(target);
    Files.copy(report, target.resolve("report-sample.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  @Test
  void screenshotShowsThePage() throws Exception {
    Path target = Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target");
    Files.createDirectories(target);
    Path png = target.resolve("report-screenshot.png");
    Files.deleteIfExists(png);
    Result r = chromium("--screenshot=" + png.toAbsolutePath(), "--window-size=1280,2400");
    assertEquals(0, r.exit, "chromium exit code; stderr:\n" + r.stderr);
    assertTrue(Files.isRegularFile(png), "no screenshot written; stderr:\n" + r.stderr);
    byte[] bytes = Files.readAllBytes(png);
    assertEquals((byte) 0x89, bytes[0], "PNG signature");
    assertEquals('P', bytes[1]);
    // a blank page compresses to a few kilobytes; text and charts give far more
    assertTrue(bytes.length > 60_000, "screenshot looks empty: " + bytes.length + " bytes");
  }

  @Test
  void domHasChartsAndEscapedText() throws Exception {
    Result r = chromium("--dump-dom");
    assertEquals(0, r.exit, "chromium exit code; stderr:\n" + r.stderr);
    String dom = r.stdout;
    assertTrue(dom.contains("<h1>Family feedback 2023-24</h1>"), "page did not render");
    List<String> svgs = new ArrayList<>();
    Matcher m = SVG.matcher(dom);
    while (m.find()) {
      svgs.add(m.group());
    }
    // prevalence, polarity, co-occurrence, trend, groups
    assertEquals(5, svgs.size(), "charts in the DOM");
    for (String svg : svgs) {
      int paths = svg.split("<path", -1).length - 1;
      assertTrue(paths > 20, "chart has only " + paths + " paths");
      assertTrue(svg.contains("viewBox=\""), "chart must scale");
    }
    assertFalse(dom.toLowerCase(java.util.Locale.ROOT).contains("<script"),
        "a <script> element reached the DOM");
    assertTrue(dom.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "the script text must show as text");
    assertFalse(dom.contains("<b>West</b>"), "a group name's markup reached the DOM");
    assertTrue(dom.contains("&lt;b&gt;West&lt;/b&gt;"), "the group name must show as text");
    assertTrue(dom.contains("<mark>"), "evidence must be highlighted");
  }

  @Test
  void noConsoleMessagesAndNoScript() throws Exception {
    // The page has no JavaScript (and its Content-Security-Policy forbids any), so there can be no script
    // error; a blocked network request or a CSP violation would still be logged as a console message.
    String html = Files.readString(report, StandardCharsets.UTF_8);
    assertFalse(html.toLowerCase(java.util.Locale.ROOT).contains("<script"), "the report must not contain script");
    assertTrue(html.contains("default-src 'none'"), "CSP must forbid scripts and network loads");
    Result r = chromium("--enable-logging=stderr", "--v=0", "--dump-dom");
    assertEquals(0, r.exit, "chromium exit code; stderr:\n" + r.stderr);
    for (String line : r.stderr.split("\n")) {
      assertFalse(line.contains(":CONSOLE(") || line.contains("Uncaught") || line.contains("Refused to"),
          "console message: " + line);
    }
  }

  private record Result(int exit, String stdout, String stderr) {}

  private static Result chromium(String... extra) throws IOException, InterruptedException {
    Path profile = Files.createTempDirectory(tmp, "profile");
    List<String> command = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox",
        "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-quic", "--hide-scrollbars", "--user-data-dir=" + profile));
    command.addAll(List.of(extra));
    command.add(report.toUri().toString());
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor(10, TimeUnit.SECONDS);
      throw new AssertionError("chromium did not finish within 180 s: " + String.join(" ", command));
    }
    return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
