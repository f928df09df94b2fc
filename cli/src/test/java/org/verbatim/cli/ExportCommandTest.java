package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Evidence;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.io.ClassifiedReader;
import org.verbatim.io.OutputColumns;
import org.verbatim.io.ThemeResult;
import org.verbatim.qda.QdpxProject;

class ExportCommandTest {

  /** The bundled sample (written by the project, not real feedback). */
  private static final Path SAMPLE = Path.of("../examples/data/sample-feedback.csv");

  @TempDir Path tmp;

  @Test
  void theBundledSampleExportsAsAProjectThatReadsBackWithEveryEvidenceSpanAtItsOffsets() throws Exception {
    Path classified = tmp.resolve("sample.classified.csv");
    CliRunner.Result c = CliRunner.run("classify", "--input", SAMPLE.toString(), "--output", classified.toString(), "--quiet");
    assertEquals(0, c.exit(), c.err());
    Path qdpx = tmp.resolve("sample.qdpx");
    CliRunner.Result e = CliRunner.run("export", "--input", classified.toString(), "--output", qdpx.toString());
    assertEquals(0, e.exit(), e.err());
    assertTrue(e.out().contains("64 comments"), e.out());

    QdpxProject p = QdpxProject.read(qdpx);
    Codebook cb = DefaultCodebooks.socialCare();
    Map<String, String> codeToTheme = new HashMap<>();
    cb.themes().forEach(t -> codeToTheme.put(t.name(), t.id()));
    assertEquals(cb.themes().size(), p.codes().size());
    int spans = 0;
    try (ClassifiedReader in = ClassifiedReader.open(classified, OutputColumns.withPrefix(""))) {
      int row = 0;
      for (ClassifiedReader.ClassifiedRecord r = in.next(); r != null; r = in.next(), row++) {
        QdpxProject.Source s = p.sources().get(row);
        String text = r.fields().get("comment");
        assertEquals(r.fields().get("id"), s.name());
        assertEquals(text, s.text(), "the sample has no CR and no characters outside the BMP");
        List<String> expected = new ArrayList<>();
        for (ThemeResult t : r.themes()) {
          for (Evidence ev : t.evidence()) {
            expected.add(t.theme() + " " + ev.start() + "-" + ev.end() + " " + ev.in(text));
          }
        }
        List<String> got = new ArrayList<>();
        for (QdpxProject.Segment g : s.segments()) {
          got.add(codeToTheme.get(g.code()) + " " + g.start() + "-" + g.end() + " " + s.text().substring(g.start(), g.end()));
        }
        assertEquals(expected, got, "row " + r.fields().get("id"));
        spans += expected.size();
      }
      assertEquals(p.sources().size(), row);
    }
    assertTrue(spans > 50, "the sample has many evidence spans: " + spans);
  }

  @Test
  void codebookRoundTripThroughQdc() throws Exception {
    Path qdc = tmp.resolve("social-care.qdc");
    CliRunner.Result r = CliRunner.run("export", "--output", qdc.toString());
    assertEquals(0, r.exit(), r.err());
    Path yaml = tmp.resolve("my-codebook.yaml");
    r = CliRunner.run("import-codebook", "--input", qdc.toString(), "--output", yaml.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("10 codes, 10 themes"), r.out());
    String text = Files.readString(yaml).replace("cues: []", "cues: [placeholder]");
    Codebook back = CodebookLoader.load(new java.io.StringReader(text), "my-codebook.yaml");
    assertEquals("my-codebook", back.id());
    assertEquals(DefaultCodebooks.socialCare().themeIds(), back.themeIds());
  }

  @Test
  void clearErrors() throws Exception {
    CliRunner.Result r = CliRunner.run("export", "--output", tmp.resolve("x.zip").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains(".qdpx (a project) or .qdc"), r.err());
    r = CliRunner.run("export", "--output", tmp.resolve("x.qdpx").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("needs --input"), r.err());
    r = CliRunner.run("export", "--input", tmp.resolve("missing.csv").toString(), "--output", tmp.resolve("x.qdpx").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("missing.csv: no such file"), r.err());
    Path notClassified = tmp.resolve("plain.csv");
    Files.writeString(notClassified, "id,comment\n1,hello\n");
    r = CliRunner.run("export", "--input", notClassified.toString(), "--output", tmp.resolve("x.qdpx").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("themes"), r.err());
    Path bad = tmp.resolve("bad.qdc");
    Files.writeString(bad, "not xml");
    r = CliRunner.run("import-codebook", "--input", bad.toString(), "--output", tmp.resolve("o.yaml").toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("bad.qdc") && r.err().contains("well-formed XML"), r.err());
    assertFalse(r.err().contains("\tat "));
    assertFalse(Files.exists(tmp.resolve("x.qdpx")));
  }
}
