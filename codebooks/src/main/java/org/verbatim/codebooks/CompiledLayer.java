package org.verbatim.codebooks;

import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.net.URLConnection;
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
 * <p>The file starts with the magic {@code VBLC}, a version and the byte length and CRC-32 of the text file it was
 * made from; {@link #read} returns empty when they differ from the text file beside it (a stale file, e.g. after the
 * text was replaced in an IDE without a Maven build) or the file is missing or of another version, and
 * {@link DefaultCodebooks} then reads the text. From a jar the text's CRC-32 is the one its zip entry records, so the
 * check does not read the text; from a directory the text is read to compute it.
 *
 * <p>Build-time generator: {@code java -cp ... org.verbatim.codebooks.CompiledLayer TEXT_FILE OUTPUT_FILE} (run by
 * the codebooks module's {@code process-classes} phase). Stateless and thread-safe.
 */
final class CompiledLayer {

  /** File name suffix of a compiled layer, beside its text: {@code social-care-layer.tsv} gives {@code .vlc}. */
  static final String SUFFIX = ".vlc";

  private static final int MAGIC = 0x56424C43; // "VBLC"
  private static final int VERSION = 2; // 2: the CRC-32 of the text

  private CompiledLayer() {}

  /** The class-path location of the compiled form of a text layer resource ({@code .tsv} replaced). */
  static String resourceFor(String textResource) {
    String base = textResource.endsWith(".tsv") ? textResource.substring(0, textResource.length() - 4) : textResource;
    return base + SUFFIX;
  }

  /** Writes the compiled form of {@code layer}, made from a text file of that length and CRC-32. */
  static void write(WordLayer layer, long textLength, long textCrc, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeLong(textLength);
    d.writeLong(textCrc);
    d.flush();
    layer.writeBinary(d);
    d.flush();
  }

  /**
   * Reads the compiled form of the text layer at {@code textResource}, when it is there and was made from a text file
   * of the resource's length and CRC-32.
   *
   * @throws IOException if reading fails
   * @throws ModelFormatException if the compiled file is corrupt
   */
  static Optional<WordLayer> read(String textResource) throws IOException, ModelFormatException {
    URL text = CompiledLayer.class.getResource(textResource);
    if (text == null) {
      return Optional.empty();
    }
    URLConnection c = text.openConnection();
    long textLength = c.getContentLengthLong();
    long textCrc = c instanceof JarURLConnection j ? j.getJarEntry().getCrc() : -1;
    if (textCrc < 0) {
      try (InputStream in = c.getInputStream()) {
        textCrc = CompiledCodebook.crc(in.readAllBytes());
      }
    }
    try (InputStream in = CompiledLayer.class.getResourceAsStream(resourceFor(textResource))) {
      return in == null ? Optional.empty() : read(in, textLength, textCrc, resourceFor(textResource));
    }
  }

  /** Reads a compiled layer made from a text file of that length and CRC-32; empty when made from another. */
  static Optional<WordLayer> read(InputStream in, long textLength, long textCrc, String source)
      throws IOException, ModelFormatException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC || d.readInt() != VERSION || d.readLong() != textLength || d.readLong() != textCrc
        || textLength < 0) {
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
    byte[] text = Files.readAllBytes(textFile);
    WordLayer layer = WordLayer.read(
        new InputStreamReader(new java.io.ByteArrayInputStream(text), StandardCharsets.UTF_8), textFile.toString());
    Path out = Path.of(args[1]);
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream o = Files.newOutputStream(tmp)) {
      write(layer, text.length, CompiledCodebook.crc(text), o);
    }
    Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }
}
