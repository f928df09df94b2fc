package org.verbatim.qda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipFile;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.io.ThemeResult;

class RefiQdaTest {

  @TempDir Path tmp;

  private static final String YAML = """
      format: verbatim-codebook/1
      id: tiny
      name: Tiny
      version: 0.1.0
      language: en
      themes:
        - id: listening
          name: Listening & being heard
          definition: Taking what people say into account.
          includes: [feeling heard]
          excludes: ["being consulted: power"]
          cues: [listen*]
        - id: reliability
          name: Reliability
          definition: Keeping appointments.
          cues: [late]
      """;

  private static Codebook codebook() throws Exception {
    return CodebookLoader.load(new StringReader(YAML), "tiny.yaml");
  }

  /** Validates against our restatement of the REFI-QDA schema structure (see the resources' README). */
  private static void validate(String xsd, byte[] xml) throws Exception {
    SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    Validator v = f.newSchema(RefiQdaTest.class.getResource(xsd)).newValidator();
    v.validate(new StreamSource(new ByteArrayInputStream(xml)));
  }

  @Test
  void codebookExportIsValidAndReadsBackIntoASkeletonThatLoadsOnceCuesAreAdded() throws Exception {
    byte[] qdc = QdcCodebook.toBytes(codebook());
    validate("codebook-subset.xsd", qdc);
    assertTrue(new String(qdc, StandardCharsets.UTF_8).contains("name=\"Listening &amp; being heard\""));
    Path file = tmp.resolve("tiny.qdc");
    QdcCodebook.write(codebook(), file);
    List<QdaCode> codes = QdcCodebook.read(file);
    assertEquals(2, codes.size());
    assertEquals("listening", codes.get(0).themeId());
    assertEquals("Taking what people say into account.\nIncludes: feeling heard\nExcludes: being consulted: power",
        codes.get(0).description());
    String yaml = QdcCodebook.skeleton(codes, "tiny-again", "Tiny again");
    assertTrue(yaml.contains("  - id: listening\n    name: \"Listening & being heard\"\n"), yaml);
    CodebookExceptionCheck.assertRefusedForMissingCues(yaml);
    Codebook back = CodebookLoader.load(new StringReader(yaml.replace("cues: []", "cues: [placeholder]")), "k.yaml");
    assertEquals(List.of("listening", "reliability"), back.themeIds());
    assertEquals("Reliability", back.theme("reliability").orElseThrow().name());
    assertEquals(QdcCodebook.toBytes(codebook()).length, qdc.length, "GUIDs are name-based: the same bytes again");
  }

  /** A skeleton without cues is refused by the loader, with the theme named. */
  static final class CodebookExceptionCheck {
    static void assertRefusedForMissingCues(String yaml) {
      Exception e = assertThrows(Exception.class, () -> CodebookLoader.load(new StringReader(yaml), "s.yaml"));
      assertTrue(e.getMessage().contains("cues"), e.getMessage());
    }
  }

  @Test
  void readsANestedCodebookFromAnotherToolWithMadeUpIds() throws Exception {
    Path file = tmp.resolve("nvivo.qdc");
    Files.writeString(file, """
        <?xml version="1.0" encoding="utf-8"?>
        <CodeBook xmlns="urn:QDA-XML:codebook:1.0" origin="Some tool">
          <Codes>
            <Code guid="00000000-0000-0000-0000-000000000001" name="Staff" isCodable="false">
              <Code guid="00000000-0000-0000-0000-000000000002" name="Attitude" isCodable="true">
                <Description>How staff behave</Description>
              </Code>
              <Code guid="00000000-0000-0000-0000-000000000003" name="Attitude!" isCodable="true"/>
            </Code>
            <Code guid="00000000-0000-0000-0000-000000000004" name="Wait: times" isCodable="true"/>
          </Codes>
        </CodeBook>
        """, StandardCharsets.UTF_8);
    List<QdaCode> codes = QdcCodebook.read(file);
    assertEquals(4, codes.size());
    assertEquals(List.of("Staff", "Attitude"), codes.get(1).path());
    String yaml = QdcCodebook.skeleton(codes, "imported", "Imported");
    Codebook cb = CodebookLoader.load(new StringReader(yaml.replace("cues: []", "cues: [x]")), "i.yaml");
    assertEquals(List.of("staff-attitude", "staff-attitude-2", "wait-times"), cb.themeIds(),
        "the category is not a theme; clashing ids get a suffix");
    assertEquals("How staff behave", cb.theme("staff-attitude").orElseThrow().definition());
    assertEquals("Staff / Attitude!", cb.theme("staff-attitude-2").orElseThrow().definition(), "no description: the name");
  }

  @Test
  void refusesWhatIsNotACodebook() throws Exception {
    Path bad = tmp.resolve("bad.qdc");
    Files.writeString(bad, "<Other/>");
    QdaFormatException e = assertThrows(QdaFormatException.class, () -> QdcCodebook.read(bad));
    assertTrue(e.getMessage().startsWith(bad + ": ") && e.getMessage().contains("CodeBook"), e.getMessage());
    Files.writeString(bad, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>");
    e = assertThrows(QdaFormatException.class, () -> QdcCodebook.read(bad));
    assertTrue(e.getMessage().contains("well-formed XML"), "DTDs are refused: " + e.getMessage());
  }

  @Test
  void projectExportIsValidAndReadsBackWithEveryEvidenceSpanAtItsOffsets() throws Exception {
    String plain = "Kind but never listened. Always late.";
    String crlf = "First line\r\nshe never listened\r\nend";
    String emoji = "\uD83D\uDE00\uD83D\uDE00 late again";   // two non-BMP characters before the evidence
    List<String> texts = List.of(plain, crlf, emoji, "n/a", "no evidence here");
    List<List<ThemeResult>> found = List.of(
        List.of(new ThemeResult("listening", 0.6, Polarity.NEGATIVE, List.of(new Evidence(9, 23))),
            new ThemeResult("reliability", 0.5, Polarity.NEGATIVE, List.of(new Evidence(25, 36)))),
        List.of(new ThemeResult("listening", 0.7, Polarity.NEGATIVE,
            List.of(new Evidence(16, 30), new Evidence(0, 5)))),
        List.of(new ThemeResult("reliability", 0.5, Polarity.NEGATIVE, List.of(new Evidence(5, 9)))),
        List.of(),
        List.of(new ThemeResult("other-theme", 0.9, Polarity.POSITIVE, List.of())));
    Path file = tmp.resolve("p.qdpx");
    try (QdpxWriter w = QdpxWriter.create(file, "Test project", codebook(), Instant.parse("2026-12-05T10:00:00Z"))) {
      for (int i = 0; i < texts.size(); i++) {
        w.add("c" + i, texts.get(i), found.get(i), i == 3 ? "empty comment" : null);
      }
      w.commit();
    }
    try (ZipFile zip = new ZipFile(file.toFile())) {
      try (InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
        validate("project-subset.xsd", in.readAllBytes());
      }
      assertEquals(1 + texts.size(), zip.size(), "project.qde and one text file per comment");
    }
    QdpxProject p = QdpxProject.read(file);
    assertEquals("Test project", p.name());
    assertEquals(List.of("Listening & being heard", "Reliability", "other-theme"),
        p.codes().stream().map(QdaCode::name).toList());
    assertEquals(texts.size(), p.sources().size());
    int spans = 0;
    for (int i = 0; i < texts.size(); i++) {
      QdpxProject.Source s = p.sources().get(i);
      assertEquals("c" + i, s.name());
      String original = texts.get(i);
      String exported = original.replace("\r\n", "\n");
      assertEquals(exported, s.text());
      List<String> expected = new ArrayList<>();
      for (ThemeResult t : found.get(i)) {
        for (Evidence e : t.evidence()) {
          expected.add(t.theme() + "=" + e.in(original).replace("\r\n", "\n"));
        }
      }
      List<String> got = new ArrayList<>();
      for (QdpxProject.Segment g : s.segments()) {
        String theme = g.code().equals("Reliability") ? "reliability" : "listening";
        got.add(theme + "=" + s.text().substring(g.start(), g.end()));
        assertTrue(g.description().contains("polarity negative"), g.description());
        spans++;
      }
      assertEquals(expected, got, "source " + i);
      if (original.equals(plain) || original.equals("n/a")) {
        for (int k = 0; k < s.segments().size(); k++) {   // without CR or non-BMP text the offsets are the same
          Evidence e = found.get(i).get(k).evidence().get(0);
          assertEquals(e.start(), s.segments().get(k).start());
          assertEquals(e.end(), s.segments().get(k).end());
        }
      }
    }
    assertEquals(5, spans);
    assertEquals(List.of("other-theme"), p.sources().get(4).sourceCodes(), "a theme without evidence codes the source");
    assertTrue(p.sources().get(3).description().contains("empty comment"));
    // the emoji source: code points 2..6 in the file, chars 4..8 in Java
    String qde;
    try (ZipFile zip = new ZipFile(file.toFile()); InputStream in = zip.getInputStream(zip.getEntry("project.qde"))) {
      qde = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertTrue(qde.contains("startPosition=\"3\" endPosition=\"7\""), "code points, not UTF-16 units");
  }

  @Test
  void randomUnicodeTextsAndSpansReadBackExactly() throws Exception {
    java.util.Random r = new java.util.Random(11);
    String[] pieces = {"a", "é", "\r\n", "\n", "\r", "\uD83D\uDE00", "\u4E2D", " ", "\t", "<&>\"'", "\u0001", "x"};
    List<String> texts = new ArrayList<>();
    List<List<ThemeResult>> found = new ArrayList<>();
    Path file = tmp.resolve("random.qdpx");
    try (QdpxWriter w = QdpxWriter.create(file, "random", null, Instant.EPOCH)) {
      for (int d = 0; d < 200; d++) {
        StringBuilder sb = new StringBuilder();
        List<Integer> cuts = new ArrayList<>(List.of(0));   // piece boundaries: spans never split a CR LF or a pair
        for (int k = r.nextInt(12); k >= 0; k--) {
          sb.append(pieces[r.nextInt(pieces.length)]);
          cuts.add(sb.length());
        }
        List<Evidence> ev = new ArrayList<>();
        for (int k = r.nextInt(3); k > 0; k--) {
          int a = cuts.get(r.nextInt(cuts.size()));
          int b = cuts.get(r.nextInt(cuts.size()));
          ev.add(new Evidence(Math.min(a, b), Math.max(a, b)));
        }
        List<ThemeResult> t = ev.isEmpty() ? List.of() : List.of(new ThemeResult("t" + (d % 3), 0.7, Polarity.MIXED, ev));
        texts.add(sb.toString());
        found.add(t);
        w.add("id" + d, sb.toString(), t, null);
      }
      w.commit();
    }
    QdpxProject p = QdpxProject.read(file);
    for (int d = 0; d < texts.size(); d++) {
      String normalised = texts.get(d).replace("\r\n", "\n").replace('\r', '\n');
      QdpxProject.Source s = p.sources().get(d);
      assertEquals(normalised, s.text(), "source " + d);
      List<String> expected = new ArrayList<>();
      for (ThemeResult t : found.get(d)) {
        for (Evidence e : t.evidence()) {
          expected.add(e.in(texts.get(d)).replace("\r\n", "\n").replace('\r', '\n'));
        }
      }
      assertEquals(expected, s.segments().stream().map(g -> s.text().substring(g.start(), g.end())).toList(), "source " + d);
    }
  }

  @Test
  void aFailedExportLeavesNoFileAndBadSpansAreRefused() throws Exception {
    Path file = tmp.resolve("half.qdpx");
    try (QdpxWriter w = QdpxWriter.create(file, "x", null, Instant.EPOCH)) {
      w.add("a", "short", List.of(), null);
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> w.add("b", "tiny",
          List.of(new ThemeResult("t", 0.9, Polarity.POSITIVE, List.of(new Evidence(2, 40)))), null));
      assertTrue(e.getMessage().contains("'b'") && !e.getMessage().contains("tiny"), e.getMessage());
    }
    assertTrue(Files.notExists(file));
    try (var s = Files.list(tmp)) {
      assertEquals(0, s.count(), "temporary files are removed");
    }
  }

  @Test
  void readingRefusesBrokenProjects() throws IOException {
    Path notZip = tmp.resolve("x.qdpx");
    Files.writeString(notZip, "hello");
    QdaFormatException e = assertThrows(QdaFormatException.class, () -> QdpxProject.read(notZip));
    assertTrue(e.getMessage().contains("a zip file"), e.getMessage());
  }
}
