package org.verbatim.codebook;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A list of themes with their definitions and cues, used by the zero-shot classifier and as extra knowledge by
 * trained models. Usually loaded from a YAML file with {@link CodebookLoader}.
 *
 * <pre>{@code
 * Codebook cb = CodebookLoader.load(Path.of("my-codebook.yaml"));
 * cb.theme("listening").orElseThrow().definition();
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param id stable identifier of the codebook, e.g. {@code social-care}
 * @param name human-readable name
 * @param version the codebook's own version
 * @param language ISO 639-1 code of the language its cues are written in, e.g. {@code en}
 * @param description what the codebook is for
 * @param themes the themes, in display order, with unique ids
 * @param sources the cited sources, with unique ids
 * @param ignore patterns that are never cues: a cue match inside one of them does not count ("to be fair" keeps
 *     "fair" from signalling fairness, "we turned up" keeps "turned up" from signalling reliability)
 */
public record Codebook(
    String id, String name, String version, String language, String description, List<Theme> themes, List<Source> sources,
    List<CuePattern> ignore) {

  /**
   * @throws IllegalArgumentException on duplicate theme or source ids, no themes, or a theme that cites an
   *     unknown source
   */
  public Codebook {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(version, "version");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(description, "description");
    themes = List.copyOf(themes);
    sources = List.copyOf(sources);
    ignore = List.copyOf(ignore);
    if (themes.isEmpty()) {
      throw new IllegalArgumentException("codebook '" + id + "' has no themes");
    }
    Set<String> seen = new HashSet<>();
    for (Theme t : themes) {
      if (!seen.add(t.id())) {
        throw new IllegalArgumentException("duplicate theme id '" + t.id() + "' in codebook '" + id + "'");
      }
    }
    Set<String> sourceIds = new HashSet<>();
    for (Source s : sources) {
      if (!sourceIds.add(s.id())) {
        throw new IllegalArgumentException("duplicate source id '" + s.id() + "' in codebook '" + id + "'");
      }
    }
    for (Theme t : themes) {
      for (String s : t.sources()) {
        if (!sourceIds.contains(s)) {
          throw new IllegalArgumentException("theme '" + t.id() + "' cites unknown source '" + s + "'");
        }
      }
    }
  }

  /** A codebook without ignore patterns. */
  public Codebook(
      String id, String name, String version, String language, String description, List<Theme> themes, List<Source> sources) {
    this(id, name, version, language, description, themes, sources, List.of());
  }

  /** The theme with this id, if any. */
  public Optional<Theme> theme(String themeId) {
    return themes.stream().filter(t -> t.id().equals(themeId)).findFirst();
  }

  /** Theme ids in codebook order. */
  public List<String> themeIds() {
    return themes.stream().map(Theme::id).toList();
  }

  /** True when some cue matches on lemmas, so classification needs the {@code FULL} pipeline profile. */
  public boolean needsLemmas() {
    return themes.stream().flatMap(t -> t.cues().stream()).anyMatch(c -> c.pattern().needsLemmas())
        || ignore.stream().anyMatch(CuePattern::needsLemmas);
  }

  /** Themes by id, in codebook order. */
  public Map<String, Theme> byId() {
    Map<String, Theme> m = new LinkedHashMap<>();
    themes.forEach(t -> m.put(t.id(), t));
    return m;
  }
}
