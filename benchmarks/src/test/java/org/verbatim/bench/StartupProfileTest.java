package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupProfileTest {

  @Test
  void printsEveryStepForBothCodebookForms() throws Exception {
    for (String codebook : List.of("compiled", "yaml")) {
      List<String> lines = run("--runs", "1", "--codebook", codebook);
      assertTrue(lines.get(0).startsWith("# 1 fresh JVMs, codebook " + codebook), lines.get(0));
      assertEquals(8, lines.size(), String.join("\n", lines));
      for (String step : List.of("jvm to main", "default codebook", "text pipeline", "classifier build", "first classify",
          "second classify")) {
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(step + " ")), step + " missing: " + lines);
      }
    }
  }

  @Test
  void refusesAnUnknownCodebookForm() {
    assertThrows(IllegalArgumentException.class, () -> StartupProfile.main(new String[] {"--codebook", "xml"}));
  }

  private static List<String> run(String... args) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setOut(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      StartupProfile.main(args);
    } finally {
      System.setOut(saved);
    }
    return buf.toString(StandardCharsets.UTF_8).lines().toList();
  }
}
