package org.verbatim.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.LinearModel;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.features.FeatureOptions;
import org.verbatim.features.PipelineTokenizer;
import org.verbatim.io.AtomicOutput;
import org.verbatim.train.TrainingReport;

/**
 * Writes a trained classifier as a Verbatim model file (format in {@code docs/model-format.md}).
 *
 * <pre>{@code
 * LinearThemeClassifier model = ThemeTrainer.create(options).train(comments);
 * ModelWriter.write(model, Path.of("themes.verbatim.zip"));
 * ThemeClassifier again = ModelLoader.load(Path.of("themes.verbatim.zip"));
 * }</pre>
 *
 * <p>The file is written to a temporary file in the same directory, synced, then moved into place
 * atomically (where the file system supports it), so a crash never leaves a half-written model under the
 * target name. Stateless and thread-safe.
 */
public final class ModelWriter {

  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);

  private ModelWriter() {}

  /**
   * Writes {@code classifier} to {@code path}, replacing an existing file.
   *
   * @throws IllegalArgumentException if the classifier is not a kind this format can store (today: a
   *     {@link LinearThemeClassifier})
   * @throws IOException if writing fails; the target is then left as it was
   */
  public static void write(ThemeClassifier classifier, Path path) throws IOException {
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(path, "path");
    if (!(classifier instanceof LinearThemeClassifier linear)) {
      throw new IllegalArgumentException("cannot store a " + classifier.getClass().getSimpleName()
          + " as a model file: only trained linear classifiers (LinearThemeClassifier) are stored");
    }
    Path abs = path.toAbsolutePath();
    Files.createDirectories(abs.getParent());
    try (AtomicOutput out = AtomicOutput.create(abs)) {
      ZipOutputStream zip = new ZipOutputStream(out.stream(), StandardCharsets.UTF_8);
      writeLinear(linear, zip);
      zip.finish();
      zip.flush();
      out.commit();
    }
  }

  private static void writeLinear(LinearThemeClassifier c, ZipOutputStream zip) throws IOException {
    LinearModel m = c.model();
    TrainingReport r = c.report();
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    byte[] vocab = vocabulary(m);
    byte[] weights = weights(m);
    byte[] thresholds = json.writeValueAsBytes(thresholdsJson(json, m));
    PolarityModel pm = c.polarityModel().orElse(null);
    byte[] polarity = pm == null ? null : polarityBytes(pm);

    ObjectNode man = json.createObjectNode();
    man.put("format", ModelFormat.FORMAT_NAME);
    man.put("formatVersion", ModelFormat.FORMAT_VERSION);
    man.put("libraryVersion", LibraryVersion.get());
    man.put("created", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    man.put("language", m.language());
    man.put("kind", m.kind().id());
    man.put("pipeline", pipelineId(m, pm));
    ArrayNode themes = man.putArray("themes");
    m.labels().forEach(themes::add);
    Map<String, String> props = c.info().properties();
    ObjectNode options = man.putObject("options");
    props.forEach((k, v) -> {
      if (k.startsWith("option.")) {
        options.put(k.substring("option.".length()), v);
      }
    });
    man.put("seed", Long.parseLong(props.getOrDefault("option.seed", "0")));
    ObjectNode data = man.putObject("trainingData");
    data.put("sha256", r.dataSha256());
    data.put("comments", r.comments());
    man.set("scores", scores(json, r));
    ObjectNode model = man.putObject("model");
    model.put("tokenizer", m.tokenizer().id());
    FeatureOptions f = m.features();
    ObjectNode fo = model.putObject("features");
    fo.put("wordMinN", f.wordMinN());
    fo.put("wordMaxN", f.wordMaxN());
    fo.put("charMinN", f.charMinN());
    fo.put("charMaxN", f.charMaxN());
    fo.put("minDf", f.minDf());
    fo.put("weighting", f.weighting().name());
    fo.put("sublinearTf", f.sublinearTf());
    fo.put("negation", f.negation().name());
    model.put("vocabularySize", m.keys().size());
    model.put("wordFeatures", m.wordFeatures());
    model.put("labels", m.labels().size());
    ObjectNode extra = model.putObject("extraFeatures");
    extra.put("id", m.extraId());
    ArrayNode en = extra.putArray("names");
    m.extraNames().forEach(en::add);
    model.put("needsCodebook", !m.extraId().isEmpty());
    model.put("atLeastOne", m.atLeastOne());
    model.put("maxLabels", m.maxLabels());
    model.put("ranking", m.ranking().id());
    if (pm != null) {
      ObjectNode po = man.putObject("polarity");
      po.put("entry", ModelFormat.POLARITY);
      ArrayNode classes = po.putArray("classes");
      pm.classes().forEach(x -> classes.add(x.id()));
      po.put("lambda", pm.lambda());
      if (Double.isFinite(pm.cvMacroF1())) {
        po.put("cvMacroF1", pm.cvMacroF1());
      } else {
        po.putNull("cvMacroF1");
      }
      po.put("trainingPairs", pm.trainingPairs());
      po.put("vocabularySize", pm.vocabularySize());
    }
    ObjectNode entries = man.putObject("entries");
    entries.put(ModelFormat.VOCABULARY, sha256(vocab));
    entries.put(ModelFormat.WEIGHTS, sha256(weights));
    entries.put(ModelFormat.THRESHOLDS, sha256(thresholds));
    if (polarity != null) {
      entries.put(ModelFormat.POLARITY, sha256(polarity));
    }
    ObjectNode sizes = man.putObject("entrySizes");
    sizes.put(ModelFormat.VOCABULARY, vocab.length);
    sizes.put(ModelFormat.WEIGHTS, weights.length);
    sizes.put(ModelFormat.THRESHOLDS, thresholds.length);
    if (polarity != null) {
      sizes.put(ModelFormat.POLARITY, polarity.length);
    }
    // sealed as the loader will see it: the digest of the manifest parsed back from its bytes
    man.put(ManifestDigest.FIELD, ManifestDigest.of(ModelLoader.parseManifest(json.writeValueAsBytes(man))));

    put(zip, ModelFormat.MANIFEST, json.writeValueAsBytes(man));
    put(zip, ModelFormat.VOCABULARY, vocab);
    put(zip, ModelFormat.WEIGHTS, weights);
    put(zip, ModelFormat.THRESHOLDS, thresholds);
    if (polarity != null) {
      put(zip, ModelFormat.POLARITY, polarity);
    }
  }

  private static byte[] polarityBytes(PolarityModel pm) {
    return PolarityModelFormat.write(pm);
  }

  /**
   * The id of the text pipeline the model needs: its polarity model's, else the feature tokenizer's
   * ({@code opennlp-fast} for {@link PipelineTokenizer#fast()}), else {@code none}.
   */
  static String pipelineId(LinearModel m, PolarityModel pm) {
    String tokenizerPipeline = m.tokenizer().id().equals(PipelineTokenizer.FAST_ID) ? PipelineIds.OPENNLP_FAST : null;
    if (pm == null) {
      return tokenizerPipeline == null ? PipelineIds.NONE : tokenizerPipeline;
    }
    String id = PipelineIds.of(pm.pipeline());
    if (tokenizerPipeline != null && !tokenizerPipeline.equals(id)) {
      throw new IllegalArgumentException("the theme features use pipeline " + tokenizerPipeline
          + " but the polarity model uses " + id + ": a model file records one pipeline");
    }
    return id;
  }

  private static ObjectNode scores(ObjectMapper json, TrainingReport r) {
    ObjectNode s = json.createObjectNode();
    s.put("cvMicroF1", r.cvMicroF1());
    s.put("cvMacroF1", r.cvMacroF1());
    s.put("cost", r.cost());
    s.put("interpolation", r.interpolation());
    s.put("ranking", r.ranking().id());
    s.put("thresholdRule", r.thresholdRule().id());
    s.put("thresholdWeight", r.thresholdWeight());
    s.put("atLeastOne", r.atLeastOne());
    s.put("maxLabels", r.maxLabels());
    s.put("featureCount", r.featureCount());
    s.put("tuneSeconds", r.tuneSeconds());
    s.put("trainSeconds", r.trainSeconds());
    ArrayNode pos = s.putArray("positives");
    r.positives().forEach(pos::add);
    ArrayNode act = s.putArray("active");
    r.active().forEach(act::add);
    ArrayNode lc = s.putArray("labelCosts");
    r.labelCosts().forEach(lc::add);
    ArrayNode lf = s.putArray("labelF1");
    r.cvLabelF1().forEach(lf::add);
    ArrayNode grid = s.putArray("grid");
    for (TrainingReport.GridPoint p : r.grid()) {
      ObjectNode g = grid.addObject();
      g.put("cost", p.cost());
      g.put("interpolation", p.interpolation());
      g.put("ranking", p.ranking().id());
      g.put("thresholdRule", p.thresholdRule().id());
      g.put("thresholdWeight", p.thresholdWeight());
      g.put("microF1", p.microF1());
      g.put("macroF1", p.macroF1());
    }
    return s;
  }

  private static ObjectNode thresholdsJson(ObjectMapper json, LinearModel m) {
    ObjectNode t = json.createObjectNode();
    ArrayNode labels = t.putArray("labels");
    m.labels().forEach(labels::add);
    ArrayNode bias = t.putArray("bias");
    for (double b : m.bias()) {
      bias.add(b);
    }
    ArrayNode th = t.putArray("thresholds");
    for (double v : m.thresholds()) {
      th.add(v);
    }
    ArrayNode act = t.putArray("active");
    for (boolean a : m.active()) {
      act.add(a);
    }
    return t;
  }

  static byte[] vocabulary(LinearModel m) {
    StringBuilder sb = new StringBuilder(m.keys().size() * 16);
    List<String> keys = m.keys();
    float[] idf = m.idf();
    for (int i = 0; i < keys.size(); i++) {
      escape(keys.get(i), sb);
      sb.append('\t').append(Float.toString(idf[i])).append('\n');
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static void escape(String key, StringBuilder sb) {
    for (int i = 0; i < key.length(); i++) {
      char ch = key.charAt(i);
      switch (ch) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        default -> sb.append(ch);
      }
    }
  }

  private static byte[] weights(LinearModel m) {
    float[] w = m.weights();
    ByteBuffer bb = ByteBuffer.allocate(w.length * 4).order(ByteOrder.LITTLE_ENDIAN);
    bb.asFloatBuffer().put(w);
    return bb.array();
  }

  private static void put(ZipOutputStream zip, String name, byte[] data) throws IOException {
    ZipEntry e = new ZipEntry(name);
    e.setTimeLocal(ENTRY_TIME);
    zip.putNextEntry(e);
    zip.write(data);
    zip.closeEntry();
  }

  static String sha256(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

}
