package org.verbatim.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The classifiers a service offers, by name; the first is the default, used when a request names none.
 *
 * <pre>{@code
 * ClassifierSet set = ClassifierSet.of(List.of(new ServedClassifier("social-care", c, "bundled")));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
public final class ClassifierSet {

  private final Map<String, ServedClassifier> byName;
  private final ServedClassifier first;

  private ClassifierSet(Map<String, ServedClassifier> byName) {
    this.byName = byName;
    this.first = byName.values().iterator().next();
  }

  /**
   * The set of the given classifiers, in order.
   *
   * @throws NullPointerException if {@code classifiers} or an element is null
   * @throws IllegalArgumentException if it is empty or two have the same name
   */
  public static ClassifierSet of(List<ServedClassifier> classifiers) {
    Objects.requireNonNull(classifiers, "classifiers");
    if (classifiers.isEmpty()) {
      throw new IllegalArgumentException("at least one classifier is needed");
    }
    Map<String, ServedClassifier> map = new LinkedHashMap<>();
    for (ServedClassifier c : classifiers) {
      Objects.requireNonNull(c, "classifier");
      if (map.putIfAbsent(c.name(), c) != null) {
        throw new IllegalArgumentException("two classifiers are named '" + c.name() + "'");
      }
    }
    return new ClassifierSet(map);
  }

  /** The default classifier: the first. */
  public ServedClassifier defaultClassifier() {
    return first;
  }

  /** The classifier of that name, if there is one. */
  public Optional<ServedClassifier> get(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** Every classifier, in order. */
  public List<ServedClassifier> all() {
    return List.copyOf(new ArrayList<>(byName.values()));
  }

  /** The names, in order. */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
