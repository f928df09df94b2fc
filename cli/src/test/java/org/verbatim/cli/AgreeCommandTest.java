package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgreeCommandTest {

  @TempDir Path tmp;

  private Path write(String name, String content) throws Exception {
    Path p = tmp.resolve(name);
    Files.writeString(p, content, StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void twoCodersGiveHandComputedKappaAlphaAndTheDisagreementsWithoutText() throws Exception {
    // Krippendorff (2011) section A's binary data as theme 'respect' (alpha 0.095), plus polarity on shared themes
    int[] a = {0, 1, 0, 0, 0, 0, 0, 0, 1, 0};
    int[] b = {1, 1, 1, 0, 0, 1, 0, 0, 0, 0};
    StringBuilder fa = new StringBuilder("id,text,labels,polarity\n");
    StringBuilder fb = new StringBuilder("id,labels\n");
    StringBuilder pb = new StringBuilder("id,theme,polarity\n");
    for (int i = 0; i < a.length; i++) {
      fa.append("r").append(i).append(",secret words ").append(i).append(',')
          .append(a[i] == 1 ? "respect,respect:negative" : ",").append('\n');
      fb.append("r").append(i).append(',').append(b[i] == 1 ? "respect" : "").append('\n');
      if (b[i] == 1) {
        pb.append("r").append(i).append(",respect,").append(i == 1 ? "negative" : "positive").append('\n');
      }
    }
    Path ca = write("alice.csv", fa.toString());
    Path cb = write("bob.csv", fb.toString());
    Path pol = write("bob_polarity.csv", pb.toString());
    Path json = tmp.resolve("agree.json");
    CliRunner.Result r = CliRunner.run("agree", "--input", ca.toString(), "--input", cb.toString(),
        "--polarity", tmp.resolve("none.csv").toString(), "--polarity", pol.toString(), "--json", json.toString());
    assertEquals(1, r.exit(), "a missing polarity file is an error");
    assertTrue(r.err().contains("none.csv: no such file"), r.err());

    // alice's polarity is in her polarity column, bob's in a long-form file: pass --polarity for bob only via names
    Path cb2 = write("bob2.csv", "id,labels,polarity\n" + fb.substring("id,labels\n".length()).lines()
        .map(l -> l + (l.endsWith("respect") ? (l.startsWith("r1,") ? ",respect:negative" : ",respect:positive") : ","))
        .reduce("", (x, y) -> x + y + "\n"));
    r = CliRunner.run("agree", "--input", ca.toString(), "--input", cb2.toString(), "--name", "A", "--name", "B",
        "--json", json.toString(), "--resamples", "200");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("| respect | 10 | 2 / 4 | 0.600 ["), r.out());
    assertTrue(r.out().contains("| r0 | respect | B | A |"), r.out());
    assertFalse(r.out().contains("secret"), "no comment text without --show-text");
    JsonNode j = new ObjectMapper().readTree(json.toFile());
    assertEquals(1.0 - 19.0 * 4 / 84, j.get("krippendorff_alpha").asDouble(), 1e-12);
    assertEquals((0.6 - 0.56) / 0.44, j.get("themes").get("respect").get("cohen_kappa").asDouble(), 1e-12);
    assertEquals(1, j.get("polarity").get("units").asInt(), "only r1 has the theme from both coders");
    assertEquals(1.0, j.get("polarity").get("percent_agreement").asDouble(), 0.0);
    assertEquals(4, j.get("disagreements").size());

    r = CliRunner.run("agree", "--input", ca.toString(), "--input", cb2.toString(), "--show-text", "--resamples", "0");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("| r0 | respect | bob2 | alice | secret words 0 |"), r.out());
  }

  @Test
  void clearErrors() throws Exception {
    Path a = write("a.csv", "id,labels\nx,respect\n");
    CliRunner.Result r = CliRunner.run("agree", "--input", a.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("at least twice"), r.err());
    Path bad = write("bad.csv", "id,labels\nx,respect\nx,power\n");
    r = CliRunner.run("agree", "--input", a.toString(), "--input", bad.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("bad.csv:3") && r.err().contains("duplicate id 'x'"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace");
  }
}
