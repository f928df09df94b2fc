package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliBenchmarkTest {

  @TempDir Path dir;

  @Test
  void outputsThatDifferOnlyInTheIgnoredColumnAreTheSame() throws IOException {
    Path before = Files.writeString(dir.resolve("b.csv"), "id,text,evidence,error\n1,\"a, b\",t:0-1,\n2,c,,\n");
    Path after = Files.writeString(dir.resolve("a.csv"),
        "id,text,evidence,evidence_text,error\n1,\"a, b\",t:0-1,t: a,\n2,c,,,\n");
    assertTrue(CliBenchmark.sameExcept(after, before, "evidence_text"));
    assertFalse(CliBenchmark.sameExcept(after, before, "error"), "another column is not ignored");
    Path moved = Files.writeString(dir.resolve("m.csv"),
        "id,text,evidence,evidence_text,error\n1,\"a, b\",t:0-2,t: a,\n2,c,,,\n");
    assertFalse(CliBenchmark.sameExcept(moved, before, "evidence_text"), "a change outside the column counts");
    Path shorter = Files.writeString(dir.resolve("s.csv"), "id,text,evidence,evidence_text,error\n1,\"a, b\",t:0-1,t: a,\n");
    assertFalse(CliBenchmark.sameExcept(shorter, before, "evidence_text"), "a missing row counts");
  }

  @Test
  void medianOfOddAndEvenCounts() {
    assertEquals(3.0, CliBenchmark.median(new double[] {1, 3, 8}));
    assertEquals(2.5, CliBenchmark.median(new double[] {1, 2, 3, 9}));
    assertEquals(7.0, CliBenchmark.median(new double[] {7}));
  }

  @Test
  void statsAreMedianMinAndMaxWhateverTheOrder() {
    ObjectNode n = new ObjectMapper().createObjectNode();
    CliBenchmark.putStats(n, "rows_per_second", new double[] {30_000.4, 10_000.2, 20_000.6});
    CliBenchmark.putStats(n, "ratio_over_peer_batch_cps", new double[] {0.51234, 0.7});
    assertEquals(20_001.0, n.get("rows_per_second_median").asDouble());
    assertEquals(10_000.0, n.get("rows_per_second_min").asDouble());
    assertEquals(30_000.0, n.get("rows_per_second_max").asDouble());
    assertEquals(0.6062, n.get("ratio_over_peer_batch_cps_median").asDouble());
  }

  @Test
  void markdownShowsBothJarsThePeerAndEveryRun() {
    ObjectMapper json = new ObjectMapper();
    ObjectNode r = json.createObjectNode();
    r.put("command", "java -jar a.jar classify");
    r.put("baseline_command", "java -jar b.jar classify");
    r.put("outputs_identical", true);
    r.put("rows", 100);
    ObjectNode summary = r.putObject("summary");
    CliBenchmark.putStats(summary.putObject("cli"), "rows_per_second", new double[] {50, 70});
    CliBenchmark.putStats(summary.putObject("baseline"), "rows_per_second", new double[] {40});
    ObjectNode peer = r.putObject("peer");
    peer.put("system", "sklearn-lr-word");
    CliBenchmark.putStats(peer, "throughput_batch_cps", new double[] {55});
    ObjectNode run = r.putArray("runs").addObject();
    run.put("repetition", 1);
    run.put("cli", "baseline");
    run.put("rows_per_second", 40.0);
    String md = CliBenchmark.markdown(r);
    assertTrue(md.contains("outputs identical: true"), md);
    r.put("outputs_identical", false);
    r.put("outputs_identical_except", "evidence_text");
    r.put("outputs_identical_without_that_column", true);
    assertTrue(CliBenchmark.markdown(r).contains("outputs identical: false; without column `evidence_text`: true"),
        CliBenchmark.markdown(r));
    assertTrue(md.contains("| verbatim CLI end to end | 60.0 (50.0-70.0) |"), md);
    assertTrue(md.contains("(baseline jar) | 40.0 (40.0-40.0) |"), md);
    assertTrue(md.contains("| 55.0 (55.0-55.0) |"), md);
    assertTrue(md.contains("| 1 | baseline |"), md);
  }
}
