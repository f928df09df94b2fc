package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ReportCommandTest {

  @TempDir
  Path tmp;

  private record Run(int code, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new ReportCommand());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void writesTheReport() throws Exception {
    Path input = Fixtures.writeCsv(Fixtures.generate(80, 8), tmp.resolve("c.csv"), "vb_");
    Path output = tmp.resolve("r.html");
    Run r = run("--input", input.toString(), "--output", output.toString(), "--column-prefix", "vb_",
        "--text-column", "comment", "--group-column", "team", "--quotes", "2", "--title", "Q1 feedback");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("80 rows"), r.out());
    String html = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(html.contains("<h1>Q1 feedback</h1>"));
    assertTrue(html.contains("Source <span class=\"mono\">c.csv</span>"));
    assertTrue(html.contains("id=\"groups\""));
    assertTrue(!html.contains("id=\"trends\""), "no date column, no trends");
  }

  @Test
  void badInputExitsOneWithTheReason() {
    Run r = run("--input", tmp.resolve("missing.csv").toString(), "--output", tmp.resolve("r.html").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().contains("missing.csv") && r.err().contains("not found"), r.err());
    assertTrue(!Files.exists(tmp.resolve("r.html")));
  }

  @Test
  void badOptionsExitTwo() {
    Run r = run("--input", "x.csv", "--output", "r.html", "--quotes", "0");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("quotes must be in [1, 50]"), r.err());
    assertEquals(2, run("--output", "r.html").code(), "--input is required");
  }
}
