package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.cli.CliRunner.Result;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.io.ReadOptions;

/**
 * The files analysts have: a semicolon CSV in windows-1252 as Excel writes it in much of Europe, a TSV and an
 * {@code .xlsx} workbook each give the same themes as the same comments in a UTF-8 CSV.
 */
class AnalystFilesTest {

  @TempDir Path dir;

  private static final String[][] ROWS = {
    {"r1", "2026-01-05", "Our social worker was brilliant, she always got back to me the same day."},
    {"r2", "2026-01-07", "Nobody told us the meeting had moved; we turned up to an empty room."},
    {"r3", "2026-01-09", "The carer didn\u2019t listen and was rude to my mum \u2013 \u00a320 wasted."},
    {"r4", "2026-01-12", "n/a"},
    {"r5", "2026-01-14", "Caf\u00e9 staff were kind but never explained what would happen next."},
  };

  private Path delimited(String name, char delimiter, Charset charset, boolean crlf) throws IOException {
    StringBuilder sb = new StringBuilder("id" + delimiter + "date" + delimiter + "comment" + (crlf ? "\r\n" : "\n"));
    for (String[] r : ROWS) {
      for (int k = 0; k < r.length; k++) {
        String v = r[k];
        boolean quote = v.indexOf(delimiter) >= 0;
        sb.append(k > 0 ? String.valueOf(delimiter) : "").append(quote ? "\"" + v + "\"" : v);
      }
      sb.append(crlf ? "\r\n" : "\n");
    }
    return Files.write(dir.resolve(name), sb.toString().getBytes(charset));
  }

  private Path workbook() throws IOException {
    Path f = dir.resolve("responses.xlsx");
    try (OutputStream out = Files.newOutputStream(f)) {
      Workbook wb = new Workbook(out, "Test", "1.0");
      Worksheet ws = wb.newWorksheet("Sheet1");
      String[] header = {"id", "date", "comment"};
      for (int c = 0; c < 3; c++) {
        ws.value(0, c, header[c]);
      }
      for (int r = 0; r < ROWS.length; r++) {
        for (int c = 0; c < 3; c++) {
          ws.value(r + 1, c, ROWS[r][c]);
        }
      }
      wb.finish();
    }
    return f;
  }

  /** id and the added columns of each output row. */
  private static List<List<String>> themes(Path out) throws IOException {
    List<List<String>> rows = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(out, FeedbackFormat.fromFileName(out).orElse(FeedbackFormat.CSV),
        ReadOptions.DEFAULT)) {
      for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
        rows.add(List.of(x.get("id").orElseThrow(), x.get("comment").orElseThrow(), x.get("themes").orElseThrow(),
            x.get("scores").orElseThrow(), x.get("polarity").orElseThrow(), x.get("evidence").orElseThrow()));
      }
    }
    return rows;
  }

  private Path classify(Path in, String out, String... more) {
    List<String> args = new ArrayList<>(List.of("classify", "-i", in.toString(), "-o", dir.resolve(out).toString()));
    args.addAll(List.of(more));
    Result r = CliRunner.run(args.toArray(String[]::new));
    assertEquals(0, r.exit(), r.err());
    return dir.resolve(out);
  }

  @Test
  void everyAnalystFileGivesTheThemesOfTheUtf8Csv() throws IOException {
    List<List<String>> reference = themes(classify(delimited("ref.csv", ',', StandardCharsets.UTF_8, false), "ref.out.csv"));
    assertEquals(ROWS.length, reference.size());
    assertTrue(reference.get(2).get(2).contains("listening"), reference.get(2).toString());

    Path semi = delimited("excel.csv", ';', Charset.forName("windows-1252"), true);
    Result refused = CliRunner.run("classify", "-i", semi.toString(), "-o", dir.resolve("x.csv").toString());
    assertEquals(Main.DATA_ERROR, refused.exit());
    assertTrue(refused.err().contains("--encoding windows-1252"), refused.err());

    Result r = CliRunner.run("classify", "-i", semi.toString(), "-o", dir.resolve("semi.out.csv").toString(),
        "--encoding", "windows-1252");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("delimiter ';' (sniffed), encoding windows-1252"), r.err());
    byte[] out = Files.readAllBytes(dir.resolve("semi.out.csv"));
    assertEquals((byte) 0xEF, out[0], "a byte order mark, so that Excel reads the UTF-8 output");
    assertTrue(new String(out, StandardCharsets.UTF_8).startsWith("\uFEFFid;date;comment;themes;scores;"));
    assertEquals(reference, themes(dir.resolve("semi.out.csv")));

    assertEquals(reference, themes(classify(delimited("t.tsv", '\t', StandardCharsets.UTF_8, false), "t.out.tsv")));
    assertEquals(reference, themes(classify(workbook(), "x.out.xlsx")));
    assertEquals(reference, themes(classify(workbook(), "x.out.csv")));

    // the report reads a classified workbook and a ';'-separated output too
    for (String classified : List.of("x.out.xlsx", "semi.out.csv")) {
      Path html = dir.resolve(classified + ".html");
      Result report = CliRunner.run("report", "-i", dir.resolve(classified).toString(), "-o", html.toString(), "-q");
      assertEquals(0, report.exit(), report.err());
      assertEquals("", report.out());
      assertTrue(Files.readString(html).contains("listening"), classified);
    }
  }

  @Test
  void aForcedDelimiterThatMisreadsTheFileIsRefusedWithTheFix() throws IOException {
    Path semi = delimited("excel.csv", ';', StandardCharsets.UTF_8, true);
    Result r = CliRunner.run("classify", "-i", semi.toString(), "--delimiter", ",");
    assertEquals(Main.DATA_ERROR, r.exit());
    assertTrue(r.err().contains("looks ';'-separated") && r.err().contains("--delimiter ;"), r.err());
    assertFalse(Files.exists(dir.resolve("excel.classified.csv")));
  }

  @Test
  void longAndOneHotLayoutsKeepEveryComment() throws IOException {
    Path ref = delimited("ref.csv", ',', StandardCharsets.UTF_8, false);
    List<String> lines = Files.readAllLines(classify(ref, "long.csv", "--layout", "long", "-q"));
    assertEquals("id,date,comment,theme,score,polarity,evidence,evidence_offsets,error", lines.get(0));
    assertTrue(lines.stream().anyMatch(l -> l.startsWith("r4,2026-01-09,n/a,,,,,,") || l.startsWith("r4,2026-01-12,n/a,,")),
        lines.toString());
    assertTrue(lines.size() > ROWS.length, lines.toString());
    List<String> onehot = Files.readAllLines(classify(ref, "onehot.csv", "--layout", "onehot", "-q"));
    assertEquals(ROWS.length + 1, onehot.size());
    assertTrue(onehot.get(0).contains(",respect,honesty,") && onehot.get(0).contains(",listening_polarity,"), onehot.get(0));
  }

  @Test
  void optionsThatNeedAnotherSaySo() throws IOException {
    Path ref = delimited("ref.csv", ',', StandardCharsets.UTF_8, false);
    Result date = CliRunner.run("classify", "-i", ref.toString(), "--date-column", "when");
    assertEquals(Main.USAGE_ERROR, date.exit());
    assertTrue(date.err().contains("--date-column needs --report"), date.err());
    Result sheet = CliRunner.run("classify", "-i", ref.toString(), "--sheet", "Sheet1");
    assertEquals(Main.USAGE_ERROR, sheet.exit());
    assertTrue(sheet.err().contains("--sheet needs .xlsx input"), sheet.err());
    Result layout = CliRunner.run("classify", "-i", ref.toString(), "--layout", "tall");
    assertEquals(Main.USAGE_ERROR, layout.exit());
    assertTrue(layout.err().contains("expected wide, long or onehot"), layout.err());
  }
}
