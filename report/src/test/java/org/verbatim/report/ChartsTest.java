package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.HeatMapChart;

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

  /**
   * XChart draws the heat map legend's ends with {@code "" + double}, and as outlines, so the SVG cannot be searched
   * for them: the test renders the chart and reads the numbers the legend was drawn with.
   */
  @Test
  void heatMapLegendAndValuesAreRoundedForPeople() {
    double fourNinths = 100.0 * 4 / 9;   // 44.44444444444444
    List<String> xs = List.of("listening", "respect");
    List<String> ys = List.of("North (9)", "South (3)");
    HeatMapChart chart = Charts.heatMapChart(xs, ys, new double[][] {{fourNinths, 100.0 / 9}, {100.0 / 3, 0}},
        Numbers.PERCENT, 300, "share");
    Charts.svg(chart, "g", "share");
    assertEquals("44.4", "" + chart.getHeatMapSeries().getMax(), "legend top");
    assertEquals("0.0", "" + chart.getHeatMapSeries().getMin(), "legend bottom");
    List<Double> cells = new java.util.ArrayList<>();
    for (Number[] c : chart.getHeatMapSeries().getHeatData()) {
      cells.add(c[2].doubleValue());
    }
    assertTrue(cells.containsAll(List.of(44.4, 11.1, 33.3, 0.0)), cells.toString());
    for (Double v : cells) {
      assertFalse(Double.toString(v).matches(".*\\.\\d{2,}"), "cell value " + v);
    }
    HeatMapChart counts = Charts.heatMapChart(xs, xs, new double[][] {{Double.NaN, 7}, {7, Double.NaN}}, 0, 300, "co");
    Charts.svg(counts, "c", "co");
    assertEquals("7.0", "" + counts.getHeatMapSeries().getMax(), "scale top of counts");
    assertFalse(counts.getStyler().isLegendVisible(), "XChart's legend writes its ends as doubles: hidden");
  }

  /** The legend drawn beside a heat map writes its ends as people write them: "7", not XChart's "7.0". */
  @Test
  void heatLegendEndsAreRoundNumbers() {
    double[][] counts = {{Double.NaN, 7}, {7, Double.NaN}};
    String legend = Charts.heatLegend(Charts.heatMax(counts, 0), 0, "");
    assertTrue(legend.contains("<span>0</span>") && legend.contains("<span>7</span>"), legend);
    assertFalse(legend.contains(".0"), legend);
    double[][] shares = {{100.0 * 4 / 9, 100.0 / 9}, {100.0 / 3, 0}};
    String percent = Charts.heatLegend(Charts.heatMax(shares, Numbers.PERCENT), Numbers.PERCENT, "%");
    assertTrue(percent.contains("<span>44.4%</span>") && percent.contains("<span>0.0%</span>"), percent);
    assertTrue(percent.contains("linear-gradient(to right, #f7fbff"), percent);
    assertEquals(1.0, Charts.heatMax(new double[][] {{0, Double.NaN}}, 0), "an all-zero map still has a scale");
  }

  @Test
  void oneRoundingRuleForPeople() {
    assertEquals("44.4", Numbers.fixed(100.0 * 4 / 9, Numbers.PERCENT));
    assertEquals("55.6", Numbers.fixed(100.0 * 5 / 9, Numbers.PERCENT));
    assertEquals("12.5", Numbers.fixed(12.5, Numbers.PERCENT));
    assertEquals("6.3", Numbers.fixed(6.25, Numbers.PERCENT), "a tie goes up");
    assertEquals("0.0", Numbers.fixed(-0.01, Numbers.PERCENT), "no minus zero");
    assertEquals("0.695", Numbers.fixed(0.69541, Numbers.FIGURE));
    assertEquals("n/a", Numbers.fixed(Double.NaN, Numbers.FIGURE));
    assertEquals(44.4, Numbers.round(100.0 * 4 / 9, Numbers.PERCENT));
    assertEquals("44.4%", Numbers.percent(4, 9));
    assertEquals("under 0.1%", Numbers.percent(1, 2000));
    assertEquals("–", Numbers.percent(1, 0));
    assertEquals("0.473", Numbers.forPeople("0.47312345"));
    assertEquals("0.47", Numbers.forPeople("0.47"));
    assertEquals("1.2.0", Numbers.forPeople("1.2.0"));
    assertEquals("42", Numbers.forPeople("42"));
    assertEquals("5 December 2026, 23:21 UTC", Numbers.forPeople("2026-12-05T23:21:14.498734141Z"));
    assertEquals("2026-12-05T23:21 in the morning", Numbers.forPeople("2026-12-05T23:21 in the morning"));
    // the score rule of the classify output: half up on the exact value (0.8345 is just below the tie)
    assertEquals(new org.verbatim.io.FlatColumns().score(0.8345), Numbers.fixed(0.8345, Numbers.FIGURE));
    assertEquals(new org.verbatim.io.FlatColumns().score(0.835), Numbers.fixed(0.835, Numbers.FIGURE));
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
          {2, 0, Double.NaN}}, 0, 360));
    for (String svg : svgs) {
      assertTrue(svg.startsWith("<svg") && svg.endsWith("</svg>") || svg.strip().endsWith("</svg>"), svg.substring(0, 80));
      assertTrue(svg.contains("<path"), "drawn shapes");
      assertFalse(svg.contains("<text"), "labels are outlines, not text nodes");
      assertFalse(svg.contains("<script"), "labels never become markup");
    }
  }
}
