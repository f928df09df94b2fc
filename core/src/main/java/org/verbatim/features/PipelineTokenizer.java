package org.verbatim.features;

import java.util.Objects;
import org.verbatim.text.AnalyzedText;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.Token;

/**
 * Feature tokens from a {@link TextPipeline}: each token's {@link Token#norm()} and {@link Token#negated()},
 * skipping tokens without a letter or digit (punctuation). Slower than {@link SimpleTokenizer} (it builds
 * the full {@link AnalyzedText}) but shares the codebook classifier's tokenisation, contraction and negation
 * rules exactly.
 *
 * <pre>{@code
 * FeatureTokenizer tok = PipelineTokenizer.fast();   // RulePipeline (FAST profile)
 * ThemeOptions opts = ThemeOptions.builder().tokenizer(tok).build();
 * }</pre>
 *
 * <p>Immutable and thread-safe (the pipeline is).
 */
public final class PipelineTokenizer implements FeatureTokenizer {

  /** The id of {@link #fast()} stored in model files. */
  public static final String FAST_ID = "opennlp-fast-v1";

  private final TextPipeline pipeline;
  private final String id;

  private PipelineTokenizer(TextPipeline pipeline, String id) {
    this.pipeline = Objects.requireNonNull(pipeline, "pipeline");
    this.id = Objects.requireNonNull(id, "id");
  }

  /** The tokenizer over {@code RulePipeline.create()}. */
  public static PipelineTokenizer fast() {
    return new PipelineTokenizer(RulePipeline.create(), FAST_ID);
  }

  @Override
  public boolean marksNegation() {
    return true;
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public void tokenize(String text, TokenBuffer out) {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(out, "out");
    out.clear();
    AnalyzedText a = pipeline.analyze(text);
    for (Token t : a.tokens()) {
      String norm = t.norm();
      if (!hasWordChar(norm)) {
        continue;
      }
      out.add(norm, t.start(), t.end(), t.negated() && !t.negator());
    }
  }

  private static boolean hasWordChar(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (SimpleTokenizer.isWord(cp)) {
        return true;
      }
      i += Character.charCount(cp);
    }
    return false;
  }
}
