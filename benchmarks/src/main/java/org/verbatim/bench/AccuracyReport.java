package org.verbatim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verbatim.eval.ConfidenceIntervals;
import org.verbatim.eval.Interval;
import org.verbatim.eval.MultiLabelReport;

/**
 * Writes the accuracy suite's files: per dataset {@code accuracy.json}, {@code accuracy.md} and
 * {@code learning-curve.svg}; across datasets {@code summary.json} and {@code summary.md}.
 *
 * <p>Ratios are ours divided by the peer's: above 1 is better for F1 and throughput, worse for seconds.
 * Stateless and thread-safe.
 */
public final class AccuracyReport {

  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** Name of the learning-curve chart in a dataset folder. */
  public static final String CURVE_SVG = "learning-curve.svg";

  private AccuracyReport() {}

  /** Writes the files of one dataset into {@code dir}. */
  public static void write(AccuracySettings s, DatasetResult r, Path dir) throws IOException {
    Files.createDirectories(dir);
    ObjectNode json = json(s, r);
    Files.writeString(dir.resolve("accuracy.json"), JSON.writeValueAsString(json) + "\n", StandardCharsets.UTF_8);
    boolean chart = false;
    List<LearningCurveChart.Curve> curves = new ArrayList<>();
    for (SystemResult sr : r.systems()) {
      if (!sr.curve().isEmpty()) {
        curves.add(new LearningCurveChart.Curve(sr.system(), sr.curve()));
      }
    }
    if (!curves.isEmpty()) {
      LearningCurveChart.write(r.dataset(), curves, dir.resolve(CURVE_SVG));
      chart = true;
    }
    Files.writeString(dir.resolve("accuracy.md"), markdown(s, r, chart), StandardCharsets.UTF_8);
  }

  static ObjectNode json(AccuracySettings s, DatasetResult r) throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("dataset", r.dataset());
    root.put("date", Instant.now().toString());
    root.put("machine", Machine.describe());
    root.put("command", s.command());
    root.put("n_train", r.nTrain());
    root.put("n_test", r.nTest());
    root.put("n_train_labels", r.nTrainLabels());
    root.put("seed", s.seed());
    root.put("folds", s.folds());
    root.put("bootstrap_resamples", s.bootstrap());
    r.primary().ifPresent(p -> root.put("primary", p.system()));
    ArrayNode systems = root.putArray("systems");
    for (SystemResult sr : r.systems()) {
      ObjectNode o = systems.addObject();
      o.put("system", sr.system());
      if (sr.cv() != null) {
        ObjectNode cv = o.putObject("cv");
        cv.put("folds", sr.cvFolds());
        cv.put("what", sr.cvFolds() > 0 ? "out-of-fold predictions on train.csv" : "train.csv scored without fitting");
        cv.put("micro_f1", sr.cv().microF1());
        cv.put("macro_f1", sr.cv().macroF1());
        cv.put("hamming_loss", sr.cv().hammingLoss());
        cv.put("subset_accuracy", sr.cv().subsetAccuracy());
      }
      o.set("test", JSON.readTree(sr.test().toJson()));
      o.put("train_seconds", sr.fitted().trainSeconds());
      o.put("tune_seconds", sr.fitted().tuneSeconds());
      o.put("load_seconds", sr.fitted().loadSeconds());
      ObjectNode chosen = o.putObject("chosen");
      new java.util.TreeMap<>(sr.fitted().chosen()).forEach(chosen::put);
      ThroughputProbe.Result tp = sr.throughput();
      o.put("throughput_n", tp.batchN());
      o.put("throughput_batch_cps", round(tp.batchCps(), 1));
      o.put("single_n", tp.singleN());
      putNumber(o, "throughput_single_cps", round(tp.singleCps(), 1));
      putNumber(o, "latency_single_p50_ms", round(tp.latencyP50Ms(), 4));
      putNumber(o, "latency_single_p99_ms", round(tp.latencyP99Ms(), 4));
      ArrayNode curve = o.putArray("learning_curve");
      for (LearningCurveChart.Point p : sr.curve()) {
        ObjectNode po = curve.addObject();
        po.put("fraction", p.fraction());
        po.put("n_train", p.trainSize());
        po.put("micro_f1", p.microF1());
        po.put("macro_f1", p.macroF1());
      }
      ArrayNode notes = o.putArray("notes");
      sr.notes().forEach(notes::add);
    }
    ArrayNode peers = root.putArray("peers");
    for (Peers.Run p : r.peers()) {
      ObjectNode po = peers.addObject();
      po.setAll((ObjectNode) p.json());
      po.put("process_seconds", round(p.process().seconds(), 3));
      putNumber(po, "process_peak_rss_mb", round(p.process().peakRssMb(), 1));
    }
    ArrayNode ratios = root.putArray("ratios");
    for (Ratio ratio : ratios(r)) {
      ObjectNode ro = ratios.addObject();
      ro.put("verbatim", ratio.ours());
      ro.put("peer", ratio.peer());
      ratio.values().forEach((k, v) -> putNumber(ro, k, round(v, 4)));
    }
    ArrayNode skipped = root.putArray("skipped");
    for (DatasetResult.Skipped sk : r.skipped()) {
      skipped.addObject().put("system", sk.system()).put("reason", sk.reason());
    }
    return root;
  }

  /**
   * Ours / peer for one pair of systems.
   *
   * @param ours our system
   * @param peer the peer
   * @param values ratio per measure (micro_f1, macro_f1, throughput_batch_cps, throughput_single_cps,
   *     train_seconds, tune_seconds)
   */
  record Ratio(String ours, String peer, Map<String, Double> values) {}

  static List<Ratio> ratios(DatasetResult r) {
    List<Ratio> out = new ArrayList<>();
    if (r.primary().isEmpty()) {
      return out;
    }
    SystemResult ours = r.primary().get();
    for (Peers.Run p : r.peers()) {
      Map<String, Double> v = new java.util.LinkedHashMap<>();
      v.put("micro_f1", div(ours.test().metrics().microF1(), p.number("micro_f1")));
      v.put("macro_f1", div(ours.test().metrics().macroF1(), p.number("macro_f1")));
      v.put("throughput_batch_cps", div(ours.throughput().batchCps(), p.number("throughput_batch_cps")));
      v.put("throughput_single_cps", div(ours.throughput().singleCps(), p.number("throughput_single_cps")));
      v.put("train_seconds", div(ours.fitted().trainSeconds(), p.number("train_seconds")));
      v.put("tune_seconds", div(ours.fitted().tuneSeconds(), p.number("tune_seconds")));
      out.add(new Ratio(ours.system(), p.system(), v));
    }
    return out;
  }

  static String markdown(AccuracySettings s, DatasetResult r, boolean chart) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Accuracy: ").append(r.dataset()).append("\n\n");
    sb.append("- date: ").append(Instant.now()).append('\n');
    sb.append("- machine: ").append(Machine.describe()).append('\n');
    sb.append("- command: `").append(s.command()).append("`\n");
    sb.append("- data: ").append(r.nTrain()).append(" train, ").append(r.nTest()).append(" test, ")
        .append(r.nTrainLabels()).append(" labels in train; seed ").append(s.seed()).append("\n\n");
    sb.append("## Systems, scored on test.csv\n\n");
    sb.append("CV = ").append(s.folds()).append("-fold cross-validation on train.csv (out-of-fold predictions; for a "
        + "zero-shot system, train.csv scored without fitting). uF1 / MF1 = micro / macro F1 (macro over gold ∪ "
        + "predicted labels, as metrics.py) with 95% bootstrap CI; HL = Hamming loss; subset = exact-set accuracy; "
        + "seconds: final fit (train) and model selection (tune); throughput in comments/s on one thread.\n\n");
    sb.append("| system | CV uF1 | CV MF1 | uF1 | MF1 | HL | subset | train s | tune s | batch c/s | 1-by-1 c/s |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (SystemResult sr : r.systems()) {
      MultiLabelReport m = sr.test().metrics();
      ConfidenceIntervals ci = sr.test().intervals();
      sb.append("| ").append(sr.system())
          .append(" | ").append(sr.cv() == null ? "" : f3(sr.cv().microF1()))
          .append(" | ").append(sr.cv() == null ? "" : f3(sr.cv().macroF1()))
          .append(" | ").append(withCi(m.microF1(), ci == null ? null : ci.microF1()))
          .append(" | ").append(withCi(m.macroF1(), ci == null ? null : ci.macroF1()))
          .append(" | ").append(fmt(m.hammingLoss(), 4))
          .append(" | ").append(f3(m.subsetAccuracy()))
          .append(" | ").append(fmt(sr.fitted().trainSeconds(), 2))
          .append(" | ").append(fmt(sr.fitted().tuneSeconds(), 2))
          .append(" | ").append(fmt(sr.throughput().batchCps(), 0))
          .append(" | ").append(fmt(sr.throughput().singleCps(), 0))
          .append(" |\n");
    }
    for (Peers.Run p : r.peers()) {
      sb.append("| ").append(p.system()).append(" (peer)")
          .append(" | ").append(" | ")
          .append(" | ").append(f3(p.number("micro_f1")))
          .append(" | ").append(f3(p.number("macro_f1")))
          .append(" | ").append(fmt(p.number("hamming_loss"), 4))
          .append(" | ").append(f3(p.number("subset_accuracy")))
          .append(" | ").append(fmt(p.number("train_seconds"), 2))
          .append(" | ").append(fmt(p.number("tune_seconds"), 2))
          .append(" | ").append(fmt(p.number("throughput_batch_cps"), 0))
          .append(" | ").append(fmt(p.number("throughput_single_cps"), 0))
          .append(" |\n");
    }
    List<Ratio> ratios = ratios(r);
    if (!ratios.isEmpty()) {
      sb.append("\n## Ours / peer\n\n");
      sb.append("Ours = ").append(ratios.get(0).ours()).append(" (best cross-validated micro F1 among our systems). "
          + "Above 1 is better for F1 and throughput, worse for seconds.\n\n");
      sb.append("| peer | uF1 | MF1 | batch c/s | 1-by-1 c/s | train s | tune s |\n");
      sb.append("|---|---:|---:|---:|---:|---:|---:|\n");
      for (Ratio ratio : ratios) {
        sb.append("| ").append(ratio.peer());
        for (String k : List.of("micro_f1", "macro_f1", "throughput_batch_cps", "throughput_single_cps",
            "train_seconds", "tune_seconds")) {
          sb.append(" | ").append(fmt(ratio.values().get(k), 3));
        }
        sb.append(" |\n");
      }
    }
    if (r.systems().stream().anyMatch(x -> !x.curve().isEmpty())) {
      sb.append("\n## Learning curve (test.csv; nested seeded subsets of train.csv)\n\n");
      if (chart) {
        sb.append("![learning curve](").append(CURVE_SVG).append(")\n\n");
      }
      sb.append("| system | fraction | train comments | uF1 | MF1 |\n|---|---:|---:|---:|---:|\n");
      for (SystemResult sr : r.systems()) {
        for (LearningCurveChart.Point p : sr.curve()) {
          sb.append("| ").append(sr.system()).append(" | ").append(fmt(p.fraction() * 100, 0)).append("% | ")
              .append(p.trainSize()).append(" | ").append(f3(p.microF1())).append(" | ").append(f3(p.macroF1()))
              .append(" |\n");
        }
      }
    }
    for (SystemResult sr : r.systems()) {
      sb.append("\n## ").append(sr.system()).append(": per-theme scores on test.csv\n\n");
      if (!sr.fitted().chosen().isEmpty()) {
        sb.append("Chosen: ").append(new java.util.TreeMap<>(sr.fitted().chosen())).append("\n\n");
      }
      sb.append(sr.test().toMarkdown());
      for (String n : sr.notes()) {
        sb.append("\nNote: ").append(n).append('\n');
      }
    }
    if (!r.skipped().isEmpty()) {
      sb.append("\n## Not run\n\n");
      for (DatasetResult.Skipped sk : r.skipped()) {
        sb.append("- ").append(sk.system()).append(": ").append(sk.reason()).append('\n');
      }
    }
    return sb.toString();
  }

  /**
   * Writes {@code summary.md} and {@code summary.json}: one row per dataset and system, then the zero-shot
   * evaluations against coded sets.
   */
  public static void writeSummary(AccuracySettings s, List<DatasetResult> results, List<ZeroShotGold.Line> zeroShot,
      Path dir) throws IOException {
    Files.createDirectories(dir);
    ArrayNode rows = JSON.createArrayNode();
    StringBuilder sb = new StringBuilder();
    sb.append("# Accuracy suite summary\n\n");
    sb.append("- date: ").append(Instant.now()).append('\n');
    sb.append("- machine: ").append(Machine.describe()).append('\n');
    sb.append("- command: `").append(s.command()).append("`\n\n");
    if (!results.isEmpty()) {
      sb.append("## Datasets\n\nTest-set scores; `*` marks our primary system (best CV micro F1), compared with each "
          + "peer in the dataset's accuracy.md.\n\n");
      sb.append("| dataset | system | uF1 | MF1 | HL | subset | train s | tune s | batch c/s | 1-by-1 c/s |\n");
      sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    }
    for (DatasetResult r : results) {
      String primary = r.primary().map(SystemResult::system).orElse("");
      for (SystemResult sr : r.systems()) {
        MultiLabelReport m = sr.test().metrics();
        row(sb, rows, r.dataset(), sr.system() + (sr.system().equals(primary) ? " *" : ""), m.microF1(), m.macroF1(),
            m.hammingLoss(), m.subsetAccuracy(), sr.fitted().trainSeconds(), sr.fitted().tuneSeconds(),
            sr.throughput().batchCps(), sr.throughput().singleCps());
      }
      for (Peers.Run p : r.peers()) {
        row(sb, rows, r.dataset(), p.system() + " (peer)", p.number("micro_f1"), p.number("macro_f1"),
            p.number("hamming_loss"), p.number("subset_accuracy"), p.number("train_seconds"), p.number("tune_seconds"),
            p.number("throughput_batch_cps"), p.number("throughput_single_cps"));
      }
    }
    if (!zeroShot.isEmpty()) {
      sb.append("\n## Zero-shot, default social-care codebook, against coded sets\n\n").append(ZeroShotGold.TABLE_HEAD);
      for (ZeroShotGold.Line l : zeroShot) {
        sb.append(ZeroShotGold.tableRow(l));
        ObjectNode o = rows.addObject();
        o.put("zero_shot_set", l.set());
        o.put("system", l.system());
        o.put("n_docs", l.comments());
        putNumber(o, "micro_precision", l.evaluation().metrics().microPrecision());
        putNumber(o, "micro_recall", l.evaluation().metrics().microRecall());
        putNumber(o, "micro_f1", l.evaluation().metrics().microF1());
        putNumber(o, "macro_f1", l.evaluation().metrics().macroF1());
        if (l.polarity() != null) {
          putNumber(o, "polarity_accuracy_found", l.polarity().accuracyFound());
        }
      }
    }
    Files.writeString(dir.resolve("summary.md"), sb.toString(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("summary.json"), JSON.writeValueAsString(rows) + "\n", StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder sb, ArrayNode rows, String dataset, String system, double uf1, double mf1,
      double hl, double subset, double train, double tune, double batch, double single) {
    sb.append("| ").append(dataset).append(" | ").append(system).append(" | ").append(f3(uf1)).append(" | ")
        .append(f3(mf1)).append(" | ").append(fmt(hl, 4)).append(" | ").append(f3(subset)).append(" | ")
        .append(fmt(train, 2)).append(" | ").append(fmt(tune, 2)).append(" | ").append(fmt(batch, 0)).append(" | ")
        .append(fmt(single, 0)).append(" |\n");
    ObjectNode o = rows.addObject();
    o.put("dataset", dataset);
    o.put("system", system);
    putNumber(o, "micro_f1", uf1);
    putNumber(o, "macro_f1", mf1);
    putNumber(o, "hamming_loss", hl);
    putNumber(o, "subset_accuracy", subset);
    putNumber(o, "train_seconds", train);
    putNumber(o, "tune_seconds", tune);
    putNumber(o, "throughput_batch_cps", round(batch, 1));
    putNumber(o, "throughput_single_cps", round(single, 1));
  }

  static void putNumber(ObjectNode o, String field, double v) {
    if (Double.isFinite(v)) {
      o.put(field, v);
    } else {
      o.putNull(field);
    }
  }

  static double div(double a, double b) {
    return b == 0 || !Double.isFinite(a) || !Double.isFinite(b) ? Double.NaN : a / b;
  }

  static double round(double v, int decimals) {
    return CliBenchmark.round(v, decimals);
  }

  static String f3(double v) {
    return fmt(v, 3);
  }

  static String fmt(double v, int decimals) {
    return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + decimals + "f", v) : "n/a";
  }

  static String withCi(double v, Interval ci) {
    return ci == null ? f3(v) : f3(v) + " [" + f3(ci.lower()) + ", " + f3(ci.upper()) + "]";
  }

  /** A JSON node for tests and tools that read the files back. */
  static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }
}
