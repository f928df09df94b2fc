package org.verbatim;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The themes assigned to one comment, highest score first (ties broken by theme id).
 *
 * <pre>{@code
 * Classification c = classifier.classify("Kind but useless.");
 * for (ThemeTag t : c.tags()) System.out.println(t.themeId() + " " + t.polarity());
 * c.themeIds();           // e.g. [empathy, competence]
 * c.tag("empathy");       // Optional[ThemeTag[...]]
 * }</pre>
 *
 * <p>Immutable and thread-safe. A comment with no theme ("n/a") has an empty tag list.
 *
 * @param tags at most one tag per theme id
 */
public record Classification(List<ThemeTag> tags) {

  private static final Comparator<ThemeTag> ORDER =
      Comparator.comparingDouble(ThemeTag::score).reversed().thenComparing(ThemeTag::themeId);

  /** A classification with no themes. */
  public static final Classification EMPTY = new Classification(List.of());

  /** @throws IllegalArgumentException if two tags share a theme id */
  public Classification {
    Objects.requireNonNull(tags, "tags");
    ThemeTag[] a = tags.toArray(new ThemeTag[0]);
    java.util.Arrays.sort(a, ORDER);
    for (int i = 0; i < a.length; i++) {
      for (int j = i + 1; j < a.length; j++) {
        if (a[i].themeId().equals(a[j].themeId())) {
          throw new IllegalArgumentException("duplicate theme id in classification: " + a[i].themeId());
        }
      }
    }
    tags = List.of(a);
  }

  /** The theme ids, highest score first. */
  public List<String> themeIds() {
    return tags.stream().map(ThemeTag::themeId).toList();
  }

  /** The tag for a theme, if present. */
  public Optional<ThemeTag> tag(String themeId) {
    Objects.requireNonNull(themeId, "themeId");
    return tags.stream().filter(t -> t.themeId().equals(themeId)).findFirst();
  }

  /** True when no theme was found. */
  public boolean isEmpty() {
    return tags.isEmpty();
  }
}
