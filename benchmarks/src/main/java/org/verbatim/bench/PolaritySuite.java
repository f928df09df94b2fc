package org.verbatim.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.ref.Reference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.Evaluation;
import org.verbatim.eval.EvaluationOptions;
import org.verbatim.eval.Evaluator;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;
import org.verbatim.train.PolarityOptions;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.io.Csv;

/**
 * The polarity suite: for every dataset folder with (comment, theme) polarity codes ({@link PolarityDataset}),
 * the learned polarity model ({@link PolarityTrainer}, library defaults) is trained on the train pairs and scored
 * on the test pairs given the gold themes, on the OpenNLP {@code FAST} pipeline and, with {@code --corenlp}, on
 * {@code CoreNlpPipeline} of the corenlp plug-in (profile {@code FAST}, default options: dependency negation); the aspect-level
 * baseline {@code benchmarks/peers/aspect_baseline.py} runs on the same files in the same run. With
 * {@code --corenlp}, the zero-shot codebook classifier is also scored on the bundled coded sets with both
 * pipelines ({@link ZeroShotGold}).
 *
 * <p>Each (dataset, pipeline) runs in its own JVM ({@code --xmx}, default 3g) so that load time, heap and peak
 * RSS belong to that pipeline alone: peak heap is the sum of the heap pools' peaks during load, training and
 * prediction (an upper bound of the simultaneous peak, and it grows with {@code -Xmx} as the collector lets
 * garbage pile up); retained heap is the heap in use after {@code System.gc()} with the model (and its
 * pipeline) alive, minus the heap in use after the pairs were read.
 *
 * <pre>{@code
 * mvn -B -q -Pcorenlp -DskipTests package     # the corenlp plug-in: corenlp/target/plugin/
 * java -cp benchmarks/target/benchmarks.jar:corenlp/target/plugin/verbatim-corenlp.jar:$(cat corenlp/target/plugin/classpath.txt) \
 *     org.verbatim.bench.PolaritySuite --data ../shared/datasets --out benchmarks/results/polarity --corenlp
 * }</pre>
 *
 * <p>Output: {@code OUT/<dataset>/polarity.json} and {@code polarity.md}, {@code OUT/zero-shot/zero-shot.json}
 * and {@code .md} (with {@code --corenlp}), {@code OUT/summary.md} and {@code summary.json}. Result files hold
 * scores, ids and counts only, never comment text. Nothing is tuned on test data: the model's only choice (the
 * L2 strength) is made by cross-validation on the train pairs, and the peer's C likewise.
 */
public final class PolaritySuite {

  /** Pipeline name: OpenNLP, FAST profile (the library's default). */
  static final String OPENNLP = "opennlp-fast";
  /** Pipeline name: CoreNLP, FAST profile, default options (dependency negation). */
  static final String CORENLP = "corenlp-fast";
  static final String PEER = "aspect-baseline (peer)";
  private static final double MB = 1024.0 * 1024.0;
  /** Throughput is timed over at least this many seconds of prediction (whole passes over the test pairs). */
  static final double MIN_TIMING_SECONDS = 3.0;

  private PolaritySuite() {}

  public static void main(String[] args) throws Exception {
    Machine.quietLogging();
    Args a = Args.parse(args,
        List.of("data", "out", "peer-script", "bootstrap", "seed", "datasets", "xmx",
            "worker-dataset", "worker-layout", "worker-pipeline", "worker-result"),
        List.of("corenlp", "no-peer"));
    if (a.value("worker-dataset").isPresent()) {
      worker(a);
      return;
    }
    Path data = a.path("data").orElse(Path.of("../shared/datasets"));
    Path out = a.path("out").orElse(Path.of("benchmarks/results/polarity"));
    boolean corenlp = a.flag("corenlp");
    if (corenlp && !coreNlpAvailable()) {
      throw new IllegalStateException("--corenlp needs the corenlp plug-in on the class path (mvn -B -Pcorenlp package,"
          + " then java -cp benchmarks/target/benchmarks.jar:corenlp/target/plugin/verbatim-corenlp.jar:$(cat"
          + " corenlp/target/plugin/classpath.txt) org.verbatim.bench.PolaritySuite ...)");
    }
    Path peerScript = a.path("peer-script").orElse(Path.of("benchmarks/peers/aspect_baseline.py"));
    String peerSkip = a.flag("no-peer") ? "--no-peer" : peerSkipReason(peerScript);
    List<String> only = a.value("datasets").map(v -> List.of(v.split(","))).orElse(List.of());
    int bootstrap = a.intValue("bootstrap", 1000);
    long seed = a.longValue("seed", 42L);
    String xmx = a.value("xmx", "3g");
    String command = "java -cp " + System.getProperty("java.class.path") + " " + PolaritySuite.class.getName()
        + " " + String.join(" ", args);
    Files.createDirectories(out);

    List<ObjectNode> datasets = new ArrayList<>();
    for (PolarityDataset d : PolarityDataset.discover(data)) {
      if (!only.isEmpty() && !only.contains(d.name())) {
        continue;
      }
      log("dataset %s (%s)", d.name(), d.layout().label());
      Path dir = out.resolve(d.name());
      Files.createDirectories(dir);
      ObjectNode root = AccuracyReport.JSON.createObjectNode();
      root.put("dataset", d.name());
      root.put("layout", d.layout().label());
      root.put("date", Instant.now().toString());
      root.put("machine", Machine.describe());
      root.put("command", command);
      root.put("jvm", "-Xmx" + xmx + ", one JVM per pipeline");
      ArrayNode systems = root.putArray("systems");
      List<String> pipelines = corenlp ? List.of(OPENNLP, CORENLP) : List.of(OPENNLP);
      Map<String, Map<DocumentTheme, Polarity>> preds = new LinkedHashMap<>();
      Map<DocumentTheme, Polarity> gold = new LinkedHashMap<>();
      for (String p : pipelines) {
        log("  verbatim polarity on %s", p);
        ObjectNode r = runWorker(d, p, dir, xmx, bootstrap, seed);
        systems.add(r);
        preds.put(p, readPredictions(dir.resolve(p + ".pred.csv"), gold));
        log("  %s: accuracy %.4f, macro-F1 %.4f, train %.1f s, %.0f pairs/s", p, r.get("accuracy").asDouble(),
            r.get("macro_f1").asDouble(), r.get("train_seconds").asDouble(), r.get("pairs_per_second").asDouble());
      }
      if (preds.size() == 2) {
        root.set("pipeline_agreement", agreement(gold, preds.get(OPENNLP), preds.get(CORENLP)));
      }
      if (peerSkip == null) {
        log("  peer aspect_baseline.py");
        try {
          systems.add(runPeer(peerScript, d, dir));
        } catch (IOException e) {
          log("  peer failed: %s", e.getMessage());
          root.put("peer_skipped", "failed: " + e.getMessage());
        }
      } else {
        root.put("peer_skipped", peerSkip);
      }
      root.set("ratios", ratios(systems));
      Files.writeString(dir.resolve("polarity.json"), AccuracyReport.JSON.writeValueAsString(root) + "\n",
          StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("polarity.md"), datasetMarkdown(root), StandardCharsets.UTF_8);
      datasets.add(root);
    }
    if (datasets.isEmpty()) {
      log("no dataset folder with train.csv, test.csv and polarity codes under %s", data);
    }
    ObjectNode zeroShot = null;
    if (corenlp) {
      zeroShot = zeroShot(data, out.resolve("zero-shot"), bootstrap, seed, command);
    }
    writeSummary(out, datasets, zeroShot, command, corenlp);
    log("done: %s", out.resolve("summary.md"));
  }

  // ---------------------------------------------------------------- one pipeline on one dataset (child JVM)

  private static ObjectNode runWorker(PolarityDataset d, String pipeline, Path dir, String xmx, int bootstrap,
      long seed) throws IOException, InterruptedException {
    Path result = dir.resolve(pipeline + ".json.tmp");
    Files.deleteIfExists(result);
    List<String> cmd = List.of(Machine.javaExecutable(), "-Xmx" + xmx, "-Dfile.encoding=UTF-8",
        "-cp", System.getProperty("java.class.path"), PolaritySuite.class.getName(),
        "--worker-dataset", d.dir().toAbsolutePath().toString(), "--worker-layout", d.layout().name(),
        "--worker-pipeline", pipeline, "--worker-result", result.toAbsolutePath().toString(),
        "--bootstrap", Integer.toString(bootstrap), "--seed", Long.toString(seed));
    double[] load0 = loadAverage();
    Path log = dir.resolve(pipeline + ".log");
    ChildProcess.Result r = ChildProcess.run(cmd, dir.resolve(pipeline + ".stdout"), log);
    double[] load1 = loadAverage();
    Files.deleteIfExists(dir.resolve(pipeline + ".stdout"));
    if (r.exitCode() != 0 || !Files.isRegularFile(result)) {
      throw new IOException("polarity worker " + pipeline + " on " + d.name() + " exited with " + r.exitCode()
          + "; see " + log);
    }
    ObjectNode node = (ObjectNode) AccuracyReport.JSON.readTree(result.toFile());
    Files.delete(result);
    Files.deleteIfExists(log);
    node.put("process_seconds", round(r.seconds(), 2));
    node.put("process_peak_rss_mb", round(r.peakRssMb(), 1));
    node.put("load_average_before", load0[0]);
    node.put("load_average_after", load1[0]);
    return node;
  }

  private static void worker(Args a) throws IOException, org.verbatim.io.CodedDataException {
    PolarityDataset d = new PolarityDataset("worker", Path.of(a.value("worker-dataset").orElseThrow()),
        PolarityDataset.Layout.valueOf(a.value("worker-layout", "PER_SPLIT")));
    String pipelineName = a.value("worker-pipeline", OPENNLP);
    Path result = Path.of(a.value("worker-result").orElseThrow(() ->
        new IllegalArgumentException("--worker-result is required with --worker-dataset")));
    int bootstrap = a.intValue("bootstrap", 1000);
    long seed = a.longValue("seed", 42L);
    List<LabelledPair> train = d.pairs("train");
    List<LabelledPair> test = d.pairs("test");
    long baseline = usedAfterGc();
    for (MemoryPoolMXBean pool : heapPools()) {
      pool.resetPeakUsage();
    }
    long t0 = System.nanoTime();
    TextPipeline pipeline = pipeline(pipelineName);
    pipeline.analyze("Warm up.");
    long t1 = System.nanoTime();
    PolarityModel model = PolarityTrainer.create(PolarityOptions.builder().pipeline(pipeline).build())
        .train(PolarityFiles.examples(train));
    long t2 = System.nanoTime();
    Map<String, String> texts = new LinkedHashMap<>();
    Map<String, List<String>> themes = new LinkedHashMap<>();
    Map<DocumentTheme, Polarity> gold = new LinkedHashMap<>();
    for (LabelledPair p : test) {
      texts.putIfAbsent(p.id(), p.example().text());
      themes.computeIfAbsent(p.id(), k -> new ArrayList<>()).add(p.example().themeId());
      gold.put(new DocumentTheme(p.id(), p.example().themeId()), p.example().polarity());
    }
    Map<DocumentTheme, Polarity> pred = predictAll(model, texts, themes);
    long t3 = System.nanoTime();
    // throughput: the scored pass, or when it took under MIN_TIMING_SECONDS, further passes until they have
    double predictSeconds = (t3 - t2) / 1e9;
    int passes = 1;
    if (predictSeconds < MIN_TIMING_SECONDS) {
      passes = 0;
      long r0 = System.nanoTime();
      do {
        Reference.reachabilityFence(predictAll(model, texts, themes));
        passes++;
      } while ((System.nanoTime() - r0) / 1e9 < MIN_TIMING_SECONDS);
      predictSeconds = (System.nanoTime() - r0) / 1e9 / passes;
    }
    long peak = 0;
    for (MemoryPoolMXBean pool : heapPools()) {
      peak += pool.getPeakUsage().getUsed();
    }
    long retained = usedAfterGc() - baseline;
    Reference.reachabilityFence(model);

    PolarityReport r = PolarityMetrics.compute(gold, pred);
    PolarityBootstrap.Intervals ci = PolarityBootstrap.intervals(gold, pred, bootstrap, seed, 0.95);
    ObjectNode o = AccuracyReport.JSON.createObjectNode();
    o.put("system", "verbatim-polarity");
    o.put("pipeline", pipelineName);
    o.put("pipeline_detail", pipeline.toString());
    o.put("train_pairs", train.size());
    o.put("train_comments", train.stream().map(LabelledPair::id).distinct().count());
    o.put("test_pairs", test.size());
    o.put("test_comments", texts.size());
    o.put("lambda", model.lambda());
    o.put("cv_macro_f1", round(model.cvMacroF1(), 4));
    o.put("features", model.vocabularySize());
    o.put("accuracy", round(r.accuracyAll(), 4));
    o.put("macro_f1", round(r.macroF1All(), 4));
    o.putArray("accuracy_ci95").add(round(ci.accuracy().lower(), 4)).add(round(ci.accuracy().upper(), 4));
    o.putArray("macro_f1_ci95").add(round(ci.macroF1().lower(), 4)).add(round(ci.macroF1().upper(), 4));
    o.put("bootstrap", bootstrap + " resamples of test comments, seed " + seed);
    o.put("correct", r.correct());
    o.put("load_seconds", round((t1 - t0) / 1e9, 2));
    o.put("train_seconds", round((t2 - t1) / 1e9, 2));
    o.put("predict_seconds", round((t3 - t2) / 1e9, 3));
    o.put("throughput_passes", passes);
    o.put("pairs_per_second", round(test.size() / predictSeconds, 1));
    o.put("comments_per_second", round(texts.size() / predictSeconds, 1));
    o.put("heap_peak_mb", round(peak / MB, 1));
    o.put("heap_retained_mb", round(retained / MB, 1));
    if (pipeline.getClass().getName().equals(CORENLP_CLASS)) {
      o.put("corenlp_fallbacks", ((Number) invoke(pipeline, "fallbacks")).longValue());
    }
    writePredictions(result.resolveSibling(pipelineName + ".pred.csv"), gold, pred);
    Files.writeString(result, AccuracyReport.JSON.writeValueAsString(o), StandardCharsets.UTF_8);
  }

  private static Map<DocumentTheme, Polarity> predictAll(PolarityModel model, Map<String, String> texts,
      Map<String, List<String>> themes) {
    Map<DocumentTheme, Polarity> pred = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : themes.entrySet()) {
      List<Polarity> ps = model.predictAll(texts.get(e.getKey()), e.getValue());
      for (int i = 0; i < ps.size(); i++) {
        pred.put(new DocumentTheme(e.getKey(), e.getValue().get(i)), ps.get(i));
      }
    }
    return pred;
  }

  static TextPipeline pipeline(String name) {
    switch (name) {
      case OPENNLP:
        return RulePipeline.create();
      case CORENLP:
        return (TextPipeline) invoke(invoke(null, "create", Profile.FAST), "load");
      default:
        throw new IllegalArgumentException("pipeline must be " + OPENNLP + " or " + CORENLP + ": '" + name + "'");
    }
  }

  /** The CoreNLP pipeline of the corenlp plug-in (a Maven profile), found by name: benchmarks.jar is built without it. */
  static final String CORENLP_CLASS = "org.verbatim.corenlp.CoreNlpPipeline";

  private static boolean coreNlpAvailable() {
    try {
      Class.forName(CORENLP_CLASS);
    } catch (ClassNotFoundException e) {
      return false;
    }
    return (Boolean) invoke(null, "modelsAvailable");
  }

  /** Calls a public method of {@code CoreNlpPipeline} without arguments or with a profile (static when target is null). */
  private static Object invoke(Object target, String method, Profile... profile) {
    try {
      Class<?> type = Class.forName(CORENLP_CLASS);
      return profile.length == 0
          ? type.getMethod(method).invoke(target)
          : type.getMethod(method, Profile.class).invoke(target, profile[0]);
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw new IllegalStateException(CORENLP_CLASS + "." + method + " failed", e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the corenlp plug-in is missing or of another version: " + e, e);
    }
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream()
        .filter(p -> p.getType() == MemoryType.HEAP && p.isValid())
        .toList();
  }

  /** Writes {@code id,theme,gold,predicted} (no text). */
  static void writePredictions(Path file, Map<DocumentTheme, Polarity> gold, Map<DocumentTheme, Polarity> pred)
      throws IOException {
    StringBuilder sb = new StringBuilder("id,theme,gold,predicted\n");
    for (Map.Entry<DocumentTheme, Polarity> e : gold.entrySet()) {
      Polarity p = pred.get(e.getKey());
      sb.append(Csv.record(List.of(e.getKey().documentId(), e.getKey().themeId(),
          e.getValue().name().toLowerCase(Locale.ROOT), p == null ? "" : p.name().toLowerCase(Locale.ROOT))));
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }

  /** Reads the predictions of {@link #writePredictions}, putting the gold polarities into {@code gold}. */
  static Map<DocumentTheme, Polarity> readPredictions(Path file, Map<DocumentTheme, Polarity> gold)
      throws IOException {
    Map<DocumentTheme, Polarity> out = new LinkedHashMap<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        var p = org.apache.commons.csv.CSVParser.builder().setReader(r).setFormat(
            org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      for (var rec : p) {
        DocumentTheme key = new DocumentTheme(rec.get("id"), rec.get("theme"));
        gold.put(key, Polarity.parse(rec.get("gold")));
        String v = rec.get("predicted");
        if (!v.isEmpty()) {
          out.put(key, Polarity.parse(v));
        }
      }
    }
    return out;
  }

  /**
   * How many gold pairs two pipelines predict differently, and of those how many only the first ({@code a}) or
   * only the second ({@code b}) gets right.
   */
  static ObjectNode agreement(Map<DocumentTheme, Polarity> gold, Map<DocumentTheme, Polarity> a,
      Map<DocumentTheme, Polarity> b) {
    int differ = 0;
    int onlyA = 0;
    int onlyB = 0;
    for (Map.Entry<DocumentTheme, Polarity> e : gold.entrySet()) {
      Polarity pa = a.get(e.getKey());
      Polarity pb = b.get(e.getKey());
      if (pa != pb) {
        differ++;
        if (pa == e.getValue()) {
          onlyA++;
        } else if (pb == e.getValue()) {
          onlyB++;
        }
      }
    }
    ObjectNode o = AccuracyReport.JSON.createObjectNode();
    o.put("pairs", gold.size());
    o.put("pairs_predicted_differently", differ);
    o.put("right_only_with_" + OPENNLP, onlyA);
    o.put("right_only_with_" + CORENLP, onlyB);
    return o;
  }

  static String agreementText(JsonNode a) {
    return "CoreNLP and OpenNLP FAST predict " + a.path("pairs_predicted_differently").asInt() + " of "
        + a.path("pairs").asInt() + " test pairs differently; of these, " + a.path("right_only_with_" + CORENLP).asInt()
        + " are right only with CoreNLP and " + a.path("right_only_with_" + OPENNLP).asInt()
        + " only with OpenNLP FAST.\n";
  }

  // ---------------------------------------------------------------- peer

  private static String peerSkipReason(Path script) throws InterruptedException {
    if (!Files.isRegularFile(script)) {
      return script + " not found (run from the project root or pass --peer-script)";
    }
    if (!Files.isExecutable(Peers.PYTHON)) {
      return Peers.PYTHON + " not found";
    }
    try {
      Process p = new ProcessBuilder(Peers.PYTHON.toString(), "-c", "import sklearn").redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      return p.waitFor() == 0 ? null : "python3-sklearn not installed";
    } catch (IOException e) {
      return Peers.PYTHON + " cannot run: " + e.getMessage();
    }
  }

  private static ObjectNode runPeer(Path script, PolarityDataset d, Path dir) throws IOException, InterruptedException {
    Path peerDir = dir.resolve("peer");
    Path stdout = peerDir.resolve("aspect_baseline.stdout");
    Path log = peerDir.resolve("aspect_baseline.log");
    double[] load0 = loadAverage();
    ChildProcess.Result r = ChildProcess.run(List.of(Peers.PYTHON.toString(), script.toString(),
        d.layout().peerKind(), d.dir().toAbsolutePath().toString()), stdout, log);
    double[] load1 = loadAverage();
    if (r.exitCode() != 0) {
      throw new IOException("aspect_baseline.py exited with " + r.exitCode() + " on " + d.name() + "; see " + log);
    }
    JsonNode line = null;
    for (String s : Files.readAllLines(stdout, StandardCharsets.UTF_8)) {
      if (s.strip().startsWith("{")) {
        line = AccuracyReport.JSON.readTree(s);
      }
    }
    if (line == null) {
      throw new IOException(stdout + ": no JSON line in the peer's output");
    }
    Files.deleteIfExists(stdout);
    Files.deleteIfExists(log);
    Files.deleteIfExists(peerDir);
    ObjectNode o = AccuracyReport.JSON.createObjectNode();
    o.put("system", PEER);
    o.put("pipeline", "TF-IDF word 1-2 grams + logistic regression, whole comment + theme token");
    o.put("test_pairs", line.path("test_pairs").asInt());
    o.put("train_pairs", line.path("train_pairs").asInt());
    o.put("C", line.path("C").asDouble());
    o.put("accuracy", line.path("accuracy").asDouble());
    o.put("macro_f1", line.path("macro_f1").asDouble());
    double predict = line.path("predict_seconds").asDouble();
    o.put("train_seconds", line.path("train_seconds").asDouble());
    o.put("predict_seconds", predict);
    o.put("pairs_per_second", round(line.path("test_pairs").asInt() / Math.max(predict, 1e-3), 1));
    o.put("process_seconds", round(r.seconds(), 2));
    o.put("process_peak_rss_mb", round(r.peakRssMb(), 1));
    o.put("load_average_before", load0[0]);
    o.put("load_average_after", load1[0]);
    o.set("peer_json", line);
    return o;
  }

  /** Ours / peer for every Verbatim pipeline: accuracy, macro-F1, train seconds, pairs/s, peak RSS. */
  static ArrayNode ratios(ArrayNode systems) {
    ArrayNode out = AccuracyReport.JSON.createArrayNode();
    JsonNode peer = null;
    for (JsonNode s : systems) {
      if (PEER.equals(s.path("system").asText())) {
        peer = s;
      }
    }
    if (peer == null) {
      return out;
    }
    for (JsonNode s : systems) {
      if (s == peer) {
        continue;
      }
      ObjectNode o = out.addObject();
      o.put("pipeline", s.path("pipeline").asText());
      for (String f : List.of("accuracy", "macro_f1", "train_seconds", "pairs_per_second", "process_peak_rss_mb")) {
        o.put(f, round(AccuracyReport.div(s.path(f).asDouble(Double.NaN), peer.path(f).asDouble(Double.NaN)), 4));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- zero-shot with both pipelines

  private static ObjectNode zeroShot(Path data, Path dir, int bootstrap, long seed, String command)
      throws IOException {
    Files.createDirectories(dir);
    ObjectNode root = AccuracyReport.JSON.createObjectNode();
    root.put("evaluation", "zero-shot, default social-care codebook, bundled coded sets, OpenNLP FAST vs CoreNLP");
    root.put("date", Instant.now().toString());
    root.put("machine", Machine.describe());
    root.put("command", command);
    ArrayNode lines = root.putArray("lines");
    EvaluationOptions options = EvaluationOptions.defaults().withBootstrapResamples(bootstrap).withSeed(seed);
    for (ZeroShotGold.GoldSet g : ZeroShotGold.goldSets(List.of("bundled"))) {
      List<ZeroShotGold.Row> rows;
      try (Reader r = g.open()) {
        rows = ZeroShotGold.read(g.source(), r, data);
      }
      log("zero-shot %s: %d comments", g.name(), rows.size());
      List<String> texts = rows.stream().map(ZeroShotGold.Row::text).toList();
      List<Set<String>> gold = rows.stream().map(ZeroShotGold.Row::labels).toList();
      Map<DocumentTheme, Polarity> goldPol = new HashMap<>();
      for (ZeroShotGold.Row row : rows) {
        row.polarity().forEach((t, p) -> goldPol.put(new DocumentTheme(row.key(), t), p));
      }
      Map<String, List<Classification>> byPipeline = new LinkedHashMap<>();
      for (String p : List.of(OPENNLP, CORENLP)) {
        CodebookClassifier c = CodebookClassifier.create(Classifiers.socialCare(), pipeline(p));
        c.classifyAll(texts);   // warm-up pass: loads the models and lets the JIT compile the hot paths
        long t0 = System.nanoTime();
        List<Classification> pred = c.classifyAll(texts);
        double seconds = (System.nanoTime() - t0) / 1e9;
        byPipeline.put(p, pred);
        Map<DocumentTheme, Polarity> predPol = ZeroShotGold.predictedPolarities(rows, pred);
        Evaluation ev = Evaluator.evaluate(gold, AccuracySuite.labelSets(pred), options);
        PolarityReport pr = PolarityMetrics.compute(goldPol, predPol);
        ObjectNode o = lines.addObject();
        o.put("set", g.name());
        o.put("comments", rows.size());
        o.put("pipeline", p);
        o.put("micro_f1", round(ev.metrics().microF1(), 4));
        o.put("macro_f1", round(ev.metrics().macroF1(), 4));
        if (ev.intervals() != null) {
          o.putArray("micro_f1_ci95").add(round(ev.intervals().microF1().lower(), 4))
              .add(round(ev.intervals().microF1().upper(), 4));
          o.putArray("macro_f1_ci95").add(round(ev.intervals().macroF1().lower(), 4))
              .add(round(ev.intervals().macroF1().upper(), 4));
        }
        o.put("polarity_accuracy_found", round(pr.accuracyFound(), 4));
        o.put("polarity_correct", pr.correct());
        o.put("polarity_found_pairs", pr.foundPairs());
        o.put("comments_per_second", round(rows.size() / seconds, 1));
      }
      List<Classification> a = byPipeline.get(OPENNLP);
      List<Classification> b = byPipeline.get(CORENLP);
      int themesDiffer = 0;
      int polarityDiffer = 0;
      for (int i = 0; i < rows.size(); i++) {
        if (!Set.copyOf(a.get(i).themeIds()).equals(Set.copyOf(b.get(i).themeIds()))) {
          themesDiffer++;
        }
        Map<String, Polarity> pa = new HashMap<>();
        a.get(i).tags().forEach(t -> pa.put(t.themeId(), t.polarity()));
        for (ThemeTag t : b.get(i).tags()) {
          Polarity q = pa.get(t.themeId());
          if (q != null && q != t.polarity()) {
            polarityDiffer++;
          }
        }
      }
      ObjectNode o = lines.addObject();
      o.put("set", g.name());
      o.put("comments_with_different_themes", themesDiffer);
      o.put("shared_themes_with_different_polarity", polarityDiffer);
    }
    Files.writeString(dir.resolve("zero-shot.json"), AccuracyReport.JSON.writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("zero-shot.md"), "# Zero-shot codebook: OpenNLP FAST and CoreNLP\n\n"
        + "- date: " + root.path("date").asText() + "\n- machine: " + Machine.describe() + "\n- command: `"
        + command + "`\n\n" + zeroShotTable(root), StandardCharsets.UTF_8);
    return root;
  }

  static String zeroShotTable(JsonNode root) {
    StringBuilder sb = new StringBuilder();
    sb.append("Default social-care codebook, no training, on the bundled coded sets; micro and macro F1 over the ten "
        + "themes with 95% bootstrap CIs; polarity accuracy over the correctly found (comment, theme) pairs; one "
        + "thread, comments/s over a second pass (the first warms up).\n\n");
    sb.append("| set | comments | pipeline | micro F1 | macro F1 | polarity accuracy (correct/found) | comments/s |\n");
    sb.append("|---|---:|---|---:|---:|---:|---:|\n");
    StringBuilder diff = new StringBuilder();
    for (JsonNode l : root.path("lines")) {
      if (l.has("comments_with_different_themes")) {
        diff.append("- ").append(l.path("set").asText()).append(": ")
            .append(l.path("comments_with_different_themes").asInt())
            .append(" comments get different themes; of the themes both found, ")
            .append(l.path("shared_themes_with_different_polarity").asInt())
            .append(" get a different polarity\n");
        continue;
      }
      sb.append("| ").append(l.path("set").asText()).append(" | ").append(l.path("comments").asInt()).append(" | ")
          .append(l.path("pipeline").asText()).append(" | ")
          .append(f3ci(l.path("micro_f1").asDouble(), l.path("micro_f1_ci95"))).append(" | ")
          .append(f3ci(l.path("macro_f1").asDouble(), l.path("macro_f1_ci95"))).append(" | ")
          .append(AccuracyReport.f3(l.path("polarity_accuracy_found").asDouble())).append(" (")
          .append(l.path("polarity_correct").asInt()).append('/').append(l.path("polarity_found_pairs").asInt())
          .append(") | ").append(AccuracyReport.fmt(l.path("comments_per_second").asDouble(), 0)).append(" |\n");
    }
    sb.append("\nCoreNLP against OpenNLP FAST, comment by comment:\n\n").append(diff);
    return sb.toString();
  }

  // ---------------------------------------------------------------- reports

  static final String DATASET_HEAD =
      "| system | pipeline | accuracy [95% CI] | macro-F1 [95% CI] | λ / C | train s | pairs/s | load s "
          + "| heap peak MB | heap retained MB | peak RSS MB |\n"
          + "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

  static String systemRow(String prefix, JsonNode s) {
    boolean peer = PEER.equals(s.path("system").asText());
    return "| " + prefix + s.path("system").asText() + " | " + (peer ? "n/a" : s.path("pipeline").asText())
        + " | " + f3ci(s.path("accuracy").asDouble(), s.path("accuracy_ci95"))
        + " | " + f3ci(s.path("macro_f1").asDouble(), s.path("macro_f1_ci95"))
        + " | " + (peer ? "C=" + num(s.path("C").asDouble()) : "λ=" + num(s.path("lambda").asDouble()))
        + " | " + AccuracyReport.fmt(s.path("train_seconds").asDouble(), 1)
        + " | " + AccuracyReport.fmt(s.path("pairs_per_second").asDouble(), 0)
        + " | " + (peer ? "n/a" : AccuracyReport.fmt(s.path("load_seconds").asDouble(), 2))
        + " | " + (peer ? "n/a" : AccuracyReport.fmt(s.path("heap_peak_mb").asDouble(), 0))
        + " | " + (peer ? "n/a" : AccuracyReport.fmt(s.path("heap_retained_mb").asDouble(), 0))
        + " | " + AccuracyReport.fmt(s.path("process_peak_rss_mb").asDouble(Double.NaN), 0) + " |\n";
  }

  static String ratioTable(JsonNode root) {
    if (root.path("ratios").isEmpty()) {
      return "\nNo peer ratios: " + root.path("peer_skipped").asText("peer not run") + ".\n";
    }
    StringBuilder sb = new StringBuilder("\nRatios Verbatim / peer (above 1 is higher for Verbatim; for train s and "
        + "peak RSS, lower is better):\n\n| pipeline | accuracy | macro-F1 | train s | pairs/s | peak RSS |\n"
        + "|---|---:|---:|---:|---:|---:|\n");
    for (JsonNode r : root.path("ratios")) {
      sb.append("| ").append(r.path("pipeline").asText());
      for (String f : List.of("accuracy", "macro_f1", "train_seconds", "pairs_per_second", "process_peak_rss_mb")) {
        double v = r.path(f).asDouble(Double.NaN);
        sb.append(" | ").append(AccuracyReport.fmt(v, f.startsWith("acc") || f.startsWith("macro") || v < 0.1 ? 3 : 2));
      }
      sb.append(" |\n");
    }
    return sb.toString();
  }

  private static String datasetMarkdown(JsonNode root) {
    StringBuilder sb = new StringBuilder();
    JsonNode first = root.path("systems").path(0);
    sb.append("# Polarity given the gold themes: ").append(root.path("dataset").asText()).append("\n\n");
    sb.append("- date: ").append(root.path("date").asText()).append('\n');
    sb.append("- machine: ").append(root.path("machine").asText()).append('\n');
    sb.append("- layout: ").append(root.path("layout").asText()).append("; ").append(first.path("train_pairs").asInt())
        .append(" train pairs (").append(first.path("train_comments").asInt()).append(" comments) → ")
        .append(first.path("test_pairs").asInt()).append(" test pairs (").append(first.path("test_comments").asInt())
        .append(" comments)\n");
    sb.append("- JVM: ").append(root.path("jvm").asText()).append('\n');
    sb.append("- command: `").append(root.path("command").asText()).append("`\n\n");
    sb.append("Accuracy and macro-F1 over all gold (comment, theme) pairs, the model asked about each gold theme; "
        + "95% CI from " + first.path("bootstrap").asText("bootstrap resamples of test comments")
        + ". Train s includes analysing the training comments and the cross-validation of λ (the peer's, its 30 "
        + "CV fits of C). Pairs/s: test pairs predicted per second, "
        + "one thread, the comment analysed once for all its themes, over whole passes of at least 3 s after "
        + "training warmed the JIT (the peer: its one predict call). Peak RSS: the whole process.\n\n");
    sb.append(DATASET_HEAD);
    for (JsonNode s : root.path("systems")) {
      sb.append(systemRow("", s));
    }
    sb.append(ratioTable(root));
    if (root.has("pipeline_agreement")) {
      sb.append('\n').append(agreementText(root.path("pipeline_agreement")));
    }
    sb.append("\nLoad average (1 min) before / after each run: ");
    List<String> loads = new ArrayList<>();
    for (JsonNode s : root.path("systems")) {
      String who = PEER.equals(s.path("system").asText()) ? "peer" : s.path("pipeline").asText();
      loads.add(who + " " + AccuracyReport.fmt(s.path("load_average_before").asDouble(), 2) + " / "
          + AccuracyReport.fmt(s.path("load_average_after").asDouble(), 2));
    }
    sb.append(String.join("; ", loads)).append(".\n");
    return sb.toString();
  }

  private static void writeSummary(Path out, List<ObjectNode> datasets, ObjectNode zeroShot, String command,
      boolean corenlp) throws IOException {
    ObjectNode root = AccuracyReport.JSON.createObjectNode();
    root.put("date", Instant.now().toString());
    root.put("machine", Machine.describe());
    root.put("command", command);
    ArrayNode ds = root.putArray("datasets");
    datasets.forEach(ds::add);
    if (zeroShot != null) {
      root.set("zero_shot", zeroShot);
    }
    Files.writeString(out.resolve("summary.json"), AccuracyReport.JSON.writeValueAsString(root) + "\n",
        StandardCharsets.UTF_8);
    StringBuilder sb = new StringBuilder("# Polarity suite summary\n\n");
    sb.append("- date: ").append(root.path("date").asText()).append('\n');
    sb.append("- machine: ").append(Machine.describe()).append('\n');
    sb.append("- command: `").append(command).append("`\n\n");
    sb.append("## Learned polarity given the gold themes, against the aspect-level baseline\n\n");
    sb.append("Test pairs of each dataset; details, CIs and load averages in `<dataset>/polarity.md`.\n\n");
    sb.append("| dataset ").append(DATASET_HEAD, 0, DATASET_HEAD.indexOf('\n') + 1)
        .append("|---").append(DATASET_HEAD.substring(DATASET_HEAD.indexOf('\n') + 1));
    for (JsonNode d : datasets) {
      for (JsonNode s : d.path("systems")) {
        sb.append("| ").append(d.path("dataset").asText()).append(' ').append(systemRow("", s));
      }
    }
    for (JsonNode d : datasets) {
      sb.append("\n### ").append(d.path("dataset").asText()).append('\n').append(ratioTable(d));
      if (d.has("pipeline_agreement")) {
        sb.append('\n').append(agreementText(d.path("pipeline_agreement")));
      }
    }
    if (zeroShot != null) {
      sb.append("\n## Zero-shot codebook classifier: OpenNLP FAST and CoreNLP\n\n").append(zeroShotTable(zeroShot));
    } else if (!corenlp) {
      sb.append("\nCoreNLP not run (add `--corenlp` and the models jar to the class path).\n");
    }
    Files.writeString(out.resolve("summary.md"), sb.toString(), StandardCharsets.UTF_8);
  }

  // ---------------------------------------------------------------- small helpers

  private static String f3ci(double v, JsonNode ci) {
    if (!ci.isArray() || ci.size() != 2) {
      return AccuracyReport.f3(v);
    }
    return AccuracyReport.f3(v) + " [" + AccuracyReport.f3(ci.get(0).asDouble()) + ", "
        + AccuracyReport.f3(ci.get(1).asDouble()) + "]";
  }

  private static String num(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /** The 1, 5 and 15 minute load averages from {@code /proc/loadavg}, NaN where unreadable. */
  static double[] loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).strip().split("\\s+");
      return new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2])};
    } catch (IOException | RuntimeException e) {
      return new double[] {Double.NaN, Double.NaN, Double.NaN};
    }
  }

  static double round(double v, int decimals) {
    return AccuracyReport.round(v, decimals);
  }

  static void log(String format, Object... args) {
    System.err.println(String.format(Locale.ROOT, format, args));
  }
}
