package org.verbatim.opennlp;

import java.util.Objects;
import org.verbatim.text.Analysis;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.Profile;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.TextPipelines;
import org.verbatim.text.Vocabulary;

/**
 * The {@link Profile#FULL} pipeline on Apache OpenNLP: OpenNLP's maxent sentence detector, tokenizer, POS tagger and
 * lemmatizer with the English UD EWT models ({@code opennlp-models-*-en} 1.3.0), then the same rules as
 * {@link RulePipeline} (norms, contractions, contrast markers, clauses, negation scope). POS tags are Universal
 * Dependencies UPOS tags ({@code NOUN}, {@code VERB}, {@code AUX}, {@code PART}, ...), the tag set the model was
 * trained on; lemmas are lower case, and where the lemmatizer has none the lower-cased token is used. Needed for
 * codebooks with {@code lemma:} cue patterns; about a hundred times slower than {@link RulePipeline}.
 *
 * <pre>{@code
 * TextPipeline full = OpenNlpPipeline.create();      // or TextPipelines.full()
 * full.analyze("The nurses listened to me.").tokens().get(2).lemma();   // "listen"
 * }</pre>
 *
 * <p>The one instance is immutable and thread-safe. The OpenNLP models are loaded once, when the pipeline is
 * created, and shared; the OpenNLP {@code *ME} classes are not thread-safe, so each thread uses its own through
 * {@link ThreadLocal}s (a thread that analysed keeps four small objects referencing the shared models).
 * {@link #analyze(String)} never throws for any non-null string. Do not call {@code
 * opennlp.tools.tokenize.SimpleTokenizer.INSTANCE.setKeepNewLines(true)} elsewhere: it is a global switch.
 */
public final class OpenNlpPipeline implements TextPipeline {

  private static volatile OpenNlpPipeline instance;

  /** Per-thread working storage of {@link #analyze(String)}. */
  private static final ThreadLocal<Analysis> SCRATCH = ThreadLocal.withInitial(Analysis::new);

  private OpenNlpPipeline() {}

  /**
   * The pipeline, created once and shared; the OpenNLP models are loaded here, so a missing model fails now
   * rather than on the first comment.
   *
   * @throws IllegalStateException if a model jar is not on the class path
   * @throws java.io.UncheckedIOException if a model cannot be read
   */
  public static OpenNlpPipeline create() {
    OpenNlpPipeline p = instance;
    if (p == null) {
      synchronized (OpenNlpPipeline.class) {
        p = instance;
        if (p == null) {
          OpenNlpModels.ensureLoaded();
          p = new OpenNlpPipeline();
          instance = p;
        }
      }
    }
    return p;
  }

  @Override
  public AnalyzedText analyze(String text) {
    Objects.requireNonNull(text, "text");
    Analysis a = SCRATCH.get();
    analyze(text, Vocabulary.base(), a);
    return a.toAnalyzedText();
  }

  @Override
  public void analyze(String text, Vocabulary vocabulary, Analysis into) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(vocabulary, "vocabulary");
    Objects.requireNonNull(into, "into").annotate(text, MaxentSegmenter.segment(text, true), Profile.FULL, vocabulary);
  }

  @Override
  public Profile profile() {
    return Profile.FULL;
  }

  @Override
  public String id() {
    return TextPipelines.OPENNLP_FULL;
  }

  @Override
  public String toString() {
    return "OpenNlpPipeline[FULL]";
  }
}
