package org.verbatim.model;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.verbatim.ModelInfo;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearModel;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.classify.Ranking;
import org.verbatim.features.ExtraFeatures;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.FeatureTokenizer;
import org.verbatim.features.PipelineTokenizer;
import org.verbatim.features.SimpleTokenizer;
import org.verbatim.text.TextPipeline;
import org.verbatim.train.ThresholdRule;
import org.verbatim.train.TrainingReport;

/**
 * Loads a Verbatim model file written by {@link ModelWriter}.
 *
 * <pre>{@code
 * LinearThemeClassifier model = ModelLoader.load(Path.of("themes.verbatim.zip"));
 * model.classify("Nobody returned my calls.");
 * // a model trained with extra features needs the same source again:
 * ModelLoader.load(path, ClassifierFeatures.of(codebookClassifier));
 * }</pre>
 *
 * <p>The loader trusts nothing in the file: it maps the classifier kind and tokenizer through closed
 * switches (it never instantiates a class named by the file), caps every entry's size while reading (never
 * trusting the sizes declared in the zip), refuses duplicate or unexpected entries, checks every entry's
 * SHA-256 against the manifest and every array's length against the declared shape. Refusals are
 * {@link ModelFormatException}s naming the file, the entry and the reason. Stateless and thread-safe.
 */
public final class ModelLoader {

  /** The entries every model has. */
  private static final Set<String> ENTRIES =
      Set.of(ModelFormat.MANIFEST, ModelFormat.VOCABULARY, ModelFormat.WEIGHTS, ModelFormat.THRESHOLDS);

  private ModelLoader() {}

  /**
   * Loads a model that needs no extra features.
   *
   * @throws ModelFormatException if the file is not a loadable Verbatim model (see class comment)
   * @throws IOException if the file cannot be read
   */
  public static LinearThemeClassifier load(Path path) throws IOException, ModelFormatException {
    return load(path, null);
  }

  /**
   * The id of the extra features a model file was trained with (for example a codebook's cue features, which
   * {@link #load(Path, ExtraFeatures)} then needs again), or empty when it needs none. Reads only the manifest.
   *
   * <pre>{@code
   * Optional<String> needs = ModelLoader.extraFeaturesId(path);   // e.g. classifier:codebook:social-care@1.0
   * }</pre>
   *
   * @throws ModelFormatException if the file is not a Verbatim model of a version this library reads
   * @throws IOException if the file cannot be read
   */
  public static java.util.Optional<String> extraFeaturesId(Path path) throws IOException, ModelFormatException {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such model file");
    }
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw new ModelFormatException(path, null, "not a zip file, or truncated or corrupt (" + e.getMessage() + ")", e);
    }
    try (zip) {
      ZipEntry e = zip.getEntry(ModelFormat.MANIFEST);
      if (e == null) {
        throw new ModelFormatException(path, null, "not a Verbatim model: no " + ModelFormat.MANIFEST + " entry");
      }
      JsonNode man = parse(path, ModelFormat.MANIFEST, read(path, zip, e, ModelFormat.MAX_MANIFEST, -1));
      if (checkHeader(path, man) >= ModelFormat.SEALED_VERSION) {
        checkSeal(path, man);
      }
      String id = reqText(path, req(path, req(path, man, "model"), "extraFeatures"), "id", "model.extraFeatures.id");
      return id.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(id);
    }
  }

  /**
   * Loads a model, supplying the extra features source it was trained with (null when it had none).
   *
   * @throws ModelFormatException if the file is not a loadable Verbatim model or the extra features do
   *     not match the ones recorded in it
   * @throws IOException if the file cannot be read
   */
  public static LinearThemeClassifier load(Path path, ExtraFeatures extras) throws IOException, ModelFormatException {
    Objects.requireNonNull(path, "path");
    if (!Files.isRegularFile(path)) {
      throw new java.nio.file.NoSuchFileException(path.toString(), null, "no such model file");
    }
    Map<String, byte[]> entries = new HashMap<>();
    JsonNode man = readEntries(path, entries);
    for (String name : ENTRIES) {
      if (!entries.containsKey(name)) {
        throw new ModelFormatException(path, name, "missing entry (every model has " + String.join(", ", new java.util.TreeSet<>(ENTRIES)) + ")");
      }
    }
    JsonNode declared = req(path, man, "entries");
    for (String name : ENTRIES) {
      if (!name.equals(ModelFormat.MANIFEST)) {
        reqText(path, declared, name, "entries." + name);
      }
    }
    // the weights' SHA-256 (most of the bytes; about 0.2 s for 5 MB before the JIT's intrinsic is there) is taken on
    // a second thread while this one parses; its verdict is checked before the model is returned, and a digest that
    // does not match wins over any parse error (a corrupt entry is reported as such)
    Digest weightsDigest = new Digest(entries.get(ModelFormat.WEIGHTS));
    Thread digester = new Thread(weightsDigest, "verbatim-model-digest");
    digester.setDaemon(true);
    digester.start();
    LinearThemeClassifier classifier;
    try {
      classifier = loadChecked(path, man, declared, entries, extras);
    } catch (ModelFormatException | RuntimeException e) {
      checkWeightsDigest(path, declared, digester, weightsDigest);
      throw e;
    }
    checkWeightsDigest(path, declared, digester, weightsDigest);
    return classifier;
  }

  /** The SHA-256 of an entry, taken on another thread. */
  private static final class Digest implements Runnable {
    private final byte[] bytes;
    private volatile String hex;

    Digest(byte[] bytes) {
      this.bytes = bytes;
    }

    @Override
    public void run() {
      hex = ModelWriter.sha256(bytes);
    }
  }

  /** Waits for the weights' digest and checks it against the manifest. */
  private static void checkWeightsDigest(Path path, JsonNode declared, Thread digester, Digest digest)
      throws ModelFormatException {
    boolean interrupted = false;
    while (true) {
      try {
        digester.join();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    String got = digest.hex;
    if (got == null) {
      got = ModelWriter.sha256(digest.bytes); // the thread failed (out of memory): take it here
    }
    checkDigest(path, declared, ModelFormat.WEIGHTS, got);
  }

  /** The model from its entries, every entry but the weights checked against its SHA-256 first. */
  private static LinearThemeClassifier loadChecked(Path path, JsonNode man, JsonNode declared, Map<String, byte[]> entries,
      ExtraFeatures extras) throws ModelFormatException {
    for (String name : ENTRIES) {
      if (name.equals(ModelFormat.MANIFEST) || name.equals(ModelFormat.WEIGHTS)) {
        continue;
      }
      checkSha256(path, declared, name, entries.get(name));
    }
    byte[] polarityBytes = polarityEntry(path, man, declared, entries);
    String kindId = reqText(path, man, "kind", "kind");
    ClassifierKind kind;
    switch (kindId) {
      case "logistic" -> kind = ClassifierKind.LOGISTIC;
      case "nb-logistic" -> kind = ClassifierKind.NB_LOGISTIC;
      case "maxent" -> throw new ModelFormatException(path, ModelFormat.MANIFEST, "classifier kind 'maxent' is no longer "
          + "supported (it lost to nb-logistic and svm, see docs/model-format.md): retrain the model");
      case "svm" -> kind = ClassifierKind.SVM;
      case "nb-svm" -> kind = ClassifierKind.NB_SVM;
      default -> throw new ModelFormatException(path, ModelFormat.MANIFEST, "unknown classifier kind '" + clip(kindId)
          + "', expected logistic, nb-logistic, svm or nb-svm");
    }
    LinearThemeClassifier linear = loadLinear(path, man, kind, entries, extras);
    return polarityBytes == null ? linear : linear.withPolarity(polarityModel(path, man, polarityBytes));
  }

  /** The polarity entry's bytes when the manifest declares one (checked against its SHA-256), else null. */
  private static byte[] polarityEntry(Path path, JsonNode man, JsonNode declared, Map<String, byte[]> entries)
      throws ModelFormatException {
    JsonNode pol = man.get("polarity");
    boolean inManifest = pol != null && !pol.isNull();
    byte[] bytes = entries.get(ModelFormat.POLARITY);
    if (!inManifest) {
      if (bytes != null) {
        throw new ModelFormatException(path, ModelFormat.POLARITY, "entry present but the manifest declares no polarity model");
      }
      return null;
    }
    if (!pol.isObject()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "polarity must be an object");
    }
    if (bytes == null) {
      throw new ModelFormatException(path, ModelFormat.POLARITY, "missing entry (the manifest declares a polarity model)");
    }
    checkSha256(path, declared, ModelFormat.POLARITY, bytes);
    return bytes;
  }

  /** Checks an entry's bytes against the SHA-256 the manifest's {@code entries} declares for it. */
  private static void checkSha256(Path path, JsonNode declared, String name, byte[] bytes) throws ModelFormatException {
    checkDigest(path, declared, name, ModelWriter.sha256(bytes));
  }

  /** Checks an entry's SHA-256 {@code got} (hex) against the one the manifest's {@code entries} declares for it. */
  private static void checkDigest(Path path, JsonNode declared, String name, String got) throws ModelFormatException {
    String want = reqText(path, declared, name, "entries." + name);
    if (!want.equals(got)) {
      throw new ModelFormatException(path, name, "SHA-256 " + got + " does not match the manifest (" + clip(want)
          + "): the entry is corrupt or was modified");
    }
  }

  private static PolarityModel polarityModel(Path path, JsonNode man, byte[] bytes) throws ModelFormatException {
    JsonNode pid = man.get("pipeline");
    // files written before the pipeline was recorded all analysed with the OpenNLP FAST profile
    String pipelineId = pid == null || pid.isNull() ? PipelineIds.OPENNLP_FAST : reqText(path, man, "pipeline", "pipeline");
    TextPipeline pipeline = PipelineIds.create(pipelineId);
    if (pipeline == null) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "the polarity model needs text pipeline '" + clip(pipelineId)
          + "', which this library cannot create (it creates " + PipelineIds.OPENNLP_FAST + " and " + PipelineIds.OPENNLP_FULL + ")");
    }
    PolarityModel pm = PolarityModelFormat.read(bytes, path, pipeline);
    JsonNode pol = man.get("polarity");
    List<String> classes = textList(path, req(path, pol, "classes"), "polarity.classes");
    List<String> actual = new ArrayList<>();
    pm.classes().forEach(c -> actual.add(c.id()));
    if (!classes.equals(actual) || reqInt(path, pol, "trainingPairs") != pm.trainingPairs()) {
      throw new ModelFormatException(path, ModelFormat.POLARITY, "classes or training pairs differ from the manifest's polarity section");
    }
    return pm;
  }

  private static LinearThemeClassifier loadLinear(Path path, JsonNode man, ClassifierKind kind, Map<String, byte[]> entries,
      ExtraFeatures extras) throws ModelFormatException {
    String language = reqText(path, man, "language", "language");
    List<String> themes = textList(path, req(path, man, "themes"), "themes");
    JsonNode model = req(path, man, "model");
    String tokId = reqText(path, model, "tokenizer", "model.tokenizer");
    FeatureTokenizer tokenizer;
    switch (tokId) {
      case SimpleTokenizer.ID -> tokenizer = SimpleTokenizer.INSTANCE;
      case PipelineTokenizer.FAST_ID -> tokenizer = PipelineTokenizer.fast();
      default -> throw new ModelFormatException(path, ModelFormat.MANIFEST, "unknown tokenizer '" + clip(tokId) + "', expected "
          + SimpleTokenizer.ID + " or " + PipelineTokenizer.FAST_ID);
    }
    JsonNode fo = req(path, model, "features");
    FeatureOptions features;
    try {
      features = new FeatureOptions(reqInt(path, fo, "wordMinN"), reqInt(path, fo, "wordMaxN"), reqInt(path, fo, "charMinN"),
          reqInt(path, fo, "charMaxN"), reqInt(path, fo, "minDf"),
          FeatureOptions.Weighting.valueOf(reqText(path, fo, "weighting", "model.features.weighting")),
          reqBool(path, fo, "sublinearTf"), FeatureOptions.Negation.valueOf(reqText(path, fo, "negation", "model.features.negation")));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "model.features: " + e.getMessage(), e);
    }
    if (features.negation() != FeatureOptions.Negation.OFF && !tokenizer.marksNegation()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "the model marks negation with tokenizer " + tokId
          + ", which no longer computes a negation scope (negation rules live in the text pipeline only); retrain it with "
          + "tokenizer " + PipelineTokenizer.FAST_ID + " or without negation marking");
    }
    int vocabSize = reqInt(path, model, "vocabularySize");
    int wordFeatures = reqInt(path, model, "wordFeatures");
    int nLabels = reqInt(path, model, "labels");
    JsonNode extra = req(path, model, "extraFeatures");
    String extraId = reqText(path, extra, "id", "model.extraFeatures.id");
    List<String> extraNames = textList(path, req(path, extra, "names"), "model.extraFeatures.names");
    if (extraId.isEmpty() && !extraNames.isEmpty()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "model.extraFeatures has names but no id");
    }
    JsonNode needs = model.get("needsCodebook");
    if (needs != null && (!needs.isBoolean() || needs.asBoolean() == extraId.isEmpty())) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "model.needsCodebook disagrees with model.extraFeatures");
    }
    if (!extraId.isEmpty()) {
      if (extras == null) {
        throw new ModelFormatException(path, ModelFormat.MANIFEST, "the model needs a codebook (it was trained with the"
            + " cue features '" + clip(extraId) + "'); load it with ModelLoader.load(path, extras) and the same codebook");
      }
      if (!extras.id().equals(extraId) || !extras.names().equals(extraNames)) {
        throw new ModelFormatException(path, ModelFormat.MANIFEST, "the model needs the codebook it was trained with"
            + " (cue features '" + clip(extraId) + "'), but the codebook given has " + (extras.id().equals(extraId)
                ? "other cues under the same name and version" : "'" + clip(extras.id()) + "'")
            + ": give the same codebook (name, version and cues)");
      }
    } else if (extras != null) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "the model needs no codebook (it was trained without"
          + " cue features) but cue features '" + clip(extras.id()) + "' were supplied; load it without them");
    }
    boolean atLeastOne = reqBool(path, model, "atLeastOne");
    int maxLabels = reqInt(path, model, "maxLabels");
    String rankingId = reqText(path, model, "ranking", "model.ranking");
    Ranking ranking;
    switch (rankingId) {
      case "margin" -> ranking = Ranking.MARGIN;
      case "score" -> ranking = Ranking.SCORE;
      default -> throw new ModelFormatException(path, ModelFormat.MANIFEST, "unknown ranking '" + clip(rankingId) + "', expected margin or score");
    }
    if (themes.size() != nLabels) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "themes has " + themes.size() + " names but model.labels is " + nLabels);
    }

    // vocabulary
    List<String> keys = new ArrayList<>(Math.max(0, Math.min(vocabSize, 1 << 24)));
    float[] idf = readVocabulary(path, entries.get(ModelFormat.VOCABULARY), vocabSize, keys);

    // weights
    byte[] wb = entries.get(ModelFormat.WEIGHTS);
    long nFeatures = (long) vocabSize + extraNames.size();
    long expected = nFeatures * nLabels * 4L;
    if (wb.length != expected) {
      throw new ModelFormatException(path, ModelFormat.WEIGHTS, "expected " + expected + " bytes (" + nFeatures + " features x "
          + nLabels + " labels x 4), got " + wb.length);
    }
    float[] weights = new float[(int) (nFeatures * nLabels)];
    ByteBuffer.wrap(wb).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(weights);

    // thresholds
    JsonNode th = parse(path, ModelFormat.THRESHOLDS, entries.get(ModelFormat.THRESHOLDS));
    List<String> labels = textList(path, reqIn(path, ModelFormat.THRESHOLDS, th, "labels"), "labels");
    if (!labels.equals(themes)) {
      throw new ModelFormatException(path, ModelFormat.THRESHOLDS, "labels differ from the manifest's themes");
    }
    double[] bias = doubles(path, reqIn(path, ModelFormat.THRESHOLDS, th, "bias"), nLabels, "bias");
    double[] thresholds = doubles(path, reqIn(path, ModelFormat.THRESHOLDS, th, "thresholds"), nLabels, "thresholds");
    JsonNode act = reqIn(path, ModelFormat.THRESHOLDS, th, "active");
    if (!act.isArray() || act.size() != nLabels) {
      throw new ModelFormatException(path, ModelFormat.THRESHOLDS, "active must be an array of " + nLabels + " booleans");
    }
    boolean[] active = new boolean[nLabels];
    for (int i = 0; i < nLabels; i++) {
      if (!act.get(i).isBoolean()) {
        throw new ModelFormatException(path, ModelFormat.THRESHOLDS, "active[" + i + "] is not a boolean");
      }
      active[i] = act.get(i).asBoolean();
    }

    LinearModel lm;
    try {
      lm = LinearModel.builder().kind(kind).language(language).labels(labels).features(features).tokenizer(tokenizer)
          .vocabulary(keys, wordFeatures, idf).extraFeatures(extras, extraNames).weights(weights).bias(bias)
          .thresholds(thresholds).active(active).atLeastOne(atLeastOne).maxLabels(maxLabels).ranking(ranking).build();
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path, null, "inconsistent model: " + e.getMessage(), e);
    }
    TrainingReport report = report(path, man, labels);
    Map<String, String> props = new TreeMap<>();
    JsonNode opts = req(path, man, "options");
    if (!opts.isObject()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "options must be an object");
    }
    for (Map.Entry<String, JsonNode> e : opts.properties()) {
      props.put("option." + e.getKey(), e.getValue().asText());
    }
    props.putAll(report.properties());
    props.put("created", reqText(path, man, "created", "created"));
    props.put("format.version", Integer.toString(man.get("formatVersion").asInt()));
    String libVersion = reqText(path, man, "libraryVersion", "libraryVersion");
    ModelInfo info = new ModelInfo(kind.id(), "verbatim linear model", libVersion, labels, props);
    return LinearThemeClassifier.of(lm, info, report);
  }

  private static TrainingReport report(Path path, JsonNode man, List<String> labels) throws ModelFormatException {
    JsonNode data = req(path, man, "trainingData");
    JsonNode s = req(path, man, "scores");
    int L = labels.size();
    List<Integer> positives = new ArrayList<>();
    JsonNode pos = req(path, s, "positives");
    List<Boolean> active = new ArrayList<>();
    JsonNode act = req(path, s, "active");
    List<Double> f1 = new ArrayList<>();
    JsonNode lf = req(path, s, "labelF1");
    List<Double> costs = new ArrayList<>();
    JsonNode lc = req(path, s, "labelCosts");
    if (!pos.isArray() || pos.size() != L || !act.isArray() || act.size() != L || !lf.isArray() || lf.size() != L || !lc.isArray() || lc.size() != L) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "scores.positives, scores.active, scores.labelF1 and scores.labelCosts must have one value per theme (" + L + ")");
    }
    for (int i = 0; i < L; i++) {
      positives.add(pos.get(i).asInt());
      active.add(act.get(i).asBoolean());
      f1.add(lf.get(i).asDouble());
      costs.add(lc.get(i).asDouble());
    }
    List<TrainingReport.GridPoint> grid = new ArrayList<>();
    JsonNode g = req(path, s, "grid");
    if (!g.isArray()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "scores.grid must be an array");
    }
    try {
      for (JsonNode p : g) {
        grid.add(new TrainingReport.GridPoint(reqNum(path, p, "cost"), reqNum(path, p, "interpolation"),
            Ranking.parse(reqText(path, p, "ranking", "scores.grid.ranking")), ThresholdRule.parse(reqText(path, p, "thresholdRule", "scores.grid.thresholdRule")), reqNum(path, p, "thresholdWeight"),
            reqNum(path, p, "microF1"), reqNum(path, p, "macroF1")));
      }
      return new TrainingReport(reqInt(path, data, "comments"), reqText(path, data, "sha256", "trainingData.sha256"), labels, positives,
          active, reqNum(path, s, "cost"), costs, reqNum(path, s, "interpolation"),
          Ranking.parse(reqText(path, s, "ranking", "scores.ranking")), ThresholdRule.parse(reqText(path, s, "thresholdRule", "scores.thresholdRule")), reqNum(path, s, "thresholdWeight"),
          reqBool(path, s, "atLeastOne"), reqInt(path, s, "maxLabels"), reqNum(path, s, "cvMicroF1"), reqNum(path, s, "cvMacroF1"), f1,
          grid, reqInt(path, s, "featureCount"), reqNum(path, s, "tuneSeconds"), reqNum(path, s, "trainSeconds"));
    } catch (IllegalArgumentException e) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "scores: " + e.getMessage(), e);
    }
  }

  private static float[] readVocabulary(Path path, byte[] bytes, int size, List<String> keys) throws ModelFormatException {
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
    } catch (CharacterCodingException e) {
      throw new ModelFormatException(path, ModelFormat.VOCABULARY, "not valid UTF-8", e);
    }
    if (size < 0) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "model.vocabularySize is negative: " + size);
    }
    float[] idf = new float[size];
    int line = 0;
    int pos = 0;
    StringBuilder sb = new StringBuilder();
    while (pos < text.length()) {
      int nl = text.indexOf('\n', pos);
      if (nl < 0) {
        throw new ModelFormatException(path, ModelFormat.VOCABULARY, "line " + (line + 1) + ": missing final line feed (truncated?)");
      }
      if (line >= size) {
        throw new ModelFormatException(path, ModelFormat.VOCABULARY, "more than the " + size + " lines declared in the manifest");
      }
      int tab = text.lastIndexOf('\t', nl);
      if (tab < pos) {
        throw new ModelFormatException(path, ModelFormat.VOCABULARY, "line " + (line + 1) + ": expected KEY<TAB>IDF");
      }
      sb.setLength(0);
      for (int i = pos; i < tab; i++) {
        char c = text.charAt(i);
        if (c == '\\' && i + 1 < tab) {
          char n = text.charAt(++i);
          switch (n) {
            case '\\' -> sb.append('\\');
            case 't' -> sb.append('\t');
            case 'n' -> sb.append('\n');
            case 'r' -> sb.append('\r');
            default -> throw new ModelFormatException(path, ModelFormat.VOCABULARY, "line " + (line + 1) + ": invalid escape \\" + n);
          }
        } else if (c == '\\' || c == '\t') {
          throw new ModelFormatException(path, ModelFormat.VOCABULARY, "line " + (line + 1) + ": invalid key");
        } else {
          sb.append(c);
        }
      }
      keys.add(sb.toString());
      try {
        idf[line] = Float.parseFloat(text.substring(tab + 1, nl));
      } catch (NumberFormatException e) {
        throw new ModelFormatException(path, ModelFormat.VOCABULARY, "line " + (line + 1) + ": idf is not a number", e);
      }
      line++;
      pos = nl + 1;
    }
    if (line != size) {
      throw new ModelFormatException(path, ModelFormat.VOCABULARY, "has " + line + " lines, the manifest declares " + size);
    }
    return idf;
  }

  /** Checks that the manifest names this format and a version we read; returns the version. */
  private static int checkHeader(Path path, JsonNode man) throws ModelFormatException {
    if (!man.isObject()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "not a Verbatim model: the manifest is not a JSON object");
    }
    JsonNode format = man.get("format");
    if (format == null || !format.isTextual() || !format.asText().equals(ModelFormat.FORMAT_NAME)) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "not a Verbatim model: format is "
          + (format == null ? "missing" : "'" + clip(format.asText()) + "'") + ", expected '" + ModelFormat.FORMAT_NAME + "'");
    }
    JsonNode version = man.get("formatVersion");
    if (version == null || !version.canConvertToInt() || !version.isIntegralNumber()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "formatVersion is missing or not an integer");
    }
    int v = version.asInt();
    if (v > ModelFormat.FORMAT_VERSION) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "format version " + v
          + " is newer than this library reads (" + ModelFormat.FORMAT_VERSION + "); upgrade Verbatim to load it");
    }
    if (v < 1) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "invalid format version " + v + ", expected 1 to "
          + ModelFormat.FORMAT_VERSION);
    }
    return v;
  }

  /** Reads the manifest (checking its header) and then every other entry into {@code out}. */
  private static JsonNode readEntries(Path path, Map<String, byte[]> out) throws IOException, ModelFormatException {
    JsonNode manifest;
    ZipFile zip;
    try {
      zip = new ZipFile(path.toFile());
    } catch (ZipException e) {
      throw new ModelFormatException(path, null, "not a zip file, or truncated or corrupt (" + e.getMessage() + ")", e);
    }
    try (zip) {
      Set<String> seen = new HashSet<>();
      List<ZipEntry> list = new ArrayList<>();
      Enumeration<? extends ZipEntry> en = zip.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        if (!seen.add(e.getName())) {
          throw new ModelFormatException(path, clip(e.getName()), "duplicate entry");
        }
        list.add(e);
      }
      if (!seen.contains(ModelFormat.MANIFEST)) {
        throw new ModelFormatException(path, null, "not a Verbatim model: no " + ModelFormat.MANIFEST + " entry");
      }
      byte[] mb = read(path, zip, zip.getEntry(ModelFormat.MANIFEST), ModelFormat.MAX_MANIFEST, -1);
      manifest = parse(path, ModelFormat.MANIFEST, mb);
      int version = checkHeader(path, manifest);
      JsonNode sizes = version >= ModelFormat.SEALED_VERSION ? checkSeal(path, manifest) : null;
      out.put(ModelFormat.MANIFEST, mb);
      Set<String> allowed = new java.util.TreeSet<>(ENTRIES);
      if (version >= ModelFormat.POLARITY_VERSION) {
        allowed.add(ModelFormat.POLARITY);
      }
      for (ZipEntry e : list) {
        if (!allowed.contains(e.getName())) {
          throw new ModelFormatException(path, clip(e.getName()), "unexpected entry in a version-" + version
              + " model (expected only " + String.join(", ", allowed) + ")");
        }
      }
      for (ZipEntry e : list) {
        String name = e.getName();
        if (name.equals(ModelFormat.MANIFEST)) {
          continue;
        }
        long cap = switch (name) {
          case ModelFormat.VOCABULARY -> ModelFormat.MAX_VOCABULARY;
          case ModelFormat.WEIGHTS -> ModelFormat.MAX_WEIGHTS;
          case ModelFormat.POLARITY -> ModelFormat.MAX_POLARITY;
          default -> ModelFormat.MAX_THRESHOLDS;
        };
        long declared = -1;
        if (sizes != null) {
          JsonNode d = sizes.get(name);
          if (d == null || !d.canConvertToLong() || !d.isIntegralNumber() || d.asLong() < 0 || d.asLong() > cap) {
            throw new ModelFormatException(path, ModelFormat.MANIFEST, "entrySizes." + clip(name)
                + " is missing or not a size from 0 to " + cap);
          }
          declared = d.asLong();
        } else if (name.equals(ModelFormat.WEIGHTS)) {
          declared = -1;
          cap = Math.min(cap, weightsBytes(manifest, cap));
        }
        out.put(name, read(path, zip, e, cap, declared));
      }
    } catch (ZipException e) {
      throw new ModelFormatException(path, null, "corrupt zip (" + e.getMessage() + ")", e);
    }
    return manifest;
  }

  /**
   * The sealed manifest's digest checked; returns its {@code entrySizes}.
   *
   * @throws ModelFormatException if the digest is missing or differs, or the sizes are missing
   */
  private static JsonNode checkSeal(Path path, JsonNode man) throws ModelFormatException {
    JsonNode want = man.get(ManifestDigest.FIELD);
    if (want == null || !want.isTextual()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "missing field '" + ManifestDigest.FIELD
          + "' (every version-" + ModelFormat.SEALED_VERSION + " manifest is sealed with its SHA-256)");
    }
    String got = ManifestDigest.of(man);
    if (!got.equals(want.asText())) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "the manifest's SHA-256 " + got + " does not match its "
          + ManifestDigest.FIELD + " (" + clip(want.asText()) + "): the manifest was modified or is corrupt; retrain"
          + " the model or restore the file");
    }
    JsonNode sizes = man.get("entrySizes");
    if (sizes == null || !sizes.isObject()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, "missing field 'entrySizes'");
    }
    return sizes;
  }

  /**
   * The size the weights entry of an unsealed (version 1 or 2) manifest must have, from its model section, or
   * {@code cap} when the section cannot tell (the loader refuses such a manifest later).
   */
  private static long weightsBytes(JsonNode man, long cap) {
    JsonNode model = man.get("model");
    if (model == null) {
      return cap;
    }
    JsonNode v = model.get("vocabularySize");
    JsonNode l = model.get("labels");
    JsonNode x = model.get("extraFeatures");
    JsonNode names = x == null ? null : x.get("names");
    if (v == null || l == null || !v.canConvertToInt() || !l.canConvertToInt() || v.asInt() < 0 || l.asInt() < 0) {
      return cap;
    }
    long features = (long) v.asInt() + (names != null && names.isArray() ? names.size() : 0);
    return Math.min(cap, features * l.asInt() * 4L);
  }

  /**
   * An entry's bytes, reading at most {@code cap} bytes, or exactly {@code declared} when the manifest declares
   * the size (-1 when it does not), with the zip's CRC-32 checked at the end.
   */
  private static byte[] read(Path path, ZipFile zip, ZipEntry e, long cap, long declared)
      throws IOException, ModelFormatException {
    long limit = declared >= 0 ? declared : cap;
    try (InputStream in = zip.getInputStream(e)) {
      java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream((int) Math.min(limit, 1 << 20) + 1);
      java.util.zip.CRC32 crc = new java.util.zip.CRC32();
      byte[] buf = new byte[65536];
      long total = 0;
      int n;
      while ((n = in.read(buf, 0, (int) Math.min(buf.length, limit - total + 1))) > 0) {
        total += n;
        if (total > limit) {
          throw new ModelFormatException(path, e.getName(), declared >= 0
              ? "larger than the " + declared + " bytes the manifest declares (entrySizes): the entry is corrupt or was"
                  + " modified"
              : "larger than the " + cap + "-byte limit for this entry");
        }
        crc.update(buf, 0, n);
        out.write(buf, 0, n);
      }
      if (declared >= 0 && total != declared) {
        throw new ModelFormatException(path, e.getName(), "has " + total + " bytes, the manifest declares " + declared
            + " (entrySizes): the entry is truncated or was modified");
      }
      if (e.getCrc() != -1 && crc.getValue() != e.getCrc()) {
        throw new ModelFormatException(path, e.getName(), "CRC-32 " + Long.toHexString(crc.getValue())
            + " does not match the zip's " + Long.toHexString(e.getCrc()) + ": the entry is corrupt");
      }
      return out.toByteArray();
    } catch (ZipException | java.io.EOFException ex) {
      throw new ModelFormatException(path, e.getName(), "corrupt or truncated entry (" + ex.getMessage() + ")", ex);
    }
  }

  private static final ObjectMapper JSON = JsonMapper.builder()
      .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .build();

  /** The manifest parsed as the loader parses it (for the writer's seal). */
  static JsonNode parseManifest(byte[] bytes) throws IOException {
    return JSON.readTree(bytes);
  }

  private static JsonNode parse(Path path, String entry, byte[] bytes) throws ModelFormatException {
    try {
      JsonNode n = JSON.readTree(bytes);
      if (n == null || n.isMissingNode()) {
        throw new ModelFormatException(path, entry, "empty, expected a JSON object");
      }
      return n;
    } catch (JsonProcessingException e) {
      throw new ModelFormatException(path, entry, "not valid JSON (" + e.getOriginalMessage() + " at line "
          + (e.getLocation() == null ? "?" : e.getLocation().getLineNr()) + ")", e);
    } catch (IOException e) {
      throw new ModelFormatException(path, entry, "unreadable JSON", e);
    }
  }

  private static JsonNode req(Path path, JsonNode obj, String field) throws ModelFormatException {
    return reqIn(path, ModelFormat.MANIFEST, obj, field);
  }

  private static JsonNode reqIn(Path path, String entry, JsonNode obj, String field) throws ModelFormatException {
    JsonNode n = obj == null ? null : obj.get(field);
    if (n == null || n.isNull()) {
      throw new ModelFormatException(path, entry, "missing field '" + field + "'");
    }
    return n;
  }

  private static String reqText(Path path, JsonNode obj, String field, String label) throws ModelFormatException {
    JsonNode n = req(path, obj, field);
    if (!n.isTextual()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, label + " must be a string");
    }
    return n.asText();
  }

  private static int reqInt(Path path, JsonNode obj, String field) throws ModelFormatException {
    JsonNode n = req(path, obj, field);
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, field + " must be an integer");
    }
    return n.asInt();
  }

  private static double reqNum(Path path, JsonNode obj, String field) throws ModelFormatException {
    JsonNode n = req(path, obj, field);
    if (!n.isNumber()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, field + " must be a number");
    }
    return n.asDouble();
  }

  private static boolean reqBool(Path path, JsonNode obj, String field) throws ModelFormatException {
    JsonNode n = req(path, obj, field);
    if (!n.isBoolean()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, field + " must be true or false");
    }
    return n.asBoolean();
  }

  private static List<String> textList(Path path, JsonNode arr, String label) throws ModelFormatException {
    if (!arr.isArray()) {
      throw new ModelFormatException(path, ModelFormat.MANIFEST, label + " must be an array of strings");
    }
    List<String> out = new ArrayList<>(arr.size());
    for (JsonNode n : arr) {
      if (!n.isTextual()) {
        throw new ModelFormatException(path, ModelFormat.MANIFEST, label + " must be an array of strings");
      }
      out.add(n.asText());
    }
    return out;
  }

  private static double[] doubles(Path path, JsonNode arr, int n, String label) throws ModelFormatException {
    if (!arr.isArray() || arr.size() != n) {
      throw new ModelFormatException(path, ModelFormat.THRESHOLDS, label + " must be an array of " + n + " numbers");
    }
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      if (!arr.get(i).isNumber()) {
        throw new ModelFormatException(path, ModelFormat.THRESHOLDS, label + "[" + i + "] is not a number");
      }
      out[i] = arr.get(i).asDouble();
    }
    return out;
  }

  /** Shortens values taken from the file before they go into a message. */
  private static String clip(String s) {
    return s.length() <= 64 ? s : s.substring(0, 64) + "...";
  }
}
