package org.verbatim.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.HeatMapChartBuilder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.VectorGraphicsEncoder.VectorGraphicsFormat;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's charts with XChart and turns each into an SVG fragment that can be inlined in HTML: the XML
 * prolog is dropped, element ids are made unique per chart, coordinates are rounded to one decimal, and the root
 * gets {@code role="img"}, an {@code aria-label} and a width of 100%.
 *
 * <p>XChart draws all text as glyph outlines, so the SVG holds no text nodes: labels (theme ids, group names)
 * cannot inject markup, and the charts look the same whatever fonts the reader's machine has.
 *
 * <p>Colours: the Okabe-Ito palette (safe for the common colour-vision deficiencies) for series, praise in blue
 * and complaint in vermillion; a single-hue blue ramp for heat maps.
 *
 * <p>Stateless; each call builds its own chart, so calls may run on different threads.
 */
final class Charts {

  /** Praise (positive). */
  static final Color PRAISE = new Color(0x0072B2);
  /** Complaint (negative). */
  static final Color COMPLAINT = new Color(0xD55E00);
  /** Mixed. */
  static final Color MIXED = new Color(0xCC79A7);
  /** Neutral. */
  static final Color NEUTRAL = new Color(0xB8B8B8);
  /** Theme prevalence: a neutral slate, so it is not read as praise or complaint. */
  static final Color SLATE = new Color(0x44546A);
  /** Okabe-Ito colours, black last. */
  static final Color[] SERIES = {
    new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xCC79A7),
    new Color(0xE69F00), new Color(0x56B4E9), new Color(0xF0E442), new Color(0x000000)
  };
  /** Light end of ColorBrewer's "Blues" ramp: dark enough to read, light enough for dark value labels. */
  private static final Color[] HEAT = {
    new Color(0xF7FBFF), new Color(0xDEEBF7), new Color(0xC6DBEF), new Color(0x9ECAE1), new Color(0x6BAED6),
    new Color(0x4292C6)
  };
  private static final Color INK = new Color(0x1F2933);
  private static final Color GRID = new Color(0xE4E7EB);
  private static final Font BASE = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
  private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
  private static final Pattern LONG_DECIMAL = Pattern.compile("(\\d\\.\\d)\\d+");
  private static final Pattern PROLOG = Pattern.compile("(?s)\\A.*?(<svg\\b)");
  private static final Pattern SVG_SIZE = Pattern.compile("\\s(?:width|height)=\"[^\"]*\"");

  static final int WIDTH = 960;

  static {
    // Charts are drawn off screen; never open a window or a dock icon for them.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  private Charts() {}

  /** Vertical bars: one value per category, value labels on the bars (values in percent, one decimal). */
  static String bars(String id, String label, List<String> categories, List<Double> values, String yTitle,
      Color color) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(380).xAxisTitle("").yAxisTitle(yTitle).build();
    style(chart);
    axes(chart.getStyler(), categories.size());
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setLabelsVisible(true);
    chart.getStyler().setLabelsFont(SMALL);
    chart.getStyler().setLabelsFontColorAutomaticEnabled(true);
    chart.getStyler().setLabelsFontColorAutomaticLight(Color.WHITE);
    chart.getStyler().setLabelsFontColorAutomaticDark(INK);
    chart.getStyler().setLabelsPosition(0.93);
    chart.getStyler().setDecimalPattern("0.0");
    chart.getStyler().setYAxisDecimalPattern("0");
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setAvailableSpaceFill(0.6);
    chart.getStyler().setSeriesColors(new Color[] {color});
    List<Double> rounded = new ArrayList<>(values.size());
    for (Double v : values) {
      rounded.add(v == null ? null : Numbers.round(v, Numbers.PERCENT));
    }
    chart.addSeries(yTitle, new ArrayList<>(categories), rounded);
    return svg(chart, id, label);
  }

  /** Stacked bars: praise, complaint, mixed, neutral counts per category. */
  static String polarityBars(String id, String label, List<String> categories, List<long[]> counts) {
    CategoryChart chart =
        new CategoryChartBuilder().width(WIDTH).height(400).xAxisTitle("").yAxisTitle("Comments").build();
    style(chart);
    axes(chart.getStyler(), categories.size());
    chart.getStyler().setStacked(true);
    chart.getStyler().setAvailableSpaceFill(0.6);
    chart.getStyler().setYAxisDecimalPattern("#,##0");
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setSeriesColors(new Color[] {PRAISE, COMPLAINT, MIXED, NEUTRAL});
    String[] names = {"Praise", "Complaint", "Mixed", "Neutral"};
    for (int p = 0; p < names.length; p++) {
      List<Number> ys = new ArrayList<>(counts.size());
      for (long[] c : counts) {
        ys.add(c[p]);
      }
      chart.addSeries(names[p], new ArrayList<>(categories), ys);
    }
    return svg(chart, id, label);
  }

  /** Lines: one series per theme over ordered period labels (values in percent; null for no data). */
  static String lines(String id, String label, List<String> periods, List<String> seriesNames,
      List<List<Double>> seriesValues, String yTitle) {
    CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(400).xAxisTitle("").yAxisTitle(yTitle).build();
    style(chart);
    axes(chart.getStyler(), periods.size());
    chart.getStyler().setDefaultSeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisDecimalPattern("0");
    chart.getStyler().setMarkerSize(6);
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setLegendLayout(Styler.LegendLayout.Horizontal);
    chart.getStyler().setSeriesColors(SERIES);
    chart.getStyler().setSeriesLines(new BasicStroke[] {new BasicStroke(2.2f)});
    chart.getStyler().setSeriesMarkers(new org.knowm.xchart.style.markers.Marker[] {
      SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE, SeriesMarkers.TRIANGLE_UP,
      SeriesMarkers.TRIANGLE_DOWN, SeriesMarkers.CIRCLE, SeriesMarkers.DIAMOND, SeriesMarkers.SQUARE
    });
    if (periods.size() > 24) {
      chart.getStyler().setXAxisMaxLabelCount(24);
    }
    for (int s = 0; s < seriesNames.size(); s++) {
      chart.addSeries(seriesNames.get(s), new ArrayList<>(periods), new ArrayList<>(seriesValues.get(s)));
    }
    return svg(chart, id, label);
  }

  /**
   * A heat map; {@code values[y][x]} is drawn at column {@code x}, row {@code y}, the first row at the top; NaN
   * cells are left empty. The values are rounded to {@code decimals} by {@link Numbers}; the colours run from 0 to
   * {@link #heatMax}. XChart's own legend is hidden (it writes its ends as {@code "" + double}, "12.0"): put
   * {@link #heatLegend} beside the chart.
   */
  static String heatMap(String id, String label, List<String> xLabels, List<String> yLabels, double[][] values,
      int decimals, int height) {
    return svg(heatMapChart(xLabels, yLabels, values, decimals, height, label), id, label);
  }

  /** The chart of {@link #heatMap}, not yet drawn. */
  static HeatMapChart heatMapChart(List<String> xLabels, List<String> yLabels, double[][] values, int decimals,
      int height, String label) {
    String decimalPattern = decimals == 0 ? "#,##0" : "#,##0." + "0".repeat(decimals);
    HeatMapChart chart = new HeatMapChartBuilder().width(WIDTH).height(height).build();
    style(chart);
    chart.getStyler().setLegendVisible(false);
    chart.getStyler().setPlotBorderVisible(false);
    chart.getStyler().setShowValue(true);
    chart.getStyler().setValueFont(SMALL);
    chart.getStyler().setValueFontColor(INK);
    chart.getStyler().setRangeColors(HEAT);
    chart.getStyler().setHeatMapValueDecimalPattern(decimalPattern);
    chart.getStyler().setXAxisLabelRotation(xLabels.size() > 6 ? 35 : 0);
    chart.getStyler().setAxisTickLabelsFont(SMALL);
    chart.getStyler().setAxisTickLabelsColor(INK);
    chart.getStyler().setPlotGridLinesVisible(false);
    chart.getStyler().setDrawBorder(true);
    List<Number[]> cells = new ArrayList<>();
    int rows = yLabels.size();
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < xLabels.size(); x++) {
        double v = Numbers.round(values[y][x], decimals);
        if (!Double.isNaN(v)) {
          cells.add(new Number[] {x, rows - 1 - y, v});
        }
      }
    }
    if (cells.isEmpty()) {
      cells.add(new Number[] {0, 0, 0});
    }
    chart.getStyler().setMin(0);
    chart.getStyler().setMax(heatMax(values, decimals));
    List<String> bottomUp = new ArrayList<>(yLabels);
    java.util.Collections.reverse(bottomUp);
    chart.addSeries(label, new ArrayList<>(xLabels), bottomUp, cells);
    return chart;
  }

  /** The top of a heat map's colour scale: the largest value rounded to {@code decimals}, or 1 when all are 0. */
  static double heatMax(double[][] values, int decimals) {
    double max = 0;
    for (double[] row : values) {
      for (double value : row) {
        double v = Numbers.round(value, decimals);
        if (!Double.isNaN(v)) {
          max = Math.max(max, v);
        }
      }
    }
    return max > 0 ? max : 1;
  }

  /**
   * The colour scale of a heat map as HTML: its ends written by {@link Numbers#fixed} (so "12", not XChart's "12.0"),
   * with the heat map's colours between them.
   */
  static String heatLegend(double max, int decimals, String unit) {
    StringBuilder gradient = new StringBuilder("linear-gradient(to right");
    for (Color c : HEAT) {
      gradient.append(", #").append(String.format(Locale.ROOT, "%06x", c.getRGB() & 0xFFFFFF));
    }
    gradient.append(')');
    return "<div class=\"heat-legend\"><span>" + Numbers.fixed(0, decimals) + unit + "</span>"
        + "<span class=\"heat-scale\" style=\"background: " + gradient + "\"></span><span>"
        + Numbers.fixed(max, decimals) + unit + "</span></div>";
  }

  private static void style(Chart<?, ?> chart) {
    Styler s = chart.getStyler();
    s.setChartBackgroundColor(Color.WHITE);
    s.setPlotBackgroundColor(Color.WHITE);
    s.setPlotBorderVisible(false);
    s.setChartTitleVisible(false);
    s.setChartFontColor(INK);
    s.setBaseFont(BASE);
    s.setLegendFont(BASE);
    s.setLegendBorderColor(Color.WHITE);
    s.setLegendBackgroundColor(Color.WHITE);
    s.setChartPadding(12);
    s.setAntiAlias(true);
    s.setToolTipsEnabled(false);
  }

  private static void axes(AxesChartStyler s, int categories) {
    s.setAxisTickLabelsFont(SMALL);
    s.setAxisTickLabelsColor(INK);
    s.setAxisTitleFont(BASE);
    s.setPlotGridLinesColor(GRID);
    s.setPlotGridLinesStroke(new BasicStroke(1f));
    s.setPlotGridVerticalLinesVisible(false);
    s.setAxisTickMarksColor(GRID);
    s.setAxisTicksLineVisible(false);
    s.setLocale(Locale.UK);
    s.setXAxisLabelRotation(categories > 8 ? 35 : 0);
  }

  /** Renders the chart to SVG in memory and makes the fragment safe to inline (see class comment). */
  static String svg(Chart<?, ?> chart, String id, String label) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
    try {
      VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsFormat.SVG);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot render chart " + id, e);
    }
    return inline(out.toString(StandardCharsets.UTF_8), id, label);
  }

  /** Makes an SVG document inlinable: see the class comment. */
  static String inline(String svg, String id, String label) {
    Matcher prolog = PROLOG.matcher(svg);
    String s = prolog.find() ? svg.substring(prolog.start(1)) : svg;
    String lower = s.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("<svg") || lower.contains("<script") || lower.contains("<foreignobject")) {
      throw new IllegalStateException("chart " + id + ": unexpected SVG output");
    }
    s = s.replace("id=\"", "id=\"" + id + "-").replace("url(#", "url(#" + id + "-")
        .replace("href=\"#", "href=\"#" + id + "-");
    s = LONG_DECIMAL.matcher(s).replaceAll("$1");
    int rootEnd = s.indexOf('>');
    String root = SVG_SIZE.matcher(s.substring(0, rootEnd)).replaceAll("");
    return root + " width=\"100%\" role=\"img\" aria-label=\"" + Html.escape(label) + "\" class=\"chart-svg\""
        + s.substring(rootEnd);
  }
}
