package org.verbatim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How a classifier was made: its kind, name, version, themes and provenance properties
 * (for a trained model: data hash, seed, options, cross-validated scores).
 *
 * <pre>{@code
 * ModelInfo info = classifier.info();
 * info.kind();                        // "codebook" or "logistic"
 * info.properties().get("seed");      // "42"
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param kind the classifier kind, e.g. {@code codebook}
 * @param name a human-readable name, e.g. the codebook name
 * @param version the codebook or model version
 * @param themes theme ids the classifier can assign, in codebook order
 * @param properties provenance, sorted by key
 */
public record ModelInfo(String kind, String name, String version, List<String> themes, Map<String, String> properties) {

  public ModelInfo {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    themes = List.copyOf(themes);
    properties = java.util.Collections.unmodifiableMap(new TreeMap<>(properties));
  }
}
