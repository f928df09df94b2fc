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
import org.verbatim.train.LabelledComment;

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

  /** The polarity of every (row, theme) tag of {@code pred}, keyed like the gold polarities. */
  static Map<DocumentTheme, Polarity> predictedPolarities(List<Row> rows, List<Classification> pred) {
    Map<DocumentTheme, Polarity> out = new HashMap<>();
    for (int i = 0; i < rows.size(); i++) {
      for (ThemeTag t : pred.get(i).tags()) {
        out.put(new DocumentTheme(rows.get(i).key(), t.themeId()), t.polarity());
      }
    }
    return out;
  }

  private ZeroShotGold() {}

  /**
   * Reads the gold file and joins the texts.
   *
   * @throws IOException if a file cannot be read, a row is malformed, or an id is missing from its train.csv;
   *     the message names the file and line
   */
  static List<Row> read(Path gold, Path data) throws IOException {
    try (Reader r = Files.newBufferedReader(gold, StandardCharsets.UTF_8)) {
      return read(gold.toString(), r, data);
    }
  }

  /** As {@link #read(Path, Path)}, from a reader; {@code gold} names the source in error messages. */
  static List<Row> read(String gold, Reader r, Path data) throws IOException {
    Map<String, Map<String, String>> texts = new HashMap<>();
    List<Row> out = new ArrayList<>();
    Set<String> keys = new HashSet<>();
    try (CSVParser p = CSVParser.builder().setReader(r)
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
          for (LabelledComment c : CommentCsv.read(train)) {
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

  /** Name of the bundled coded sets' resource folder. */
  static final String BUNDLED_DIR = "/org/verbatim/bench/coded/";

  /** The bundled coded sets, in the order they are reported. */
  static final List<String> BUNDLED = List.of("final", "holdout", "devset");

  /**
   * A gold set to evaluate.
   *
   * @param name short name, used in the output folder {@code zero-shot-<name>}
   * @param source the file or class-path resource, for the report
   * @param path the file, or null for a bundled resource
   */
  record GoldSet(String name, String source, Path path) {

    Reader open() throws IOException {
      if (path != null) {
        return Files.newBufferedReader(path, StandardCharsets.UTF_8);
      }
      var in = ZeroShotGold.class.getResourceAsStream(source);
      if (in == null) {
        throw new IOException("bundled coded set " + source + " is missing from the class path");
      }
      return new java.io.InputStreamReader(in, StandardCharsets.UTF_8);
    }
  }

  /**
   * One line of the zero-shot summary.
   *
   * @param set the gold set name
   * @param comments comments in the set
   * @param system the system
   * @param evaluation its scores
   * @param polarity its polarity scores, or null for a system without polarity
   */
  record Line(String set, int comments, String system, Evaluation evaluation, PolarityReport polarity) {}

  /**
   * The gold sets of a specification: file paths, or {@code bundled} for the project's coded sets
   * ({@code coded/final.csv}, {@code holdout.csv}, {@code devset.csv} on the class path).
   */
  static List<GoldSet> goldSets(List<String> specs) {
    List<GoldSet> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (String spec : specs) {
      if (spec.equals("bundled")) {
        for (String b : BUNDLED) {
          out.add(new GoldSet(unique(names, b), BUNDLED_DIR + b + ".csv", null));
        }
        continue;
      }
      Path p = Path.of(spec);
      String base = p.getFileName().toString().replaceFirst("\\.csv$", "");
      out.add(new GoldSet(unique(names, base), p.toString(), p));
    }
    return out;
  }

  private static String unique(Set<String> names, String name) {
    String n = name;
    for (int i = 2; !names.add(n); i++) {
      n = name + "-" + i;
    }
    return n;
  }

  /**
   * Evaluates every gold set of the settings, writing {@code accuracy.json} and {@code accuracy.md} into
   * {@code outRoot/zero-shot-<name>/}.
   *
   * @return the summary lines, set by set
   */
  public static List<Line> runAll(AccuracySettings s, Optional<Peers> peers, Path outRoot)
      throws IOException, InterruptedException {
    List<Line> lines = new ArrayList<>();
    for (GoldSet g : goldSets(s.zeroShotGold())) {
      lines.addAll(run(s, peers, g, outRoot.resolve("zero-shot-" + g.name())));
    }
    return lines;
  }

  /** Runs the evaluation of one gold set and writes {@code accuracy.json} and {@code accuracy.md} into {@code outDir}. */
  static List<Line> run(AccuracySettings s, Optional<Peers> peers, GoldSet goldSet, Path outDir)
      throws IOException, InterruptedException {
    List<Row> rows;
    try (Reader r = goldSet.open()) {
      rows = read(goldSet.source(), r, s.data());
    }
    String goldFile = goldSet.source();
    List<Line> lines = new ArrayList<>();
    Files.createDirectories(outDir);
    AccuracySuite.log("zero-shot gold %s: %d comments from %s", goldSet.name(), rows.size(), goldFile);
    List<Set<String>> gold = rows.stream().map(Row::labels).toList();
    Map<DocumentTheme, Polarity> goldPol = new HashMap<>();
    for (Row r : rows) {
      r.polarity().forEach((t, p) -> goldPol.put(new DocumentTheme(r.key(), t), p));
    }
    EvaluationOptions options = EvaluationOptions.defaults().withBootstrapResamples(s.bootstrap()).withSeed(s.seed());
    ObjectNode root = AccuracyReport.JSON.createObjectNode();
    root.put("evaluation", "zero-shot, default social-care codebook, hand-coded gold");
    root.put("gold", goldFile);
    root.put("date", Instant.now().toString());
    root.put("machine", Machine.describe());
    root.put("command", s.command());
    root.put("n_comments", rows.size());
    ArrayNode systems = root.putArray("systems");
    StringBuilder md = new StringBuilder();
    StringBuilder details = new StringBuilder();
    md.append("# Zero-shot: default social-care codebook against coded set '").append(goldSet.name()).append("'\n\n");
    md.append("- date: ").append(Instant.now()).append('\n');
    md.append("- machine: ").append(Machine.describe()).append('\n');
    md.append("- gold: `").append(goldFile).append("` (").append(rows.size()).append(" comments)\n");
    md.append("- command: `").append(s.command()).append("`\n\n");
    md.append(TABLE_HEAD);
    List<String> texts = rows.stream().map(Row::text).toList();
    for (Profile profile : Profile.values()) {
      String name = "verbatim-zero-shot-" + profile.name().toLowerCase(java.util.Locale.ROOT);
      if (!s.systems().isEmpty() && !s.systems().contains(name)) {
        continue;
      }
      List<Classification> pred = Classifiers.codebook(profile).classifyAll(texts);
      Map<DocumentTheme, Polarity> predPol = predictedPolarities(rows, pred);
      Evaluation ev = Evaluator.evaluate(gold, AccuracySuite.labelSets(pred), options);
      PolarityReport pr = PolarityMetrics.compute(goldPol, predPol);
      ObjectNode o = systems.addObject();
      o.put("system", name);
      o.set("scores", AccuracyReport.JSON.readTree(ev.toJson()));
      o.set("polarity", AccuracyReport.JSON.readTree(pr.toJson()));
      Line line = new Line(goldSet.name(), rows.size(), name, ev, pr);
      md.append(tableRow(line));
      lines.add(line);
      details.append("\n## ").append(name).append(": per-theme scores\n\n").append(ev.toMarkdown());
    }
    if (peers.isPresent() && Files.isRegularFile(peers.get().dir().resolve("keyword_baseline.py"))) {
      Evaluation ev = Evaluator.evaluate(gold, keywordFloor(peers.get(), rows, outDir), options);
      ObjectNode o = systems.addObject();
      o.put("system", KEYWORD);
      o.set("scores", AccuracyReport.JSON.readTree(ev.toJson()));
      Line line = new Line(goldSet.name(), rows.size(), KEYWORD, ev, null);
      md.append(tableRow(line));
      lines.add(line);
      details.append("\n## ").append(KEYWORD).append(": per-theme scores\n\n").append(ev.toMarkdown());
    } else {
      root.put("keyword_baseline", "not run: python3 or keyword_baseline.py not available");
      md.append("\nKeyword floor not run: python3 or keyword_baseline.py not available.\n");
    }
    md.append(details);
    Files.writeString(outDir.resolve("accuracy.json"), AccuracyReport.JSON.writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(outDir.resolve("accuracy.md"), md.toString(), StandardCharsets.UTF_8);
    return lines;
  }

  static final String KEYWORD = "keyword-baseline (floor)";

  /** Header of the zero-shot table (also used in the suite summary). */
  static final String TABLE_HEAD = "Micro P / R / F1 and macro F1 (over gold ∪ predicted themes) with 95% bootstrap "
      + "CI for F1; polarity = accuracy over correctly found (comment, theme) pairs (correct / found).\n\n"
      + "| set | comments | system | micro P | micro R | micro F1 | macro F1 | polarity accuracy |\n"
      + "|---|---:|---|---:|---:|---:|---:|---:|\n";

  /** One row of the zero-shot table. */
  static String tableRow(Line l) {
    var m = l.evaluation().metrics();
    var ci = l.evaluation().intervals();
    return "| " + l.set() + " | " + l.comments() + " | " + l.system()
        + " | " + AccuracyReport.f3(m.microPrecision())
        + " | " + AccuracyReport.f3(m.microRecall())
        + " | " + AccuracyReport.withCi(m.microF1(), ci == null ? null : ci.microF1())
        + " | " + AccuracyReport.withCi(m.macroF1(), ci == null ? null : ci.macroF1())
        + " | " + (l.polarity() == null ? "n/a" : AccuracyReport.f3(l.polarity().accuracyFound()) + " ("
            + l.polarity().correct() + "/" + l.polarity().foundPairs() + ")")
        + " |\n";
  }

  /** Runs the keyword baseline on the texts in a temporary folder that is deleted afterwards. */
  private static List<Set<String>> keywordFloor(Peers peers, List<Row> rows, Path outDir)
      throws IOException, InterruptedException {
    Path tmp = Files.createTempDirectory("verbatim-keyword-");
    try {
      Path in = tmp.resolve("texts.csv");
      Path pred = tmp.resolve("pred.csv");
      List<LabelledComment> input = new ArrayList<>();
      for (int i = 0; i < rows.size(); i++) {
        input.add(new LabelledComment("r" + i, rows.get(i).text(), List.of()));
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
