package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
  }
}
