package org.verbatim.qda;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Theme;
import org.verbatim.io.AtomicOutput;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * REFI-QDA codebooks ({@code .qdc}): writes a Verbatim codebook's themes as codes, reads the codes of a
 * {@code .qdc} file (or of the codebook inside a project's {@code project.qde}), and turns them into a Verbatim
 * codebook skeleton in which the user then writes the cues.
 *
 * <p>The structure follows the REFI-QDA Codebook Exchange schema ({@code Codebook.xsd}, namespace
 * {@code urn:QDA-XML:codebook:1.0}, version 1.0 of March 2019, published at https://www.qdasoftware.org): a
 * {@code CodeBook} root with an {@code origin} attribute holding {@code Codes}, each {@code Code} with the
 * required attributes {@code guid}, {@code name} and {@code isCodable}, an optional {@code color}
 * ({@code #RRGGBB}), an optional {@code Description} and nested {@code Code}s. Each theme becomes one codable
 * code named by the theme's name; its description is the definition, the includes and excludes, and a last line
 * {@code Verbatim theme id: <id>} by which {@link #read} recovers the id. GUIDs are name-based, so the same
 * codebook always gives the same file.
 *
 * <pre>{@code
 * QdcCodebook.write(DefaultCodebooks.socialCare(), Path.of("social-care.qdc"));
 * List<QdaCode> codes = QdcCodebook.read(Path.of("from-nvivo.qdc"));
 * Files.writeString(Path.of("my-codebook.yaml"), QdcCodebook.skeleton(codes, "my-codebook", "My codebook"));
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class QdcCodebook {

  /** The line of a code's description that carries the Verbatim theme id. */
  static final String THEME_ID_LINE = "Verbatim theme id: ";
  private static final Pattern THEME_ID = Pattern.compile("(?m)^" + Pattern.quote(THEME_ID_LINE) + "([a-z0-9][a-z0-9_-]*)\\s*$");
  static final String[] COLORS = {"#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2",
      "#7f7f7f", "#bcbd22", "#17becf"};
  /** The largest codebook file read, in bytes. */
  static final long MAX_BYTES = 32L * 1024 * 1024;

  private QdcCodebook() {}

  /**
   * Writes {@code codebook} as a {@code .qdc} file, atomically.
   *
   * @throws IOException if the file cannot be written
   */
  public static void write(Codebook codebook, Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    AtomicOutput.write(file, toBytes(codebook));
  }

  /** The {@code .qdc} XML of {@code codebook}, UTF-8. */
  public static byte[] toBytes(Codebook codebook) {
    Objects.requireNonNull(codebook, "codebook");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out, "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.setDefaultNamespace(RefiXml.CODEBOOK_NS);
      w.writeStartElement(RefiXml.CODEBOOK_NS, "CodeBook");
      w.writeDefaultNamespace(RefiXml.CODEBOOK_NS);
      w.writeAttribute("origin", "Verbatim codebook " + codebook.id() + " " + codebook.version());
      writeCodes(w, RefiXml.CODEBOOK_NS, codebook, codebook.themeIds());
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("cannot write XML to memory", e);
    }
    return out.toByteArray();
  }

  /**
   * Writes a {@code Codes} element with one code per theme id: named and described from {@code codebook} when it
   * has the theme, else named by the id. Shared with {@link QdpxProject}.
   */
  static void writeCodes(XMLStreamWriter w, String ns, Codebook codebook, List<String> themeIds) throws XMLStreamException {
    w.writeCharacters("\n  ");
    w.writeStartElement(ns, "Codes");
    for (int i = 0; i < themeIds.size(); i++) {
      String id = themeIds.get(i);
      Theme t = codebook == null ? null : codebook.theme(id).orElse(null);
      w.writeCharacters("\n    ");
      w.writeStartElement(ns, "Code");
      w.writeAttribute("guid", codeGuid(id));
      w.writeAttribute("name", RefiXml.xmlSafe(t == null ? id : t.name()));
      w.writeAttribute("isCodable", "true");
      w.writeAttribute("color", COLORS[i % COLORS.length]);
      w.writeStartElement(ns, "Description");
      w.writeCharacters(RefiXml.xmlSafe(description(t) + THEME_ID_LINE + id));
      w.writeEndElement();
      w.writeEndElement();
    }
    w.writeCharacters("\n  ");
    w.writeEndElement();
  }

  /** The GUID of the code of a theme id. */
  static String codeGuid(String themeId) {
    return RefiXml.guid("code", themeId);
  }

  private static String description(Theme t) {
    if (t == null) {
      return "";
    }
    StringBuilder sb = new StringBuilder(t.definition().strip()).append('\n');
    if (!t.includes().isEmpty()) {
      sb.append("Includes: ").append(String.join("; ", t.includes())).append('\n');
    }
    if (!t.excludes().isEmpty()) {
      sb.append("Excludes: ").append(String.join("; ", t.excludes())).append('\n');
    }
    return sb.toString();
  }

  /**
   * Reads the codes of a {@code .qdc} file, or of the {@code CodeBook} of a {@code project.qde}, depth first.
   *
   * @throws QdaFormatException if the file is not well-formed XML, is not a REFI-QDA codebook or project, or a
   *     code lacks its {@code name} or {@code guid}
   * @throws IOException if the file cannot be read
   */
  public static List<QdaCode> read(Path file) throws IOException, QdaFormatException {
    Objects.requireNonNull(file, "file");
    if (!Files.isRegularFile(file)) {
      throw new NoSuchFileException(file.toString(), null, "no such file");
    }
    if (Files.size(file) > MAX_BYTES) {
      throw new QdaFormatException(file, null, 0, "a codebook of at most " + MAX_BYTES + " bytes");
    }
    try (InputStream in = Files.newInputStream(file)) {
      return codes(RefiXml.parse(in, file, null), file, null);
    }
  }

  /** The codes of a parsed codebook or project document. */
  static List<QdaCode> codes(Document doc, Path file, String entry) throws QdaFormatException {
    Element root = doc.getDocumentElement();
    String ns = root.getNamespaceURI();
    Element codes;
    if (RefiXml.CODEBOOK_NS.equals(ns) && "CodeBook".equals(root.getLocalName())) {
      codes = first(RefiXml.children(root, ns, "Codes"), file, entry, "a Codes element in CodeBook");
    } else if (RefiXml.PROJECT_NS.equals(ns) && "Project".equals(root.getLocalName())) {
      List<Element> cb = RefiXml.children(root, ns, "CodeBook");
      if (cb.isEmpty()) {
        return List.of();
      }
      codes = first(RefiXml.children(cb.get(0), ns, "Codes"), file, entry, "a Codes element in CodeBook");
    } else {
      throw new QdaFormatException(file, entry, 0, "a REFI-QDA CodeBook (namespace " + RefiXml.CODEBOOK_NS
          + ") or Project (namespace " + RefiXml.PROJECT_NS + ") root element, got {" + ns + "}" + root.getLocalName());
    }
    List<QdaCode> out = new ArrayList<>();
    for (Element c : RefiXml.children(codes, ns, "Code")) {
      collect(c, ns, List.of(), out, file, entry);
    }
    return out;
  }

  private static Element first(List<Element> l, Path file, String entry, String expected) throws QdaFormatException {
    if (l.isEmpty()) {
      throw new QdaFormatException(file, entry, 0, expected);
    }
    return l.get(0);
  }

  private static void collect(Element code, String ns, List<String> parents, List<QdaCode> out, Path file, String entry)
      throws QdaFormatException {
    String name = code.getAttribute("name");
    String guid = code.getAttribute("guid");
    if (name.isBlank() || guid.isBlank()) {
      throw new QdaFormatException(file, entry, 0, "every Code to have a guid and a name (code number " + (out.size() + 1)
          + (name.isBlank() ? "" : ", '" + name + "'") + ")");
    }
    String description = RefiXml.childText(code, ns, "Description");
    Matcher m = THEME_ID.matcher(description);
    String themeId = "";
    if (m.find()) {
      themeId = m.group(1);
      description = (description.substring(0, m.start()) + description.substring(m.end())).strip();
    }
    List<String> path = new ArrayList<>(parents);
    path.add(name);
    out.add(new QdaCode(guid, name, description.strip(), !"false".equals(code.getAttribute("isCodable").strip()),
        path, themeId));
    for (Element child : RefiXml.children(code, ns, "Code")) {
      collect(child, ns, path, out, file, entry);
    }
  }

  /**
   * A Verbatim codebook skeleton (YAML, format {@code verbatim-codebook/1}) with one theme per codable code: the
   * theme id recorded by Verbatim or else made from the code's path (lower case, other characters as {@code -},
   * made unique), the code's name (its path joined by {@code " / "} for a nested code) and its description as the
   * definition (the name when it has none). The cue lists are empty, with a note to fill them: the skeleton loads
   * only once each theme has at least one cue.
   *
   * @param codes the codes, e.g. from {@link #read}
   * @param id the codebook id, matching {@code [a-z0-9][a-z0-9_-]*}
   * @param name the codebook name
   * @throws IllegalArgumentException if no code is codable or {@code id} is not a valid id
   */
  public static String skeleton(List<QdaCode> codes, String id, String name) {
    Objects.requireNonNull(codes, "codes");
    if (!Theme.ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
      throw new IllegalArgumentException("codebook id must match " + Theme.ID.pattern() + ": '" + id + "'");
    }
    StringBuilder sb = new StringBuilder();
    sb.append("# Verbatim codebook skeleton made from a REFI-QDA codebook by 'verbatim import-codebook'.\n");
    sb.append("# Themes, names and definitions come from the codes; the cues are yours to write (see\n");
    sb.append("# docs/codebook-format.md): the file loads once every theme has at least one cue.\n\n");
    sb.append("format: verbatim-codebook/1\n");
    sb.append("id: ").append(id).append('\n');
    sb.append("name: ").append(quote(Objects.requireNonNull(name, "name"))).append('\n');
    sb.append("version: 0.1.0\n");
    sb.append("language: en\n\n");
    sb.append("themes:\n");
    Set<String> used = new HashSet<>();
    int themes = 0;
    for (QdaCode c : codes) {
      if (!c.codable()) {
        continue;
      }
      String themeId = !c.themeId().isEmpty() && !used.contains(c.themeId()) ? c.themeId() : slug(c.path(), used);
      used.add(themeId);
      String themeName = String.join(" / ", c.path());
      String definition = c.description().isBlank() ? themeName : c.description();
      sb.append("  - id: ").append(themeId).append('\n');
      sb.append("    name: ").append(quote(themeName)).append('\n');
      sb.append("    definition: ").append(quote(definition)).append('\n');
      sb.append("    cues: []   # TODO: add the words and phrases that signal this theme\n");
      themes++;
    }
    if (themes == 0) {
      throw new IllegalArgumentException("the codebook has no codable code to turn into a theme");
    }
    return sb.toString();
  }

  private static String slug(List<String> path, Set<String> used) {
    String s = String.join("-", path).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]+", "-").replaceAll("^-+|-+$", "");
    if (s.isEmpty() || !Theme.ID.matcher(s).matches()) {
      s = "code" + (s.isEmpty() ? "" : "-" + s);
    }
    String out = s;
    for (int n = 2; used.contains(out); n++) {
      out = s + "-" + n;
    }
    return out;
  }

  /** A YAML double-quoted scalar. */
  static String quote(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7F || (c >= 0x80 && c < 0xA0) || c == 0xFEFF) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
