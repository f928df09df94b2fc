package org.verbatim.features;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Classification;
import org.verbatim.ModelInfo;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;

/**
 * Extra features from another classifier, typically the codebook classifier: one feature per theme,
 * {@code cue:THEME}, whose value is the number of evidence spans (cue matches) that classifier found for the
 * theme (1 for a tag without evidence, 0 when the theme is absent).
 *
 * <pre>{@code
 * ThemeClassifier codebook = CodebookClassifier.create(codebook, pipeline);
 * ThemeOptions opts = ThemeOptions.builder().extraFeatures(ClassifierFeatures.of(codebook)).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe when the wrapped classifier is (every {@link ThemeClassifier} is).
 */
public final class ClassifierFeatures implements ExtraFeatures {

  private final ThemeClassifier classifier;
  private final String id;
  private final List<String> names;
  private final Map<String, Integer> index;

  private ClassifierFeatures(ThemeClassifier classifier) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    var info = classifier.info();
    this.id = "classifier:" + info.kind() + ":" + info.name() + "@" + info.version();
    List<String> ns = new ArrayList<>();
    Map<String, Integer> idx = new HashMap<>();
    for (String t : info.themes()) {
      idx.put(t, ns.size());
      ns.add("cue:" + t);
    }
    if (ns.isEmpty()) {
      throw new IllegalArgumentException("classifier " + id + " has no themes");
    }
    this.names = List.copyOf(ns);
    this.index = Map.copyOf(idx);
  }

  /**
   * Features from {@code classifier}'s tags.
   *
   * @throws IllegalArgumentException if the classifier declares no themes
   */
  public static ClassifierFeatures of(ThemeClassifier classifier) {
    return new ClassifierFeatures(classifier);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<String> names() {
    return names;
  }

  @Override
  public void compute(String text, double[] out) {
    fill(classifier.classify(text), out);
  }

  /** The classifier whose tags are the features. */
  public ThemeClassifier classifier() {
    return classifier;
  }

  /**
   * The features of a classification that {@link #classifier()} (or a classifier with the same {@link ModelInfo})
   * gave: lets a composite that already has it avoid classifying the comment again.
   */
  public void fill(Classification c, double[] out) {
    for (ThemeTag t : c.tags()) {
      Integer i = index.get(t.themeId());
      if (i != null) {
        out[i] = Math.max(1, t.evidence().size());
      }
    }
  }
}
