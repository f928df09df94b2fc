package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

  @Test
  void rendersFractionRowsRateAndEta() {
    assertEquals(
        "[######..................]  25%  1,000 rows  100 rows/s  ETA 0:30",
        ProgressBar.render(1000, 250, 1000, 10.0));
    assertEquals("[########################] 100%  5 rows  5 rows/s", ProgressBar.render(5, 10, 10, 1.0));
    assertEquals("[........................]   0%  0 rows", ProgressBar.render(0, 0, 1000, 0.0));
  }

  @Test
  void durationsUseHoursWhenNeeded() {
    assertEquals("0:09", ProgressBar.duration(9.4));
    assertEquals("2:05", ProgressBar.duration(125));
    assertEquals("1:00:01", ProgressBar.duration(3601));
  }
}
