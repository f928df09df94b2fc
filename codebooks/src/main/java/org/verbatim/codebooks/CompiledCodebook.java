package org.verbatim.codebooks;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import org.verbatim.Polarity;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookException;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.CuePattern;
import org.verbatim.codebook.Example;
import org.verbatim.codebook.Source;
import org.verbatim.codebook.Theme;

/**
 * The bundled codebooks in a precompiled binary form, written at build time from their YAML (after
 * {@link CodebookLoader} has validated it) and read back without SnakeYAML, so that a command-line run does not
 * pay for parsing and validating 80 KB of YAML at every start (about 0.2 CPU s on a cold JVM; see
 * {@code benchmarks/README.md}, "Start-up").
 *
 * <p>The file holds the length and CRC-32 of the YAML it was made from; {@link #read} returns empty when they
 * differ from the YAML beside it (a stale file, e.g. after editing the YAML in an IDE without a Maven build), or
 * when the file is missing or of another format version, and {@link DefaultCodebooks} then parses the YAML.
 *
 * <p>Format (big-endian, {@link DataOutputStream}): the magic {@code VBCB}, the format version (int), the YAML's
 * length in bytes (int) and CRC-32 (long), then the codebook: strings as an int length and UTF-8 bytes, lists as
 * an int count and their items, enum values by name, an absent polarity as the empty string, weights as doubles.
 *
 * <p>Build-time generator: {@code java -cp ... org.verbatim.codebooks.CompiledCodebook YAML_FILE OUTPUT_FILE}
 * (run by the codebooks module's {@code process-classes} phase). Stateless and thread-safe.
 */
final class CompiledCodebook {

  /** File name suffix of a compiled codebook, beside its YAML: {@code social-care.yaml} gives {@code social-care.vcb}. */
  static final String SUFFIX = ".vcb";

  private static final int MAGIC = 0x56424342; // "VBCB"
  private static final int VERSION = 2; // 2: the codebook's ignore patterns after the themes

  private CompiledCodebook() {}

  /** The class-path location of the compiled form of a YAML resource ({@code .yaml} replaced by {@value #SUFFIX}). */
  static String resourceFor(String yamlResource) {
    String base = yamlResource.endsWith(".yaml") ? yamlResource.substring(0, yamlResource.length() - 5) : yamlResource;
    return base + SUFFIX;
  }

  /** CRC-32 of the YAML bytes, as stored in the header. */
  static long crc(byte[] yaml) {
    CRC32 crc = new CRC32();
    crc.update(yaml, 0, yaml.length);
    return crc.getValue();
  }

  /**
   * Writes the compiled form of {@code codebook}, recording the YAML bytes it was loaded from.
   *
   * @throws IOException if the stream fails
   */
  static void write(Codebook codebook, byte[] yaml, OutputStream out) throws IOException {
    DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out));
    d.writeInt(MAGIC);
    d.writeInt(VERSION);
    d.writeInt(yaml.length);
    d.writeLong(crc(yaml));
    str(d, codebook.id());
    str(d, codebook.name());
    str(d, codebook.version());
    str(d, codebook.language());
    str(d, codebook.description());
    d.writeInt(codebook.sources().size());
    for (Source s : codebook.sources()) {
      str(d, s.id());
      str(d, s.citation());
    }
    d.writeInt(codebook.themes().size());
    for (Theme t : codebook.themes()) {
      str(d, t.id());
      str(d, t.name());
      str(d, t.definition());
      strings(d, t.includes());
      strings(d, t.excludes());
      strings(d, t.sources());
      d.writeInt(t.cues().size());
      for (Cue c : t.cues()) {
        pattern(d, c.pattern());
        str(d, c.polarity() == null ? "" : c.polarity().name());
        d.writeDouble(c.weight());
      }
      d.writeInt(t.examples().size());
      for (Example e : t.examples()) {
        str(d, e.text());
        str(d, e.polarity().name());
      }
    }
    d.writeInt(codebook.ignore().size());
    for (CuePattern p : codebook.ignore()) {
      pattern(d, p);
    }
    d.flush();
  }

  private static void pattern(DataOutputStream d, CuePattern p) throws IOException {
    str(d, p.source());
    d.writeInt(p.elements().size());
    for (CuePattern.Element e : p.elements()) {
      str(d, e.kind().name());
      str(d, e.value());
    }
  }

  private static CuePattern pattern(DataInputStream d, byte[] buf) throws IOException {
    String source = str(d, buf);
    int nElements = count(d);
    List<CuePattern.Element> elements = new ArrayList<>(nElements);
    for (int e = 0; e < nElements; e++) {
      elements.add(new CuePattern.Element(CuePattern.Kind.valueOf(str(d, buf)), str(d, buf)));
    }
    return new CuePattern(source, elements);
  }

  /**
   * Reads a compiled codebook made from exactly these YAML bytes.
   *
   * @param in the compiled file (not closed)
   * @param yaml the YAML bytes it must have been made from
   * @return the codebook, or empty when the file is of another format version or was made from other YAML
   * @throws IOException if the stream fails or the file is truncated or corrupt
   */
  static Optional<Codebook> read(InputStream in, byte[] yaml) throws IOException {
    DataInputStream d = new DataInputStream(in);
    if (d.readInt() != MAGIC || d.readInt() != VERSION || d.readInt() != yaml.length || d.readLong() != crc(yaml)) {
      return Optional.empty();
    }
    byte[] buf = new byte[256];
    String id = str(d, buf);
    String name = str(d, buf);
    String version = str(d, buf);
    String language = str(d, buf);
    String description = str(d, buf);
    int nSources = count(d);
    List<Source> sources = new ArrayList<>(nSources);
    for (int i = 0; i < nSources; i++) {
      sources.add(new Source(str(d, buf), str(d, buf)));
    }
    int nThemes = count(d);
    List<Theme> themes = new ArrayList<>(nThemes);
    for (int i = 0; i < nThemes; i++) {
      String themeId = str(d, buf);
      String themeName = str(d, buf);
      String definition = str(d, buf);
      List<String> includes = strings(d, buf);
      List<String> excludes = strings(d, buf);
      List<String> cited = strings(d, buf);
      int nCues = count(d);
      List<Cue> cues = new ArrayList<>(nCues);
      for (int c = 0; c < nCues; c++) {
        CuePattern pattern = pattern(d, buf);
        String polarity = str(d, buf);
        double weight = d.readDouble();
        cues.add(new Cue(pattern, polarity.isEmpty() ? null : Polarity.valueOf(polarity), weight));
      }
      int nExamples = count(d);
      List<Example> examples = new ArrayList<>(nExamples);
      for (int e = 0; e < nExamples; e++) {
        examples.add(new Example(str(d, buf), Polarity.valueOf(str(d, buf))));
      }
      themes.add(new Theme(themeId, themeName, definition, includes, excludes, cues, examples, cited));
    }
    int nIgnore = count(d);
    List<CuePattern> ignore = new ArrayList<>(nIgnore);
    for (int i = 0; i < nIgnore; i++) {
      ignore.add(pattern(d, buf));
    }
    if (d.read() != -1) {
      throw new IOException("compiled codebook: unexpected bytes after the ignore patterns");
    }
    return Optional.of(new Codebook(id, name, version, language, description, themes, sources, ignore));
  }

  private static void str(DataOutputStream d, String s) throws IOException {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    d.writeInt(b.length);
    d.write(b);
  }

  private static void strings(DataOutputStream d, List<String> list) throws IOException {
    d.writeInt(list.size());
    for (String s : list) {
      str(d, s);
    }
  }

  private static int count(DataInputStream d) throws IOException {
    int n = d.readInt();
    if (n < 0 || n > CodebookLoader.MAX_CHARS) {
      throw new IOException("compiled codebook: corrupt count " + n);
    }
    return n;
  }

  private static String str(DataInputStream d, byte[] buf) throws IOException {
    int n = count(d);
    byte[] b = n <= buf.length ? buf : new byte[n];
    d.readFully(b, 0, n);
    return new String(b, 0, n, StandardCharsets.UTF_8);
  }

  private static List<String> strings(DataInputStream d, byte[] buf) throws IOException {
    int n = count(d);
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(str(d, buf));
    }
    return out;
  }

  /**
   * Build-time generator: {@code YAML_FILE OUTPUT_FILE}. Loads and validates the YAML with {@link CodebookLoader}
   * (a problem fails the build with the loader's message), writes the compiled form to a temporary file, reads it
   * back, checks that it equals the loaded codebook, and moves it into place.
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 2) {
      System.err.println("usage: CompiledCodebook YAML_FILE OUTPUT_FILE");
      System.exit(2);
    }
    Path yamlFile = Path.of(args[0]);
    Path output = Path.of(args[1]);
    byte[] yaml = Files.readAllBytes(yamlFile);
    Codebook codebook;
    try {
      codebook = CodebookLoader.load(yamlFile);
    } catch (CodebookException e) {
      System.err.println(e.getMessage());
      System.exit(1);
      return;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(codebook, yaml, bytes);
    Optional<Codebook> back = read(new java.io.ByteArrayInputStream(bytes.toByteArray()), yaml);
    if (back.isEmpty() || !back.get().equals(codebook)) {
      throw new IllegalStateException("compiled codebook does not read back equal to " + yamlFile);
    }
    Path target = output.toAbsolutePath();
    Files.createDirectories(target.getParent());
    Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
    Files.write(tmp, bytes.toByteArray());
    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
