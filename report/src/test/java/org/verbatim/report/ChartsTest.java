package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

  @Test
  void inlineDropsPrologPrefixesIdsAndEscapesTheLabel() {
    String svg = "<?xml version=\"1.0\"?>\n<!DOCTYPE svg PUBLIC \"x\" \"y\">\n<svg height=\"300px\" viewBox=\"0 0 600 300\" "
        + "width=\"600px\"><defs><clipPath id=\"clip1\"><rect width=\"1.23456\"/></clipPath></defs>"
        + "<g clip-path=\"url(#clip1)\"/></svg>";
    String s = Charts.inline(svg, "c1", "A <b> chart");
    assertTrue(s.startsWith("<svg"), s);
    assertTrue(s.contains("id=\"c1-clip1\"") && s.contains("url(#c1-clip1)"), s);
    assertTrue(s.contains("aria-label=\"A &lt;b&gt; chart\""), s);
    assertTrue(s.contains("width=\"1.2\""), "coordinates rounded: " + s);
    assertFalse(s.contains("600px"), "fixed size removed so the chart scales: " + s);
    assertTrue(s.contains("viewBox=\"0 0 600 300\""), s);
  }

  @Test
  void inlineRefusesScript() {
    assertThrows(IllegalStateException.class, () -> Charts.inline("<svg><script>x</script></svg>", "c", "l"));
  }

  @Test
  void drawsEveryChartKindAsSvgWithoutTextNodes() {
    List<String> themes = List.of("listening", "<script>alert(1)</script>", "respect");
    List<String> svgs = List.of(
        Charts.bars("a", "bars", themes, List.of(10.0, 20.0, 5.0), "%", Charts.PRAISE),
        Charts.polarityBars("b", "pol", themes, List.of(new long[] {1, 2, 3, 4}, new long[] {0, 1, 0, 0},
            new long[] {5, 0, 0, 1})),
        Charts.lines("c", "lines", List.of("2024-01", "2024-02"), List.of("x", "y"),
            List.of(List.of(1.0, 2.0), List.of(3.0, 0.5)), "%"),
        Charts.heatMap("d", "heat", themes, themes, new double[][] {{Double.NaN, 1, 2}, {1, Double.NaN, 0},
          {2, 0, Double.NaN}}, "0", 360));
    for (String svg : svgs) {
      assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>") || svg.strip().endsWith("</svg>"), svg.substring(0, 80));
      assertTrue(svg.contains("<path"), "drawn shapes");
      assertFalse(svg.contains("<text"), "labels are outlines, not text nodes");
      assertFalse(svg.contains("<script"), "labels never become markup");
    }
  }
}
