package org.verbatim.model;

/**
 * Constants of the Verbatim model file format (documented in {@code docs/model-format.md}).
 *
 * <p>A model is a zip holding {@value #MANIFEST} plus plain data entries; no Java serialization anywhere.
 */
public final class ModelFormat {

  /** The value of the manifest's {@code format} field. */
  public static final String FORMAT_NAME = "verbatim-model";

  /**
   * The newest format version this library reads and writes. Version 2 adds the optional {@value #POLARITY}
   * entry; version 3 seals the manifest with its own SHA-256 ({@code manifestSha256}), declares every entry's size
   * ({@code entrySizes}, and reading an entry stops there) and whether the model needs a codebook
   * ({@code model.needsCodebook}). Models are written as version 3; versions 1 and 2 are still read.
   */
  public static final int FORMAT_VERSION = 3;

  /** The first version whose manifest is sealed and declares its entries' sizes. */
  public static final int SEALED_VERSION = 3;

  /** The first version with the optional {@value #POLARITY} entry. */
  public static final int POLARITY_VERSION = 2;

  /** The manifest entry. */
  public static final String MANIFEST = "manifest.json";

  /** Vocabulary entry: one feature key and its idf per line. */
  public static final String VOCABULARY = "vocabulary.txt";

  /** Weights entry: little-endian float32, feature-major. */
  public static final String WEIGHTS = "weights.bin";

  /** Labels, bias, thresholds and active flags, as JSON. */
  public static final String THRESHOLDS = "thresholds.json";

  /** Optional learned polarity model (text, see {@code PolarityModelFormat} and docs/polarity.md), from format version 2. */
  public static final String POLARITY = "polarity.txt";

  static final long MAX_MANIFEST = 4L << 20;
  static final long MAX_VOCABULARY = 256L << 20;
  static final long MAX_WEIGHTS = 1L << 30;
  static final long MAX_THRESHOLDS = 16L << 20;
  static final long MAX_POLARITY = 256L << 20;

  private ModelFormat() {}
}
