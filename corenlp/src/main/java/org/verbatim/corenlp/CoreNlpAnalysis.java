package org.verbatim.corenlp;

import java.util.List;
import java.util.Objects;
import org.verbatim.text.AnalyzedText;

/**
 * What {@link CoreNlpPipeline#analyzeWithSentiment(String)} returns: the analysis every {@link
 * org.verbatim.text.TextPipeline} gives, plus CoreNLP's sentence sentiment.
 *
 * <pre>{@code
 * CoreNlpAnalysis a = pipeline.analyzeWithSentiment("Lovely staff. The wait was awful.");
 * a.text().tokens();      // as pipeline.analyze(...) would give
 * a.sentiments();         // one entry per sentence that has a sentiment
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the analysis
 * @param sentiments the sentiment of each sentence, in sentence order; empty when the pipeline was built without
 *     {@link CoreNlpPipeline.Options#sentiment()}, and without an entry for a sentence CoreNLP could not parse
 *     (see {@link CoreNlpPipeline})
 */
public record CoreNlpAnalysis(AnalyzedText text, List<SentenceSentiment> sentiments) {

  /** @throws NullPointerException if an argument is null */
  public CoreNlpAnalysis {
    Objects.requireNonNull(text, "text");
    sentiments = List.copyOf(sentiments);
  }

  /** The sentiment of sentence {@code index}, or null when it has none. */
  public SentenceSentiment sentimentOf(int index) {
    for (SentenceSentiment s : sentiments) {
      if (s.sentence() == index) {
        return s;
      }
    }
    return null;
  }
}
