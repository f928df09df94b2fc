package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.verbatim.cli.CliRunner.Result;

class MainTest {

  @Test
  void noCommandPrintsUsageAndFails() {
    Result r = CliRunner.run();
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("verbatim: error: a command is required"), r.err());
    assertTrue(r.err().contains("classify"), r.err());
  }

  @Test
  void versionComesFromTheBuild() {
    Result r = CliRunner.run("--version");
    assertEquals(0, r.exit());
    assertTrue(r.out().startsWith("verbatim " + VersionProvider.version()), r.out());
    assertTrue(VersionProvider.version().matches("\\d+\\.\\d+\\.\\d+.*"), VersionProvider.version());
  }

  @Test
  void classifyHelpNamesTheDefaultOutput() {
    Result r = CliRunner.run("classify", "--help");
    assertEquals(0, r.exit());
    assertTrue(r.out().contains("<input-basename>.classified.<ext>"), r.out());
    assertTrue(r.out().contains("--column-prefix"), r.out());
  }

  @Test
  void mainCommandLineReportsUsageErrorsInOneLine() {
    Result r = CliRunner.run(Main.commandLine(), "classify", "--inptu", "x.csv");
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("verbatim: error: "), r.err());
    assertTrue(r.err().contains("Try 'verbatim classify --help'"), r.err());
    // the mistyped option is named with the nearest one, not the --input it left missing
    assertTrue(r.err().startsWith("verbatim: error: unknown option '--inptu'; did you mean --input?"), r.err());
    Result far = CliRunner.run(Main.commandLine(), "classify", "-i", "x.csv", "--colour", "red");
    assertEquals(2, far.exit());
    assertTrue(far.err().startsWith("verbatim: error: unknown option '--colour'\n")
        || far.err().startsWith("verbatim: error: unknown option '--colour'" + System.lineSeparator()), far.err());
    Result value = CliRunner.run(Main.commandLine(), "classify", "--column-prefix", "-x", "--inptu=a.csv");
    assertTrue(value.err().contains("unknown option '--inptu'; did you mean --input?"), value.err());
  }

  @Test
  void helpTextHasNoFormatWarnings() {
    // every command, so a description added later with an unescaped '%' fails here
    for (String command : Main.commandLine().getSubcommands().keySet()) {
      if (command.equals("help")) {
        continue; // picocli's own help command: it has no exit codes of ours
      }
      Result r = CliRunner.run(Main.commandLine(), command, "--help");
      assertEquals(0, r.exit());
      assertFalse(r.err().contains("WARN") || r.out().contains("WARN"), command + ": " + r.err());
      assertTrue(r.out().contains("Exit codes:") && r.out().contains("2   the command line is wrong")
          || r.out().contains("2   the command line is wrong, or"), command + ": " + r.out());
    }
  }
}
