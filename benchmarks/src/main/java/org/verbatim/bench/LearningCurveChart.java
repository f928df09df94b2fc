package org.verbatim.bench;

import java.awt.BasicStroke;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws learning curves (micro and macro F1 on the test set against the number of training comments) as an
 * SVG file with XChart.
 *
 * <pre>{@code
 * LearningCurveChart.write("nhs-fft-v6", List.of(curve), Path.of("out/learning-curve.svg"));
 * }</pre>
 *
 * <p>Stateless and thread-safe (it sets {@code java.awt.headless=true} if unset).
 */
public final class LearningCurveChart {

  /**
   * One measured point.
   *
   * @param fraction share of the training set used, in (0, 1]
   * @param trainSize training comments used
   * @param microF1 micro F1 on the test set
   * @param macroF1 macro F1 on the test set
   */
  public record Point(double fraction, int trainSize, double microF1, double macroF1) {}

  /**
   * The curve of one system.
   *
   * @param system the system name
   * @param points the points, by increasing training size
   */
  public record Curve(String system, List<Point> points) {
    public Curve {
      Objects.requireNonNull(system, "system");
      points = List.copyOf(points);
    }
  }

  /** One colour per system; micro F1 solid with circles, macro F1 dashed with diamonds. */
  private static final java.awt.Color[] PALETTE = {
    new java.awt.Color(0x1f77b4), new java.awt.Color(0xd62728), new java.awt.Color(0x2ca02c),
    new java.awt.Color(0x9467bd), new java.awt.Color(0xff7f0e), new java.awt.Color(0x8c564b),
    new java.awt.Color(0x17becf), new java.awt.Color(0x7f7f7f)};

  private LearningCurveChart() {}

  /**
   * Redraws {@code learning-curve.svg} beside each given {@code accuracy.json} from the points stored in it.
   *
   * <p>Command line: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.LearningCurveChart
   * benchmarks/results/*}{@code /accuracy.json}.
   */
  public static void main(String[] args) throws IOException {
    for (String a : args) {
      Path json = Path.of(a);
      com.fasterxml.jackson.databind.JsonNode root = AccuracyReport.read(json);
      List<Curve> curves = new ArrayList<>();
      for (com.fasterxml.jackson.databind.JsonNode s : root.path("systems")) {
        List<Point> points = new ArrayList<>();
        for (com.fasterxml.jackson.databind.JsonNode p : s.path("learning_curve")) {
          points.add(new Point(p.get("fraction").asDouble(), p.get("n_train").asInt(), p.get("micro_f1").asDouble(),
              p.get("macro_f1").asDouble()));
        }
        if (!points.isEmpty()) {
          curves.add(new Curve(s.get("system").asText(), points));
        }
      }
      if (!curves.isEmpty()) {
        Path svg = json.resolveSibling(AccuracyReport.CURVE_SVG);
        write(root.path("dataset").asText(), curves, svg);
        System.out.println("wrote " + svg);
      }
    }
  }

  /**
   * Writes the chart.
   *
   * @throws IllegalArgumentException if no curve has a point
   * @throws IOException if the file cannot be written
   */
  public static void write(String title, List<Curve> curves, Path svg) throws IOException {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(svg, "svg");
    if (curves.stream().allMatch(c -> c.points().isEmpty())) {
      throw new IllegalArgumentException("no learning-curve point to draw");
    }
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
    XYChart chart = new XYChartBuilder().width(800).height(500)
        .title("Learning curve: " + title)
        .xAxisTitle("training comments")
        .yAxisTitle("F1 on test.csv")
        .build();
    chart.getStyler().setLegendPosition(Styler.LegendPosition.OutsideS);
    chart.getStyler().setYAxisMin(0.0);
    chart.getStyler().setYAxisMax(1.0);
    chart.getStyler().setChartBackgroundColor(java.awt.Color.WHITE);
    chart.getStyler().setXAxisDecimalPattern("#,##0");
    chart.getStyler().setYAxisDecimalPattern("0.00");
    BasicStroke dashed = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f);
    int k = 0;
    for (Curve c : curves) {
      if (c.points().isEmpty()) {
        continue;
      }
      java.awt.Color color = PALETTE[k++ % PALETTE.length];
      List<Double> x = new ArrayList<>();
      List<Double> micro = new ArrayList<>();
      List<Double> macro = new ArrayList<>();
      for (Point p : c.points()) {
        x.add((double) p.trainSize());
        micro.add(p.microF1());
        macro.add(p.macroF1());
      }
      XYSeries s1 = chart.addSeries(c.system() + " micro F1", x, micro);
      s1.setMarker(SeriesMarkers.CIRCLE);
      s1.setLineColor(color);
      s1.setMarkerColor(color);
      XYSeries s2 = chart.addSeries(c.system() + " macro F1", x, macro);
      s2.setMarker(SeriesMarkers.DIAMOND);
      s2.setLineStyle(dashed);
      s2.setLineColor(color);
      s2.setMarkerColor(color);
    }
    if (svg.getParent() != null) {
      Files.createDirectories(svg.getParent());
    }
    String base = svg.toString();
    if (base.endsWith(".svg")) {
      base = base.substring(0, base.length() - 4);
    }
    VectorGraphicsEncoder.saveVectorGraphic(chart, base, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
  }
}
