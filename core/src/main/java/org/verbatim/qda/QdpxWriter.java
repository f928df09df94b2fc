package org.verbatim.qda;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.verbatim.Evidence;
import org.verbatim.codebook.Codebook;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.ThemeResult;

/**
 * Writes coded comments as a REFI-QDA project ({@code .qdpx}): each comment a text source, each theme a code, each
 * evidence span a coded segment, so that NVivo, ATLAS.ti, MAXQDA or QualCoder can open what Verbatim found.
 *
 * <p>The layout follows the REFI-QDA Project Exchange standard (a zip holding {@code project.qde}, namespace
 * {@code urn:QDA-XML:project:1.0}, schema {@code Project.xsd} version 1.0 of March 2019, and a {@code Sources}
 * folder; https://www.qdasoftware.org): {@code Project} holds {@code Users} (one user, "Verbatim"), {@code CodeBook}
 * (the codes, as written by {@link QdcCodebook}) and {@code Sources}. Each comment is a {@code TextSource} named by
 * its id whose text is the entry {@code Sources/<guid>.txt} (UTF-8, no byte-order mark; {@code plainTextPath}
 * {@code internal://<guid>.txt}, the form QualCoder's importer reads), with one {@code PlainTextSelection} per
 * evidence span ({@code startPosition} and {@code endPosition} count Unicode code points of that text, end
 * exclusive) coded with its theme and described by the theme's polarity and score. A theme tagged without evidence
 * is coded on the whole source (a {@code Coding} of the {@code TextSource}); a row that failed to classify is a
 * source with its error as the description. Line ends in the text are written as LF (CR LF and CR become LF, and
 * the offsets follow), since importers disagree about CR LF. GUIDs are name-based (row number, id, theme), so the
 * same input always gives the same project except for the creation time.
 *
 * <p>It streams: the source texts go into the zip as they come and the XML of the sources into a temporary file,
 * and {@link #commit()} writes {@code project.qde} and renames the zip into place, so memory stays flat and a failed
 * export leaves no file.
 *
 * <pre>{@code
 * try (QdpxWriter w = QdpxWriter.create(Path.of("project.qdpx"), "Feedback 2026", codebook, Instant.now())) {
 *   w.add("c002", text, themeResults, null);
 *   w.commit();
 * }
 * }</pre>
 *
 * <p>Not thread-safe.
 */
public final class QdpxWriter implements Closeable {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'", Locale.ROOT)
      .withZone(java.time.ZoneOffset.UTC);

  private final AtomicOutput out;
  private final ZipOutputStream zip;
  private final Path sourcesXml;
  private final OutputStream sourcesStream;
  private final XMLStreamWriter sources;
  private final String projectName;
  private final Codebook codebook;
  private final String user = RefiXml.guid("user", "verbatim");
  private final String created;
  private final Set<String> themes = new LinkedHashSet<>();
  private long rows;
  private boolean done;

  private QdpxWriter(AtomicOutput out, Path sourcesXml, String projectName, Codebook codebook, Instant created)
      throws IOException {
    this.out = out;
    this.zip = new ZipOutputStream(out.stream(), StandardCharsets.UTF_8);
    this.sourcesXml = sourcesXml;
    this.sourcesStream = new BufferedOutputStream(Files.newOutputStream(sourcesXml), 1 << 16);
    this.projectName = projectName;
    this.codebook = codebook;
    this.created = TIME.format(created.truncatedTo(ChronoUnit.SECONDS));
    try {
      // the JDK's writer, not whichever is on the class path: fastexcel brings Aalto, which refuses fragments
      this.sources = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(sourcesStream, "UTF-8");
      sources.setDefaultNamespace(RefiXml.PROJECT_NS);
    } catch (XMLStreamException e) {
      throw new IOException("cannot start the project XML", e);
    }
    if (codebook != null) {
      themes.addAll(codebook.themeIds());
    }
  }

  /**
   * Starts a project file.
   *
   * @param file the {@code .qdpx} to write (replaced on {@link #commit()})
   * @param projectName the project's name
   * @param codebook names and describes the codes of its themes (themes it lacks are named by their id); null for
   *     none, then the codes are the themes met, named by id
   * @param created the creation time written on sources and selections
   * @throws IOException if the temporary files cannot be created
   */
  public static QdpxWriter create(Path file, String projectName, Codebook codebook, Instant created) throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(projectName, "projectName");
    Objects.requireNonNull(created, "created");
    AtomicOutput out = AtomicOutput.create(file);
    Path tmp = null;
    try {
      Path dir = file.toAbsolutePath().getParent();
      tmp = Files.createTempFile(dir, ".verbatim-qdpx-", ".xml");
      return new QdpxWriter(out, tmp, projectName, codebook, created);
    } catch (IOException | RuntimeException e) {
      out.close();
      if (tmp != null) {
        Files.deleteIfExists(tmp);
      }
      throw e;
    }
  }

  /**
   * Adds one comment as a text source.
   *
   * @param id the comment's id (the source's name)
   * @param text the comment
   * @param found its themes with their evidence spans (Java {@code char} offsets into {@code text})
   * @param error why the row has no classification, or null
   * @throws IllegalArgumentException if an evidence span lies outside {@code text}
   * @throws IOException if writing fails
   */
  public void add(String id, String text, List<ThemeResult> found, String error) throws IOException {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(found, "found");
    if (done) {
      throw new IllegalStateException("the project is already committed or closed");
    }
    long row = ++rows;
    String sourceGuid = RefiXml.guid("source", Long.toString(row), id);
    Normalized n = Normalized.of(text);
    zip.putNextEntry(new ZipEntry("Sources/" + sourceGuid + ".txt"));
    zip.write(n.text.getBytes(StandardCharsets.UTF_8));
    zip.closeEntry();
    try {
      XMLStreamWriter w = sources;
      w.writeCharacters("\n    ");
      w.writeStartElement(RefiXml.PROJECT_NS, "TextSource");
      w.writeAttribute("guid", sourceGuid);
      w.writeAttribute("name", RefiXml.xmlSafe(id));
      w.writeAttribute("plainTextPath", "internal://" + sourceGuid + ".txt");
      w.writeAttribute("creatingUser", user);
      w.writeAttribute("creationDateTime", created);
      if (error != null && !error.isEmpty()) {
        w.writeStartElement(RefiXml.PROJECT_NS, "Description");
        w.writeCharacters(RefiXml.xmlSafe("Verbatim could not classify this row: " + error));
        w.writeEndElement();
      }
      List<ThemeResult> whole = new ArrayList<>();
      for (ThemeResult t : found) {
        themes.add(t.theme());
        if (t.evidence().isEmpty()) {
          whole.add(t);
          continue;
        }
        int k = 0;
        for (Evidence e : t.evidence()) {
          if (e.end() > text.length()) {
            throw new IllegalArgumentException("evidence " + e.start() + "-" + e.end() + " of theme '" + t.theme()
                + "' lies outside comment '" + id + "' (" + text.length() + " characters)");
          }
          String tag = Long.toString(row) + "/" + t.theme() + "/" + (k++);
          w.writeCharacters("\n      ");
          w.writeStartElement(RefiXml.PROJECT_NS, "PlainTextSelection");
          w.writeAttribute("guid", RefiXml.guid("selection", tag));
          w.writeAttribute("name", RefiXml.xmlSafe(t.theme()));
          w.writeAttribute("startPosition", Integer.toString(n.position[e.start()]));
          w.writeAttribute("endPosition", Integer.toString(n.position[e.end()]));
          w.writeAttribute("creatingUser", user);
          w.writeAttribute("creationDateTime", created);
          w.writeStartElement(RefiXml.PROJECT_NS, "Description");
          w.writeCharacters(describe(t));
          w.writeEndElement();
          coding(w, RefiXml.guid("coding", tag), t.theme());
          w.writeEndElement();
        }
      }
      for (ThemeResult t : whole) {
        w.writeCharacters("\n      ");
        coding(w, RefiXml.guid("coding", Long.toString(row), t.theme(), "source"), t.theme());
      }
      w.writeCharacters("\n    ");
      w.writeEndElement();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the project XML", e);
    }
  }

  private static String describe(ThemeResult t) {
    return String.format(Locale.ROOT, "Verbatim: %s, polarity %s, score %.2f", t.theme(), t.polarity().id(), t.score());
  }

  private void coding(XMLStreamWriter w, String guid, String theme) throws XMLStreamException {
    w.writeStartElement(RefiXml.PROJECT_NS, "Coding");
    w.writeAttribute("guid", guid);
    w.writeAttribute("creatingUser", user);
    w.writeAttribute("creationDateTime", created);
    w.writeEmptyElement(RefiXml.PROJECT_NS, "CodeRef");
    w.writeAttribute("targetGUID", QdcCodebook.codeGuid(theme));
    w.writeEndElement();
  }

  /** The number of comments added. */
  public long rows() {
    return rows;
  }

  /**
   * Writes {@code project.qde} and moves the project into place.
   *
   * @throws IOException if writing or moving fails
   */
  public void commit() throws IOException {
    if (done) {
      throw new IllegalStateException("the project is already committed or closed");
    }
    try {
      sources.flush();
      sources.close();
      sourcesStream.close();
      zip.putNextEntry(new ZipEntry("project.qde"));
      XMLStreamWriter w = XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(new NonClosing(zip), "UTF-8");
      w.writeStartDocument("UTF-8", "1.0");
      w.writeCharacters("\n");
      w.setDefaultNamespace(RefiXml.PROJECT_NS);
      w.writeStartElement(RefiXml.PROJECT_NS, "Project");
      w.writeDefaultNamespace(RefiXml.PROJECT_NS);
      w.writeAttribute("name", RefiXml.xmlSafe(projectName));
      w.writeAttribute("origin", "Verbatim");
      w.writeAttribute("creatingUserGUID", user);
      w.writeAttribute("creationDateTime", created);
      w.writeCharacters("\n  ");
      w.writeStartElement(RefiXml.PROJECT_NS, "Users");
      w.writeEmptyElement(RefiXml.PROJECT_NS, "User");
      w.writeAttribute("guid", user);
      w.writeAttribute("name", "Verbatim");
      w.writeEndElement();
      if (!themes.isEmpty()) {
        w.writeCharacters("\n  ");
        w.writeStartElement(RefiXml.PROJECT_NS, "CodeBook");
        QdcCodebook.writeCodes(w, RefiXml.PROJECT_NS, codebook, List.copyOf(themes));
        w.writeEndElement();
      }
      if (rows > 0) {
        w.writeCharacters("\n  ");
        w.writeStartElement(RefiXml.PROJECT_NS, "Sources");
        w.writeCharacters("\n");   // closes the start tag before the raw bytes of the sources follow
        w.flush();
        try (InputStream in = Files.newInputStream(sourcesXml)) {
          in.transferTo(zip);
        }
        w.writeCharacters("\n  ");
        w.writeEndElement();
      }
      w.writeCharacters("\n");
      w.writeEndElement();
      w.writeCharacters("\n");
      w.writeEndDocument();
      w.flush();
      w.close();
      zip.closeEntry();
      zip.finish();
      out.commit();
    } catch (XMLStreamException e) {
      throw new IOException("cannot write the project XML", e);
    } finally {
      done = true;
    }
  }

  /** Deletes the temporary files; without a {@link #commit()} no project is left. */
  @Override
  public void close() throws IOException {
    done = true;
    try {
      sourcesStream.close();
    } finally {
      try {
        out.close();
      } finally {
        Files.deleteIfExists(sourcesXml);
      }
    }
  }

  /** The text as exported (LF line ends) and, per Java char index of the original, its code-point position. */
  static final class Normalized {
    final String text;
    final int[] position;

    private Normalized(String text, int[] position) {
      this.text = text;
      this.position = position;
    }

    static Normalized of(String s) {
      StringBuilder sb = new StringBuilder(s.length());
      int[] pos = new int[s.length() + 1];
      int cp = 0;
      for (int i = 0; i < s.length(); i++) {
        pos[i] = cp;
        char c = s.charAt(i);
        if (c == '\r') {
          if (i + 1 < s.length() && s.charAt(i + 1) == '\n') {
            continue;   // CR of CR LF: dropped, maps to the LF's position
          }
          sb.append('\n');
          cp++;
        } else {
          sb.append(c);
          if (!Character.isHighSurrogate(c) || i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
            cp++;   // a surrogate pair counts once, at its low half
          }
        }
      }
      pos[s.length()] = cp;
      return new Normalized(sb.toString(), pos);
    }
  }

  /** Keeps the XML writer from closing the zip stream. */
  private static final class NonClosing extends java.io.FilterOutputStream {
    NonClosing(OutputStream out) {
      super(out);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
    }

    @Override
    public void close() throws IOException {
      flush();
    }
  }
}
