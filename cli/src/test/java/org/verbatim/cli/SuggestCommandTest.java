package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuggestCommandTest {

  @TempDir Path tmp;

  private Path coded() throws Exception {
    String[] wait = {"we waited weeks for a call back", "kept waiting for hours again", "the wait was far too long"};
    String[] kind = {"she was so kind and caring", "a warm and caring worker", "really kind to my mum"};
    Random r = new Random(4);
    StringBuilder sb = new StringBuilder("id,text,labels\n");
    for (int i = 0; i < 90; i++) {
      int k = r.nextInt(3);
      sb.append("c").append(i).append(',').append(k == 0 ? wait[r.nextInt(3)] : k == 1 ? kind[r.nextInt(3)] : "nothing to add")
          .append(',').append(k == 0 ? "reliability" : k == 1 ? "empathy" : "").append('\n');
    }
    Path p = tmp.resolve("coded.csv");
    Files.writeString(p, sb.toString(), StandardCharsets.UTF_8);
    return p;
  }

  @Test
  void suggestsTheNextCommentsInOrderWithTheirIdsAndARandomBaseline() throws Exception {
    Path model = tmp.resolve("m.zip");
    CliRunner.Result t = CliRunner.run("train", "--input", coded().toString(), "--output", model.toString(),
        "--folds", "3", "--threads", "1", "--kind", "nb-logistic");
    assertEquals(0, t.exit(), t.err());
    Path uncoded = tmp.resolve("uncoded.csv");
    Files.writeString(uncoded, "id,comment,team\nu1,kind but we waited,A\nu2,kind but we waited!,B\nu3,,C\n"
        + "u4,the worker was caring,D\nu5,no call back for weeks,E\nu6,\"parking, again\",F\n", StandardCharsets.UTF_8);
    Path next = tmp.resolve("next.csv");
    CliRunner.Result s = CliRunner.run("suggest", "--model", model.toString(), "--input", uncoded.toString(),
        "--count", "10", "--output", next.toString());
    assertEquals(0, s.exit(), s.err());
    List<String> lines = Files.readAllLines(next);
    assertEquals("id,comment,team,suggest_rank,suggest_theme,suggest_margin", lines.get(0));
    assertEquals(5, lines.size(), "6 comments, one empty, one near-duplicate: 4 rows and the header");
    Set<String> ids = new HashSet<>();
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).split(",");
      ids.add(f[0]);
      assertEquals(Integer.toString(i), f[f.length - 3], "ranks in order");
      assertTrue(Set.of("empathy", "reliability").contains(f[f.length - 2]), lines.get(i));
    }
    assertTrue(!ids.contains("u3") && !(ids.contains("u1") && ids.contains("u2")), ids.toString());
    assertTrue(s.out().contains("4 of 6 comments chosen (uncertainty)"), s.out());

    CliRunner.Result rnd = CliRunner.run("suggest", "--strategy", "random", "--input", uncoded.toString(), "--count", "3",
        "--output", next.toString(), "--seed", "7");
    assertEquals(0, rnd.exit(), rnd.err());
    List<String> first = Files.readAllLines(next);
    assertEquals(4, first.size());
    CliRunner.run("suggest", "--strategy", "random", "--input", uncoded.toString(), "--count", "3",
        "--output", next.toString(), "--seed", "7");
    assertEquals(first, Files.readAllLines(next), "the same seed gives the same sample");
  }

  @Test
  void clearErrors() throws Exception {
    Path uncoded = tmp.resolve("u.csv");
    Files.writeString(uncoded, "id,comment\n1,hello\n");
    CliRunner.Result r = CliRunner.run("suggest", "--input", uncoded.toString(), "--count", "3", "--output",
        tmp.resolve("n.csv").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("needs --model"), r.err());
    r = CliRunner.run("suggest", "--strategy", "clever", "--input", uncoded.toString(), "--count", "3", "--output",
        tmp.resolve("n.csv").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("uncertainty or random"), r.err());
    r = CliRunner.run("suggest", "--strategy", "random", "--input", uncoded.toString(), "--count", "0", "--output",
        tmp.resolve("n.csv").toString());
    assertEquals(2, r.exit());
    assertTrue(Files.notExists(tmp.resolve("n.csv")));
  }
}
