package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportScaleTest {

  @Test
  void aSmallRunStaysWithinTheBounds(@TempDir Path tmp) throws Exception {
    ReportScale.Result r = ReportScale.run(3_000, 99, tmp);
    assertEquals(3_000, r.rows());
    assertEquals(ReportScale.THEMES.size(), r.themes());
    assertTrue(ReportScale.withinBounds(r), r.toString());
  }
}
