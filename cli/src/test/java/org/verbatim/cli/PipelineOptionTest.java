package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
  void corenlpWithoutThePluginSaysHowToBuildIt() throws IOException {
    // the CLI is built without the corenlp module (a Maven profile); its test there runs the real pipeline
    Path out = dir.resolve("core.csv");
    Result r = CliRunner.run("classify", "-i", csv().toString(), "-o", out.toString(), "--pipeline", "corenlp", "-q");
    assertEquals(Main.DATA_ERROR, r.exit(), r.err());
    assertTrue(r.err().startsWith("verbatim: error: --pipeline corenlp: the CoreNLP plug-in is not installed"), r.err());
    assertTrue(r.err().contains("-Pcorenlp"), r.err());
    assertFalse(Files.exists(out));
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
