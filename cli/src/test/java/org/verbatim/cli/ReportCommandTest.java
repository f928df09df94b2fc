package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCommandTest {

  @TempDir
  Path tmp;

  /** A classified file as 'verbatim classify --column-prefix vb_' writes it (made-up comments). */
  private Path classified() throws Exception {
    StringBuilder sb = new StringBuilder("id,team,comment,vb_themes,vb_scores,vb_polarity,vb_evidence,vb_error\n");
    for (int i = 0; i < 40; i++) {
      String team = i % 2 == 0 ? "North" : "South";
      if (i % 3 == 0) {
        sb.append("r").append(i).append(',').append(team).append(",She listened to us,listening,listening:0.60,"
            + "listening:positive,listening:4-12,\n");
      } else {
        sb.append("r").append(i).append(',').append(team).append(",Nobody called back,reliability,reliability:0.55,"
            + "reliability:negative,reliability:0-18,\n");
      }
    }
    Path p = tmp.resolve("c.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void writesTheReport() throws Exception {
    Path input = classified();
    Path output = tmp.resolve("r.html");
    CliRunner.Result r = CliRunner.run("report", "--input", input.toString(), "--output", output.toString(),
        "--column-prefix", "vb_", "--text-column", "comment", "--group-column", "team", "--quotes", "2",
        "--title", "Q1 feedback");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("40 rows"), r.out());
    String html = Files.readString(output, StandardCharsets.UTF_8);
    assertTrue(html.contains("<h1>Q1 feedback</h1>"));
    assertTrue(html.contains("Source <span class=\"mono\">c.csv</span>"));
    assertTrue(html.contains("id=\"groups\""));
    assertFalse(html.contains("id=\"trends\""), "no date column, no trends");
  }

  @Test
  void badInputExitsOneWithTheCommonErrorPrefix() {
    CliRunner.Result r = CliRunner.run("report", "--input", tmp.resolve("missing.csv").toString(),
        "--output", tmp.resolve("r.html").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().startsWith("verbatim: error: ") && r.err().contains("missing.csv")
        && r.err().contains("not found"), r.err());
    assertFalse(Files.exists(tmp.resolve("r.html")));
  }

  @Test
  void badOptionsExitTwo() {
    CliRunner.Result r = CliRunner.run("report", "--input", "x.csv", "--output", "r.html", "--quotes", "0");
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("quotes must be in [1, 50]"), r.err());
    assertEquals(2, CliRunner.run("report", "--output", "r.html").exit(), "--input is required");
  }
}
