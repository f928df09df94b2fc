package org.verbatim.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.Evaluation;
import org.verbatim.eval.EvaluationOptions;
import org.verbatim.eval.Evaluator;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;
import org.verbatim.text.Profile;

/**
 * Zero-shot evaluation of the default social-care codebook against hand-coded gold: a file
 * {@code dataset,id,labels,polarity} whose rows point at comments in the datasets' {@code train.csv} files
 * (labels are the codebook's theme ids; polarity is {@code theme:positive|negative|mixed} pairs joined by
 * {@code ;}). The texts are joined by (dataset, id) from the data folder; the gold file holds none.
 *
 * <p>Reports micro/macro F1 with bootstrap intervals and per-theme scores for the zero-shot classifier on both
 * profiles, polarity accuracy over correctly found themes, and the keyword floor
 * ({@code keyword_baseline.py} of the peers folder, run on the same texts when python3 is there; its input
 * file is written to a temporary folder and deleted afterwards).
 *
 * <p>Stateless and thread-safe.
 */
public final class ZeroShotGold {

  /**
   * One gold row joined with its text.
   *
   * @param key {@code dataset/id}, unique across datasets
   * @param text the comment, from the dataset's train.csv
   * @param labels gold theme ids
   * @param polarity gold polarity per theme
   */
  record Row(String key, String text, Set<String> labels, Map<String, Polarity> polarity) {}

  private ZeroShotGold() {}

  /**
   * Reads the gold file and joins the texts.
   *
   * @throws IOException if a file cannot be read, a row is malformed, or an id is missing from its train.csv;
   *     the message names the file and line
   */
  static List<Row> read(Path gold, Path data) throws IOException {
    Map<String, Map<String, String>> texts = new HashMap<>();
    List<Row> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    try (Reader r = Files.newBufferedReader(gold, StandardCharsets.UTF_8);
        CSVParser p = CSVParser.builder().setReader(r)
            .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      for (String col : List.of("dataset", "id", "labels", "polarity")) {
        if (!p.getHeaderMap().containsKey(col)) {
          throw new IOException(gold + ": line 1: missing column '" + col + "', expected dataset,id,labels,polarity");
        }
      }
      for (CSVRecord rec : p) {
        long line = p.getCurrentLineNumber();
        if (!rec.isConsistent()) {
          throw new IOException(gold + ": line " + line + ": expected " + p.getHeaderMap().size() + " fields");
        }
        String dataset = rec.get("dataset").strip();
        String id = rec.get("id").strip();
        Map<String, String> byId = texts.get(dataset);
        if (byId == null) {
          Path train = data.resolve(dataset).resolve(Dataset.TRAIN);
          if (dataset.isEmpty() || dataset.contains("/") || dataset.contains("\\") || !Files.isRegularFile(train)) {
            throw new IOException(gold + ": line " + line + ": dataset '" + dataset + "' has no " + train);
          }
          byId = new HashMap<>();
          for (LabeledComment c : CommentCsv.read(train)) {
            byId.put(c.id(), c.text());
          }
          texts.put(dataset, byId);
        }
        String text = byId.get(id);
        if (text == null) {
          throw new IOException(gold + ": line " + line + ": id '" + id + "' not found in " + dataset + "/train.csv");
        }
        String key = dataset + "/" + id;
        if (!keys.add(key)) {
          throw new IOException(gold + ": line " + line + ": duplicate (dataset, id) " + key);
        }
        Set<String> labels = CommentCsv.parseLabels(rec.get("labels"));
        Map<String, Polarity> pol = new LinkedHashMap<>();
        for (String pair : rec.get("polarity").split(";")) {
          if (pair.isBlank()) {
            continue;
          }
          int colon = pair.indexOf(':');
          String theme = colon < 0 ? "" : pair.substring(0, colon).strip();
          if (colon < 0 || !labels.contains(theme)) {
            throw new IOException(gold + ": line " + line + ": polarity entry '" + pair.strip()
                + "' must be theme:polarity for a theme of the labels column");
          }
          try {
            pol.put(theme, Polarity.parse(pair.substring(colon + 1)));
          } catch (IllegalArgumentException e) {
            throw new IOException(gold + ": line " + line + ": " + e.getMessage(), e);
          }
        }
        out.add(new Row(key, text, labels, pol));
      }
    }
    return out;
  }

  /** Runs the evaluation and writes {@code accuracy.json} and {@code accuracy.md} into {@code outDir}. */
  public static void run(AccuracySettings s, Optional<Peers> peers, Path outDir) throws IOException, InterruptedException {
    Path goldFile = s.zeroShotGold().orElseThrow();
    List<Row> rows = read(goldFile, s.data());
    Files.createDirectories(outDir);
    AccuracySuite.log("zero-shot gold: %d comments from %s", rows.size(), goldFile);
    List<Set<String>> gold = rows.stream().map(Row::labels).toList();
    Map<DocumentTheme, Polarity> goldPol = new HashMap<>();
    for (Row r : rows) {
      r.polarity().forEach((t, p) -> goldPol.put(new DocumentTheme(r.key(), t), p));
    }
    EvaluationOptions options = EvaluationOptions.defaults().withBootstrapResamples(s.bootstrap()).withSeed(s.seed());
    ObjectNode root = AccuracyReport.JSON.createObjectNode();
    root.put("evaluation", "zero-shot, default social-care codebook, hand-coded gold");
    root.put("gold", goldFile.toString());
    root.put("date", Instant.now().toString());
    root.put("machine", Machine.describe());
    root.put("command", s.command());
    root.put("n_comments", rows.size());
    ArrayNode systems = root.putArray("systems");
    StringBuilder md = new StringBuilder();
    StringBuilder details = new StringBuilder();
    md.append("# Zero-shot: default social-care codebook against hand-coded gold\n\n");
    md.append("- date: ").append(Instant.now()).append('\n');
    md.append("- machine: ").append(Machine.describe()).append('\n');
    md.append("- gold: `").append(goldFile).append("` (").append(rows.size()).append(" comments)\n");
    md.append("- command: `").append(s.command()).append("`\n\n");
    md.append("uF1 / MF1: micro / macro F1 over gold ∪ predicted themes, 95% bootstrap CI; MF1 gold: macro over themes "
        + "with gold support; polarity: accuracy over correctly found (comment, theme) pairs.\n\n");
    md.append("| system | uF1 | MF1 | MF1 gold | polarity acc. (found) | found pairs | polarity acc. (all gold) |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    List<String> texts = rows.stream().map(Row::text).toList();
    for (Profile profile : Profile.values()) {
      String name = "verbatim-zero-shot-" + profile.name().toLowerCase(java.util.Locale.ROOT);
      if (!s.systems().isEmpty() && !s.systems().contains(name)) {
        continue;
      }
      List<Classification> pred = Classifiers.codebook(profile).classifyAll(texts);
      Map<DocumentTheme, Polarity> predPol = new HashMap<>();
      for (int i = 0; i < rows.size(); i++) {
        for (ThemeTag t : pred.get(i).tags()) {
          predPol.put(new DocumentTheme(rows.get(i).key(), t.themeId()), t.polarity());
        }
      }
      Evaluation ev = Evaluator.evaluate(gold, AccuracySuite.labelSets(pred), options);
      PolarityReport pr = PolarityMetrics.compute(goldPol, predPol);
      ObjectNode o = systems.addObject();
      o.put("system", name);
      o.set("scores", AccuracyReport.JSON.readTree(ev.toJson()));
      o.set("polarity", AccuracyReport.JSON.readTree(pr.toJson()));
      row(md, name, ev, pr);
      details.append("\n## ").append(name).append(": per-theme scores\n\n").append(ev.toMarkdown());
    }
    if (peers.isPresent() && Files.isRegularFile(peers.get().dir().resolve("keyword_baseline.py"))) {
      Evaluation ev = Evaluator.evaluate(gold, keywordFloor(peers.get(), rows, outDir), options);
      ObjectNode o = systems.addObject();
      o.put("system", "keyword-baseline (floor)");
      o.set("scores", AccuracyReport.JSON.readTree(ev.toJson()));
      row(md, "keyword-baseline (floor)", ev, null);
      details.append("\n## keyword-baseline (floor): per-theme scores\n\n").append(ev.toMarkdown());
    } else {
      root.put("keyword_baseline", "not run: python3 or keyword_baseline.py not available");
      md.append("\nKeyword floor not run: python3 or keyword_baseline.py not available.\n");
    }
    md.append(details);
    Files.writeString(outDir.resolve("accuracy.json"), AccuracyReport.JSON.writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(outDir.resolve("accuracy.md"), md.toString(), StandardCharsets.UTF_8);
  }

  private static void row(StringBuilder md, String name, Evaluation ev, PolarityReport pr) {
    var ci = ev.intervals();
    md.append("| ").append(name)
        .append(" | ").append(AccuracyReport.withCi(ev.metrics().microF1(), ci == null ? null : ci.microF1()))
        .append(" | ").append(AccuracyReport.withCi(ev.metrics().macroF1(), ci == null ? null : ci.macroF1()))
        .append(" | ").append(AccuracyReport.f3(ev.metrics().macroF1Gold()))
        .append(" | ").append(pr == null ? "n/a" : AccuracyReport.f3(pr.accuracyFound()))
        .append(" | ").append(pr == null ? "" : pr.foundPairs() + " of " + pr.goldPairs())
        .append(" | ").append(pr == null ? "n/a" : AccuracyReport.f3(pr.accuracyAll()))
        .append(" |\n");
  }

  /** Runs the keyword baseline on the texts in a temporary folder that is deleted afterwards. */
  private static List<Set<String>> keywordFloor(Peers peers, List<Row> rows, Path outDir)
      throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("verbatim-keyword-");
    try {
      Path in = tmp.resolve("texts.csv");
      Path pred = tmp.resolve("pred.csv");
      List<LabeledComment> input = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        input.add(new LabeledComment("r" + i, rows.get(i).text(), Set.of()));
      }
      CommentCsv.writeTexts(in, input);
      peers.keywordBaseline(in, pred, outDir.resolve("keyword-baseline.log"));
      Map<String, Set<String>> byId = new HashMap<>();
      try (Reader r = Files.newBufferedReader(pred, StandardCharsets.UTF_8);
          CSVParser p = CSVParser.builder().setReader(r)
              .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
        for (CSVRecord rec : p) {
          byId.put(rec.get("id"), CommentCsv.parseLabels(rec.get("labels")));
        }
      }
      List<Set<String>> out = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        out.add(Objects.requireNonNullElse(byId.get("r" + i), Set.of()));
      }
      return out;
    } finally {
      try (Stream<Path> files = Files.list(tmp)) {
        for (Path f : files.toList()) {
          Files.deleteIfExists(f);
        }
      }
      Files.deleteIfExists(tmp);
    }
  }
}
