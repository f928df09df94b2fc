package org.verbatim.report;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code verbatim classify} recorded about a run (the {@code FILE.meta.json} sidecar): classifier kind, name
 * and version, codebook, counts and, when known, accuracy figures. Nested objects are flattened to dotted keys
 * ({@code classifier.kind}), arrays to indexed keys ({@code themes.0}).
 *
 * <pre>{@code
 * Optional<ReportMeta> meta = ReportMeta.besides(Path.of("classified.csv"));   // classified.csv.meta.json
 * meta.flatMap(ReportMeta::classifierKind);                                   // Optional[codebook]
 * }</pre>
 *
 * <p>Immutable and thread-safe. At most {@value #MAX_ENTRIES} entries are kept; values longer than
 * {@value #MAX_VALUE_CHARS} characters are cut.
 */
public final class ReportMeta {

  static final int MAX_ENTRIES = 200;
  static final int MAX_VALUE_CHARS = 300;
  private static final long MAX_FILE_BYTES = 4L << 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SortedMap<String, String> entries;

  private ReportMeta(SortedMap<String, String> entries) {
    this.entries = Collections.unmodifiableSortedMap(entries);
  }

  /**
   * Metadata from flat key/value pairs (e.g. built by the classify command without writing a file).
   *
   * @throws NullPointerException if {@code values} or one of its keys or values is null
   */
  public static ReportMeta of(Map<String, String> values) {
    Objects.requireNonNull(values, "values");
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : values.entrySet()) {
      if (out.size() >= MAX_ENTRIES) {
        break;
      }
      out.put(Objects.requireNonNull(e.getKey(), "key"), cut(Objects.requireNonNull(e.getValue(), "value")));
    }
    return new ReportMeta(out);
  }

  /**
   * The sidecar of a classified file, if one exists: {@code NAME.meta.json} (e.g. {@code out.csv.meta.json}),
   * else the name without its extension plus {@code .meta.json} ({@code out.meta.json}).
   *
   * @throws ReportInputException if the sidecar exists but is not a JSON object
   */
  public static Optional<ReportMeta> besides(Path input) throws ReportInputException {
    Objects.requireNonNull(input, "input");
    for (Path candidate : sidecars(input)) {
      if (Files.isRegularFile(candidate)) {
        return Optional.of(read(candidate));
      }
    }
    return Optional.empty();
  }

  /** The sidecar paths tried for {@code input}, in order. */
  static List<Path> sidecars(Path input) {
    String name = input.getFileName().toString();
    Path first = input.resolveSibling(name + ".meta.json");
    int dot = name.lastIndexOf('.');
    if (dot <= 0) {
      return List.of(first);
    }
    return List.of(first, input.resolveSibling(name.substring(0, dot) + ".meta.json"));
  }

  /**
   * Reads a sidecar file.
   *
   * @throws ReportInputException naming the file if it cannot be read, is larger than 4 MiB or is not a JSON
   *     object
   */
  public static ReportMeta read(Path file) throws ReportInputException {
    Objects.requireNonNull(file, "file");
    JsonNode root;
    try {
      if (Files.size(file) > MAX_FILE_BYTES) {
        throw new ReportInputException(file + ": metadata file is larger than 4 MiB");
      }
      root = JSON.readTree(file.toFile());
    } catch (JacksonException e) {
      throw new ReportInputException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr(), e);
    } catch (ReportInputException e) {
      throw e;
    } catch (IOException e) {
      throw new ReportInputException(file + ": cannot read metadata file: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new ReportInputException(file + ": expected a JSON object");
    }
    SortedMap<String, String> out = new TreeMap<>();
    flatten("", root, out);
    return new ReportMeta(out);
  }

  private static void flatten(String prefix, JsonNode node, SortedMap<String, String> out) {
    if (out.size() >= MAX_ENTRIES) {
      return;
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> f : node.properties()) {
        flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out);
      }
    } else if (node.isArray()) {
      if (node.size() > 0 && allScalar(node)) {
        StringBuilder b = new StringBuilder();
        for (JsonNode item : node) {
          if (b.length() > 0) {
            b.append(", ");
          }
          b.append(item.asText());
        }
        out.put(prefix, cut(b.toString()));
      } else {
        for (int i = 0; i < node.size(); i++) {
          flatten(prefix + "." + i, node.get(i), out);
        }
      }
    } else if (!node.isNull()) {
      out.put(prefix, cut(node.asText()));
    }
  }

  private static boolean allScalar(JsonNode array) {
    for (JsonNode item : array) {
      if (item.isContainerNode()) {
        return false;
      }
    }
    return true;
  }

  private static String cut(String value) {
    return value.length() <= MAX_VALUE_CHARS ? value : value.substring(0, MAX_VALUE_CHARS) + "…";
  }

  /** All entries, sorted by key. */
  public SortedMap<String, String> entries() {
    return entries;
  }

  /**
   * The classifier kind ({@code codebook}, {@code logistic}, ...): the value of {@code classifier.kind},
   * {@code classifier_kind}, {@code classifierKind} or {@code kind}, lower-cased.
   */
  public Optional<String> classifierKind() {
    for (String key : List.of("classifier.kind", "classifier_kind", "classifierKind", "kind")) {
      String v = entries.get(key);
      if (v != null && !v.isBlank()) {
        return Optional.of(v.strip().toLowerCase(Locale.ROOT));
      }
    }
    return Optional.empty();
  }

  /**
   * A trained model's cross-validated scores as {@code classify} records them in its sidecar (the model's
   * properties), with the label shown for each.
   */
  private static final Map<String, String> CROSS_VALIDATED = Map.of(
      "classifier.properties.cv.microF1", "micro-F1, cross-validated on the training data",
      "classifier.properties.cv.macroF1", "macro-F1, cross-validated on the training data",
      "classifier.properties.polarity.cvMacroF1", "polarity macro-F1, cross-validated on the training data");

  private static boolean isAccuracy(String key) {
    return key.toLowerCase(Locale.ROOT).startsWith("accuracy") || CROSS_VALIDATED.containsKey(key);
  }

  /**
   * The accuracy figures (possibly empty): entries whose key starts with {@code accuracy}, and a trained model's
   * cross-validated scores (under a readable label, rounded to three decimals).
   */
  public SortedMap<String, String> accuracy() {
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : entries.entrySet()) {
      String label = CROSS_VALIDATED.get(e.getKey());
      if (label != null) {
        out.put(label, rounded(e.getValue()));
      } else if (isAccuracy(e.getKey())) {
        out.put(e.getKey(), Numbers.forPeople(e.getValue()));
      }
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /** A number with three decimals for people; anything else as it is. */
  private static String rounded(String value) {
    try {
      return Numbers.fixed(Double.parseDouble(value.strip()), Numbers.FIGURE);
    } catch (NumberFormatException e) {
      return value;
    }
  }

  /** The entries that are not accuracy figures. */
  public SortedMap<String, String> details() {
    SortedMap<String, String> out = new TreeMap<>(entries);
    out.keySet().removeIf(ReportMeta::isAccuracy);
    return Collections.unmodifiableSortedMap(out);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReportMeta m && m.entries.equals(entries);
  }

  @Override
  public int hashCode() {
    return entries.hashCode();
  }

  @Override
  public String toString() {
    return "ReportMeta" + entries;
  }
}
