package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.cli.CliRunner.Result;

/** {@code classify --pipeline opennlp|corenlp}. */
class PipelineOptionTest {

  @TempDir Path dir;

  private Path csv() throws IOException {
    String content = "id,comment\n1,\"She never once listened, but she was polite.\"\n2,She did not listen to us and was rude.\n"
        + "3,Nothing everything was kind\n";
    return Files.write(dir.resolve("in.csv"), content.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void corenlpAgreesWithTheDefaultOnTheHardCasesAndUsesItsDependencyScope() throws IOException {
    Path in = csv();
    Path core = dir.resolve("core.csv");
    Path open = dir.resolve("open.csv");
    Result r = CliRunner.run("classify", "-i", in.toString(), "-o", core.toString(), "--pipeline", "corenlp", "-q", "-j", "2");
    assertEquals(0, r.exit(), r.err());
    assertEquals(0, CliRunner.run("classify", "-i", in.toString(), "-o", open.toString(), "-q").exit());
    List<String> coreLines = Files.readAllLines(core, StandardCharsets.UTF_8);
    List<String> openLines = Files.readAllLines(open, StandardCharsets.UTF_8);
    assertEquals(4, coreLines.size());
    assertTrue(coreLines.get(1).contains("listening:negative"), coreLines.get(1));
    assertTrue(coreLines.get(1).contains("respect:positive"), coreLines.get(1));
    assertTrue(coreLines.get(2).contains("respect:negative"), coreLines.get(2));
    assertEquals(openLines.subList(0, 3), coreLines.subList(0, 3));
    // "Nothing" answers the question; in the parse it governs nothing after it, so "kind" stays praise
    assertTrue(coreLines.get(3).contains("empathy:positive"), coreLines.get(3));
    assertTrue(openLines.get(3).contains("empathy:negative"), openLines.get(3));
  }

  @Test
  void anUnknownPipelineIsAUsageError() throws IOException {
    Result r = CliRunner.run("classify", "-i", csv().toString(), "--pipeline", "spacy");
    assertEquals(Main.USAGE_ERROR, r.exit());
    assertTrue(r.err().contains("--pipeline: expected opennlp or corenlp: 'spacy'"), r.err());
  }

  @Test
  void backendNamesIgnoreCase() {
    assertEquals(ClassifierFactory.Backend.CORENLP, ClassifierFactory.Backend.parse(" CoreNLP "));
    assertEquals(ClassifierFactory.Backend.OPENNLP, ClassifierFactory.Backend.parse("opennlp"));
    assertThrows(IllegalArgumentException.class, () -> ClassifierFactory.Backend.parse(""));
  }
}
