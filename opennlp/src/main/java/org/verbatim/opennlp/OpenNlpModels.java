package org.verbatim.opennlp;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import opennlp.tools.lemmatizer.LemmatizerME;
import opennlp.tools.lemmatizer.LemmatizerModel;
import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTagFormat;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;

/**
 * The English OpenNLP models (Universal Dependencies English Web Treebank, OpenNLP models 1.3.0), loaded once from
 * the class path of the {@code org.apache.opennlp:opennlp-models-*-en} jars and shared.
 *
 * <p>Models are immutable and shared by all threads; the {@code *ME} classes that use them keep per-call state and
 * are not thread-safe, so each thread gets its own instances through {@link ThreadLocal}s. Models load lazily on
 * first use (or on {@link #load()}), exactly once even under contention.
 */
final class OpenNlpModels {

  static final String SENTENCE_RESOURCE = "opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";
  static final String TOKENIZER_RESOURCE = "opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin";
  static final String POS_RESOURCE = "opennlp-en-ud-ewt-pos-1.3-2.5.4.bin";
  static final String LEMMATIZER_RESOURCE = "opennlp-en-ud-ewt-lemmas-1.3-2.5.4.bin";

  private static final Object LOCK = new Object();
  private static volatile Models models;

  private static final ThreadLocal<SentenceDetectorME> SENTENCE_DETECTOR =
      ThreadLocal.withInitial(() -> new SentenceDetectorME(load().sentence));
  private static final ThreadLocal<TokenizerME> TOKENIZER = ThreadLocal.withInitial(() -> new TokenizerME(load().tokenizer));
  private static final ThreadLocal<POSTaggerME> TAGGER =
      ThreadLocal.withInitial(() -> new POSTaggerME(load().pos, POSTagFormat.UD));
  private static final ThreadLocal<LemmatizerME> LEMMATIZER = ThreadLocal.withInitial(() -> new LemmatizerME(load().lemmatizer));

  private OpenNlpModels() {}

  private record Models(SentenceModel sentence, TokenizerModel tokenizer, POSModel pos, LemmatizerModel lemmatizer) {}

  /**
   * Loads the four models if they are not loaded yet.
   *
   * @throws IllegalStateException if a model jar is missing from the class path
   * @throws UncheckedIOException if a model cannot be read
   */
  static void ensureLoaded() {
    load();
  }

  private static Models load() {
    Models m = models;
    if (m == null) {
      synchronized (LOCK) {
        m = models;
        if (m == null) {
          m = new Models(
              read(SENTENCE_RESOURCE, SentenceModel::new),
              read(TOKENIZER_RESOURCE, TokenizerModel::new),
              read(POS_RESOURCE, POSModel::new),
              read(LEMMATIZER_RESOURCE, LemmatizerModel::new));
          models = m;
        }
      }
    }
    return m;
  }

  /** This thread's sentence detector. */
  static SentenceDetectorME sentenceDetector() {
    return SENTENCE_DETECTOR.get();
  }

  /** This thread's maxent tokenizer. */
  static TokenizerME tokenizer() {
    return TOKENIZER.get();
  }

  /** This thread's POS tagger (Universal Dependencies tags, the tag set the model was trained on). */
  static POSTaggerME tagger() {
    return TAGGER.get();
  }

  /** This thread's lemmatizer. */
  static LemmatizerME lemmatizer() {
    return LEMMATIZER.get();
  }

  private interface Reader<T> {
    T read(InputStream in) throws IOException;
  }

  private static <T> T read(String resource, Reader<T> reader) {
    InputStream raw = OpenNlpModels.class.getClassLoader().getResourceAsStream(resource);
    if (raw == null) {
      throw new IllegalStateException("OpenNLP model '" + resource + "' is not on the class path;"
          + " add the matching org.apache.opennlp:opennlp-models-*-en jar");
    }
    try (InputStream in = new BufferedInputStream(raw)) {
      return reader.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read OpenNLP model '" + resource + "'", e);
    }
  }
}
