package org.verbatim.codebooks;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.verbatim.classify.WordLayer;
import org.verbatim.model.ModelFormatException;

/**
 * The bundled learned layer in its binary form ({@link WordLayer#writeBinary}), written at build time from the text
 * file and read back without parsing its 170,000 weights as text: a cold JVM spent about 0.2 CPU s on the text form
 * of the layer with pairs of words (benchmarks/README.md, "Start-up").
 *
 * <p>The file starts with the magic {@code VBLC}, a version and the byte length of the text file it was made from;
 * {@link #read} returns empty when the length differs from the text file beside it (a stale file, e.g. after the text
 * was replaced in an IDE without a Maven build) or the file is missing or of another version, and
 * {@link DefaultCodebooks} then reads the text.
 *
 * <p>Build-time generator: {@code java -cp ... org.verbatim.codebooks.CompiledLayer TEXT_FILE OUTPUT_FILE} (run by
 * the codebooks module's {@code process-classes} phase). Stateless and thread-safe.
 */
final class CompiledLayer {

  /** File name suffix of a compiled layer, beside its text: {@code social-care-layer.tsv} gives {@code .vlc}. */
  static final String SUFFIX = ".vlc";

  private static final int MAGIC = 0x56424C43; // "VBLC"
  private static final int VERSION = 1;

  private CompiledLayer() {}

  /** The class-path location of the compiled form of a text layer resource ({@code .tsv} replaced). */
  static String resourceFor(String textResource) {
    String base = textResource.endsWith(".tsv") ? textResource.substring(0, textResource.length() - 4) : textResource;
    return base + SUFFIX;
  }

  /** Writes the compiled form of {@code layer}, made from a text file of {@code textLength} bytes. */
  static void write(WordLayer layer, long textLength, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeLong(textLength);
    d.flush();
    layer.writeBinary(d);
    d.flush();
  }

  /**
   * Reads the compiled form of the text layer at {@code textResource}, when it is there and was made from a text file
   * of the resource's length.
   *
   * @throws IOException if reading fails
   * @throws ModelFormatException if the compiled file is corrupt
   */
  static Optional<WordLayer> read(String textResource) throws IOException, ModelFormatException {
    URL text = CompiledLayer.class.getResource(textResource);
    if (text == null) {
      return Optional.empty();
    }
    long textLength = text.openConnection().getContentLengthLong();
    try (InputStream in = CompiledLayer.class.getResourceAsStream(resourceFor(textResource))) {
      return in == null ? Optional.empty() : read(in, textLength, resourceFor(textResource));
    }
  }

  /** Reads a compiled layer made from a text file of {@code textLength} bytes; empty when made from another. */
  static Optional<WordLayer> read(InputStream in, long textLength, String source)
      throws IOException, ModelFormatException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC || d.readInt() != VERSION || d.readLong() != textLength || textLength < 0) {
      return Optional.empty();
    }
    return Optional.of(WordLayer.readBinary(d, source));
  }

  /** Build-time generator: {@code CompiledLayer TEXT_FILE OUTPUT_FILE}. */
  public static void main(String[] args) throws Exception {
    if (args.length != 2) {
      System.err.println("usage: CompiledLayer TEXT_FILE OUTPUT_FILE");
      System.exit(2);
    }
    Path textFile = Path.of(args[0]);
    WordLayer layer;
    try (var r = new InputStreamReader(Files.newInputStream(textFile), StandardCharsets.UTF_8)) {
      layer = WordLayer.read(r, textFile.toString());
    }
    Path out = Path.of(args[1]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      write(layer, Files.size(textFile), o);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
