package org.verbatim.service;

import java.util.Objects;
import java.util.regex.Pattern;
import org.verbatim.ThemeClassifier;

/**
 * A classifier the service offers under a name, with where it came from.
 *
 * <pre>{@code
 * new ServedClassifier("social-care", classifier, "bundled codebook");
 * }</pre>
 *
 * <p>Immutable and thread-safe (the classifier must be thread-safe, as every {@link ThemeClassifier} is).
 *
 * @param name what requests name it by: letters, digits, {@code .}, {@code _} and {@code -}, 1 to 64 of them
 * @param classifier the classifier
 * @param source where it was loaded from, e.g. a file name or {@code bundled}; shown by {@code GET
 *     /v1/classifiers}
 */
public record ServedClassifier(String name, ThemeClassifier classifier, String source) {

  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");

  /**
   * @throws NullPointerException if an argument is null
   * @throws IllegalArgumentException if {@code name} is not a valid name
   */
  public ServedClassifier {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(source, "source");
    checkName(name);
  }

  /**
   * Checks a classifier name.
   *
   * @return the name
   * @throws IllegalArgumentException if it is not 1 to 64 letters, digits, {@code .}, {@code _} or {@code -}
   */
  public static String checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException(
          "a classifier name must be 1 to 64 letters, digits, '.', '_' or '-': '" + name + "'");
    }
    return name;
  }
}
