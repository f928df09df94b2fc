package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportAccuracyTest {

  @TempDir Path tmp;

  @Test
  void theReportShowsAccuracyWithIntervalsTheConfusionTablesAndAgreement() throws Exception {
    Path coded = tmp.resolve("coded.csv");
    Files.writeString(coded, "id,text,labels,polarity\n"
        + "a1,She never listened to a word we said,listening,listening:negative\n"
        + "a2,The social worker was always late,reliability,reliability:negative\n"
        + "a3,Kind and caring staff,empathy,empathy:positive\n"
        + "a4,They were rude to my mother,respect,respect:negative\n"
        + "a5,Nothing to add,,\n"
        + "a6,We were kept waiting and nobody listened,reliability;listening,reliability:negative;listening:negative\n",
        StandardCharsets.UTF_8);
    Path eval = tmp.resolve("eval.json");
    CliRunner.Result e = CliRunner.run("evaluate", "--input", coded.toString(), "--json", eval.toString(), "--resamples", "200");
    assertEquals(0, e.exit(), e.err());
    Path other = tmp.resolve("other.csv");
    Files.writeString(other, "id,labels\na1,listening\na2,reliability\na3,empathy\na4,\na5,\na6,reliability\n");
    Path agree = tmp.resolve("agree.json");
    CliRunner.Result a = CliRunner.run("agree", "--input", coded.toString(), "--input", other.toString(), "--json",
        agree.toString(), "--resamples", "200");
    assertEquals(0, a.exit(), a.err());
    Path classified = tmp.resolve("classified.csv");
    assertEquals(0, CliRunner.run("classify", "--input", coded.toString(), "--output", classified.toString(),
        "--column-prefix", "vb_", "--quiet").exit());
    Path html = tmp.resolve("r.html");
    CliRunner.Result r = CliRunner.run("report", "--input", classified.toString(), "--output", html.toString(),
        "--column-prefix", "vb_", "--evaluation", eval.toString(), "--agreement", agree.toString());
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html);
    JsonNode ej = new ObjectMapper().readTree(eval.toFile());
    JsonNode m = ej.get("themes").get("metrics");
    JsonNode ci = ej.get("themes").get("confidence_intervals").get("micro_f1");
    assertTrue(page.contains("<section id=\"accuracy\">") && page.contains("href=\"#accuracy\""), "accuracy section");
    assertTrue(page.contains(String.format(Locale.UK, "%.3f <span class=\"ci\">[%.3f, %.3f]</span>",
        m.get("micro_f1").asDouble(), ci.get("lower").asDouble(), ci.get("upper").asDouble())), "micro-F1 with its interval");
    JsonNode rel = ej.get("confusion").get("per_theme").get("reliability");
    assertTrue(page.contains("<th scope=\"col\">TN</th>"), "the confusion counts");
    assertTrue(page.contains("<tr><th scope=\"row\">reliability</th>") && page.contains("</td><td>" + rel.get("tn").asInt()
        + "</td></tr>"), "reliability's TN");
    assertTrue(page.contains("Praise and complaint: coded against tagged"), "the polarity confusion matrix");
    JsonNode aj = new ObjectMapper().readTree(agree.toFile());
    assertTrue(page.contains("<section id=\"agreement\">"), "agreement section");
    assertTrue(page.contains(String.format(Locale.UK, "Krippendorff's alpha <strong>%.3f</strong>",
        ej.get("themes").get("krippendorff_alpha").asDouble())), "the classifier's alpha");
    assertTrue(page.contains("coded, other coded the same 6 comments"), page.substring(page.indexOf("Between coders")));
    assertTrue(page.contains(String.format(Locale.UK, "%.3f", aj.get("krippendorff_alpha").asDouble())));

    Path broken = tmp.resolve("broken.json");
    Files.writeString(broken, "{\"x\": 1}");
    r = CliRunner.run("report", "--input", classified.toString(), "--output", tmp.resolve("r2.html").toString(),
        "--column-prefix", "vb_", "--evaluation", broken.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("broken.json: not a 'verbatim evaluate --json' file"), r.err());
  }
}
