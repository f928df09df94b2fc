package org.verbatim.qda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * A REFI-QDA project ({@code .qdpx}) read back: its codes, and its text sources with their coded segments. It reads
 * the layout {@link QdpxWriter} writes and the common variants of other tools (text inline in
 * {@code PlainTextContent} or in an internal file under {@code Sources/} or {@code sources/}); sources of other
 * kinds (PDF, pictures, audio, video) and texts outside the zip are skipped and counted.
 *
 * <pre>{@code
 * QdpxProject p = QdpxProject.read(Path.of("project.qdpx"));
 * for (QdpxProject.Source s : p.sources())
 *   for (QdpxProject.Segment g : s.segments())
 *     s.text().substring(g.start(), g.end());   // the coded words; offsets are Java char offsets
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param name the project's name
 * @param codes its codes, depth first
 * @param sources its text sources in file order
 * @param skippedSources sources that are not text, or whose text is outside the project
 */
public record QdpxProject(String name, List<QdaCode> codes, List<Source> sources, int skippedSources) {

  /** The largest {@code project.qde} and source text read, in bytes. */
  static final long MAX_ENTRY_BYTES = 512L * 1024 * 1024;

  /** @throws NullPointerException if an argument is null */
  public QdpxProject {
    Objects.requireNonNull(name, "name");
    codes = List.copyOf(codes);
    sources = List.copyOf(sources);
  }

  /**
   * A text source.
   *
   * @param guid its GUID
   * @param name its name
   * @param description its description ("" when none)
   * @param text its plain text
   * @param segments its coded segments, in file order
   * @param sourceCodes the names of the codes applied to the whole source
   */
  public record Source(String guid, String name, String description, String text, List<Segment> segments,
      List<String> sourceCodes) {
    /** @throws NullPointerException if an argument is null */
    public Source {
      Objects.requireNonNull(guid, "guid");
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(text, "text");
      segments = List.copyOf(segments);
      sourceCodes = List.copyOf(sourceCodes);
    }
  }

  /**
   * A coded segment of a text source.
   *
   * @param code the name of the code (the target GUID when the project has no such code)
   * @param start the first {@code char} of the segment in the source's text (converted from the file's code points)
   * @param end the {@code char} after the segment
   * @param description the selection's description ("" when none)
   */
  public record Segment(String code, int start, int end, String description) {
    /** @throws IllegalArgumentException if {@code 0 <= start <= end} does not hold */
    public Segment {
      Objects.requireNonNull(code, "code");
      Objects.requireNonNull(description, "description");
      if (start < 0 || end < start) {
        throw new IllegalArgumentException("segment needs 0 <= start <= end: " + start + ", " + end);
      }
    }
  }

  /**
   * Reads a {@code .qdpx} file.
   *
   * @throws QdaFormatException naming the file and entry if it is not a zip, has no {@code project.qde}, the XML is
   *     not a REFI-QDA project, a source's text file is missing or not UTF-8, or a selection lies outside its text
   * @throws IOException if the file cannot be read
   */
  public static QdpxProject read(Path file) throws IOException, QdaFormatException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
      ZipEntry qde = null;
      Map<String, ZipEntry> byLowerName = new HashMap<>();
      for (Enumeration<? extends ZipEntry> en = zip.entries(); en.hasMoreElements();) {
        ZipEntry e = en.nextElement();
        byLowerName.put(e.getName().toLowerCase(Locale.ROOT), e);
        if (e.getName().equalsIgnoreCase("project.qde")) {
          qde = e;
        }
      }
      if (qde == null) {
        throw new QdaFormatException(file, null, 0, "a project.qde entry at the top of the zip");
      }
      Document doc;
      try (InputStream in = bounded(zip, qde, file)) {
        doc = RefiXml.parse(in, file, qde.getName());
      }
      Element root = doc.getDocumentElement();
      String ns = RefiXml.PROJECT_NS;
      if (!ns.equals(root.getNamespaceURI()) || !"Project".equals(root.getLocalName())) {
        throw new QdaFormatException(file, qde.getName(), 0, "a Project root element in namespace " + ns);
      }
      List<QdaCode> codes = QdcCodebook.codes(doc, file, qde.getName());
      Map<String, String> codeNames = new HashMap<>();
      codes.forEach(c -> codeNames.put(c.guid(), c.name()));
      List<Source> sources = new ArrayList<>();
      int skipped = 0;
      for (Element srcs : RefiXml.children(root, ns, "Sources")) {
        for (org.w3c.dom.Node n = srcs.getFirstChild(); n != null; n = n.getNextSibling()) {
          if (!(n instanceof Element e) || !ns.equals(e.getNamespaceURI())) {
            continue;
          }
          if (!"TextSource".equals(e.getLocalName())) {
            skipped++;
            continue;
          }
          String text = text(e, zip, byLowerName, file);
          if (text == null) {
            skipped++;
            continue;
          }
          sources.add(source(e, text, codeNames, file, qde.getName()));
        }
      }
      return new QdpxProject(root.getAttribute("name"), codes, sources, skipped);
    } catch (ZipException e) {
      throw new QdaFormatException(file, null, 0, "a zip file (" + e.getMessage() + ")");
    }
  }

  private static InputStream bounded(ZipFile zip, ZipEntry e, Path file) throws IOException, QdaFormatException {
    if (e.getSize() > MAX_ENTRY_BYTES) {
      throw new QdaFormatException(file, e.getName(), 0, "an entry of at most " + MAX_ENTRY_BYTES + " bytes");
    }
    return zip.getInputStream(e);
  }

  /** The source's text, or null when it lives outside the project. */
  private static String text(Element e, ZipFile zip, Map<String, ZipEntry> entries, Path file)
      throws IOException, QdaFormatException {
    List<Element> inline = RefiXml.children(e, RefiXml.PROJECT_NS, "PlainTextContent");
    if (!inline.isEmpty()) {
      return inline.get(0).getTextContent();
    }
    String path = e.getAttribute("plainTextPath");
    if (!path.startsWith("internal://")) {
      return null;
    }
    String name = "sources/" + path.substring("internal://".length()).toLowerCase(Locale.ROOT);
    ZipEntry entry = entries.get(name);
    if (entry == null) {
      throw new QdaFormatException(file, null, 0, "an entry Sources/" + path.substring("internal://".length())
          + " for text source '" + e.getAttribute("name") + "'");
    }
    byte[] bytes;
    try (InputStream in = bounded(zip, entry, file)) {
      bytes = in.readNBytes((int) Math.min(MAX_ENTRY_BYTES, Integer.MAX_VALUE - 16));
    }
    int skip = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(java.nio.ByteBuffer.wrap(bytes, skip, bytes.length - skip)).toString();
    } catch (CharacterCodingException x) {
      throw new QdaFormatException(file, entry.getName(), 0, "UTF-8 text");
    }
  }

  private static Source source(Element e, String text, Map<String, String> codeNames, Path file, String entry)
      throws QdaFormatException {
    String ns = RefiXml.PROJECT_NS;
    int codePoints = text.codePointCount(0, text.length());
    List<Segment> segments = new ArrayList<>();
    for (Element sel : RefiXml.children(e, ns, "PlainTextSelection")) {
      int start;
      int end;
      try {
        start = Integer.parseInt(sel.getAttribute("startPosition").strip());
        end = Integer.parseInt(sel.getAttribute("endPosition").strip());
      } catch (NumberFormatException x) {
        throw new QdaFormatException(file, entry, 0, "integer startPosition and endPosition on selection "
            + sel.getAttribute("guid"));
      }
      if (start < 0 || end < start || end > codePoints) {
        throw new QdaFormatException(file, entry, 0, "selection " + sel.getAttribute("guid") + " within its text of "
            + codePoints + " code points (got " + start + "-" + end + ")");
      }
      int s = text.offsetByCodePoints(0, start);
      int t = text.offsetByCodePoints(s, end - start);
      String description = RefiXml.childText(sel, ns, "Description");
      for (Element coding : RefiXml.children(sel, ns, "Coding")) {
        segments.add(new Segment(codeName(coding, codeNames), s, t, description));
      }
    }
    List<String> whole = new ArrayList<>();
    for (Element coding : RefiXml.children(e, ns, "Coding")) {
      whole.add(codeName(coding, codeNames));
    }
    return new Source(e.getAttribute("guid"), e.getAttribute("name"), RefiXml.childText(e, ns, "Description"), text,
        segments, whole);
  }

  private static String codeName(Element coding, Map<String, String> names) {
    List<Element> ref = RefiXml.children(coding, RefiXml.PROJECT_NS, "CodeRef");
    String target = ref.isEmpty() ? "" : ref.get(0).getAttribute("targetGUID");
    return names.getOrDefault(target, target);
  }
}
