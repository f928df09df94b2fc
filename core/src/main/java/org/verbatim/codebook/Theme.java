package org.verbatim.codebook;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A theme of a codebook: id, name, definition, what it includes and excludes, its cues, examples and sources.
 *
 * <p>Immutable and thread-safe. Validation of cross-references (source ids) is done by {@link Codebook}.
 *
 * @param id stable identifier, lower case letters, digits, {@code _} and {@code -}, e.g. {@code listening}
 * @param name human-readable name
 * @param definition what the theme means
 * @param includes what counts
 * @param excludes what does not count
 * @param cues patterns that signal the theme
 * @param examples example comments
 * @param sources ids of {@link Source}s of the codebook
 */
public record Theme(
    String id,
    String name,
    String definition,
    List<String> includes,
    List<String> excludes,
    List<Cue> cues,
    List<Example> examples,
    List<String> sources) {

  /** The form theme ids must have. */
  public static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

  public Theme {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    if (!ID.matcher(id).matches()) {
      throw new IllegalArgumentException("theme id must match " + ID.pattern() + ": '" + id + "'");
    }
    includes = List.copyOf(includes);
    excludes = List.copyOf(excludes);
    cues = List.copyOf(cues);
    examples = List.copyOf(examples);
    sources = List.copyOf(sources);
  }
}
