package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OutputColumnsTest {

  @Test
  void namesCarryThePrefix() {
    OutputColumns c = OutputColumns.withPrefix("vb_");
    assertEquals(List.of("vb_themes", "vb_scores", "vb_polarity", "vb_evidence", "vb_evidence_text", "vb_error"),
        c.names());
    assertEquals("vb_line", c.line());
  }

  @Test
  void clashesIgnoreCaseAndKeepInputOrder() {
    OutputColumns plain = OutputColumns.withPrefix("");
    assertEquals(List.of("Error", "themes"), plain.clashes(List.of("id", "Error", "text", "themes", "themes")));
    assertEquals(List.of(), OutputColumns.withPrefix("vb_").clashes(List.of("id", "Error", "themes")));
    assertEquals(List.of("VB_Scores"), OutputColumns.withPrefix("vb_").clashes(List.of("VB_Scores")));
  }
}
