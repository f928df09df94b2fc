package org.verbatim.text;

import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds text pipelines by id: {@value RulePipeline#ID} is the built-in {@link RulePipeline}; other ids come from
 * the {@link TextPipelineProvider}s on the class path (the {@code verbatim-opennlp} module gives
 * {@value #OPENNLP_FULL}). A model file records its pipeline's {@link TextPipeline#id() id}; the loader maps it
 * back here, never to a class named in the file.
 *
 * <pre>{@code
 * TextPipeline fast = TextPipelines.byId("opennlp-fast").orElseThrow();
 * TextPipeline full = TextPipelines.full();   // needs verbatim-opennlp
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class TextPipelines {

  /** The id of the OpenNLP pipeline with POS tags and lemmas ({@link Profile#FULL}). */
  public static final String OPENNLP_FULL = "opennlp-full";

  private TextPipelines() {}

  /** The pipeline recorded under {@code id}, if this library or a provider on the class path can create it. */
  public static Optional<TextPipeline> byId(String id) {
    Objects.requireNonNull(id, "id");
    if (id.equals(RulePipeline.ID)) {
      return Optional.of(RulePipeline.create());
    }
    for (TextPipelineProvider p : ServiceLoader.load(TextPipelineProvider.class, TextPipelines.class.getClassLoader())) {
      if (p.id().equals(id)) {
        return Optional.of(p.create());
      }
    }
    return Optional.empty();
  }

  /**
   * The {@link Profile#FULL} pipeline (POS tags and lemmas), for codebooks with lemma cues.
   *
   * @throws IllegalStateException if the {@code verbatim-opennlp} module is not on the class path
   */
  public static TextPipeline full() {
    return byId(OPENNLP_FULL).orElseThrow(() -> new IllegalStateException(
        "the FULL profile (POS tags and lemmas, needed by lemma: cue patterns) needs the verbatim-opennlp module "
            + "(org.verbatim:verbatim-opennlp) on the class path"));
  }

  /** The pipeline with this profile: {@link RulePipeline} for FAST, {@link #full()} for FULL. */
  public static TextPipeline of(Profile profile) {
    return Objects.requireNonNull(profile, "profile") == Profile.FAST ? RulePipeline.create() : full();
  }
}
