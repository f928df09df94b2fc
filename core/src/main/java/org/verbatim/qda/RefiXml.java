package org.verbatim.qda;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/** XML helpers shared by the REFI-QDA reader and writers: safe parsing, GUIDs, XML-safe strings. Internal. */
final class RefiXml {

  /** The namespace of a REFI-QDA codebook ({@code .qdc}). */
  static final String CODEBOOK_NS = "urn:QDA-XML:codebook:1.0";
  /** The namespace of a REFI-QDA project ({@code project.qde} inside a {@code .qdpx}). */
  static final String PROJECT_NS = "urn:QDA-XML:project:1.0";

  private RefiXml() {}

  /**
   * A name-based (version 3) UUID from {@code parts}: the same inputs give the same GUID, so an export is
   * reproducible and cross-references stay consistent.
   */
  static String guid(String... parts) {
    return UUID.nameUUIDFromBytes(("verbatim-refi\u0000" + String.join("\u0000", parts))
        .getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** {@code s} without the characters XML 1.0 cannot hold (most C0 controls, lone surrogates, U+FFFE/F). */
  static String xmlSafe(String s) {
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)
          || (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1)))
          || (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(s.charAt(i - 1)));
      if (!ok && sb == null) {
        sb = new StringBuilder(s.length()).append(s, 0, i);
      }
      if (sb != null && ok) {
        sb.append(c);
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** Parses XML with DTDs and external entities disabled (the file may come from anywhere). */
  static Document parse(InputStream in, Path file, String entry) throws IOException, QdaFormatException {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newDefaultInstance(); // the JDK's, not whichever parser is on the class path
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setXIncludeAware(false);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(null);
      return b.parse(in);
    } catch (SAXParseException e) {
      throw new QdaFormatException(file, entry, e.getLineNumber(), "well-formed XML: " + e.getMessage());
    } catch (SAXException | ParserConfigurationException e) {
      throw new QdaFormatException(file, entry, 0, "well-formed XML: " + e.getMessage());
    }
  }

  /** The child elements of {@code parent} with this local name in namespace {@code ns}, in document order. */
  static List<Element> children(Element parent, String ns, String name) {
    List<Element> out = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && name.equals(e.getLocalName()) && ns.equals(e.getNamespaceURI())) {
        out.add(e);
      }
    }
    return out;
  }

  /** The text of the first child element with this name, or "" when there is none. */
  static String childText(Element parent, String ns, String name) {
    List<Element> c = children(parent, ns, name);
    return c.isEmpty() ? "" : c.get(0).getTextContent();
  }
}
