package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.cli.Main;
import picocli.CommandLine;

/** {@code verbatim classify --pipeline corenlp} with this module on the class path, as the plug-in puts it. */
class CliPluginTest {

  @TempDir Path dir;

  private static int run(StringWriter err, String... args) {
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(new StringWriter(), true));
    cl.setErr(new PrintWriter(err, true));
    return cl.execute(args);
  }

  @Test
  void corenlpAgreesWithTheDefaultOnTheHardCasesAndUsesItsDependencyScope() throws IOException {
    String content = "id,comment\n1,\"She never once listened, but she was polite.\"\n2,She did not listen to us and was rude.\n"
        + "3,Nothing everything was kind\n";
    Path in = Files.write(dir.resolve("in.csv"), content.getBytes(StandardCharsets.UTF_8));
    Path core = dir.resolve("core.csv");
    Path open = dir.resolve("open.csv");
    StringWriter err = new StringWriter();
    assertEquals(0, run(err, "classify", "-i", in.toString(), "-o", core.toString(), "--pipeline", "corenlp", "-q", "-j", "2"),
        err.toString());
    assertEquals(0, run(err, "classify", "-i", in.toString(), "-o", open.toString(), "-q"), err.toString());
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
}
