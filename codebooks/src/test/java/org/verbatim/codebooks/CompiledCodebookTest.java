package org.verbatim.codebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.codebook.CuePattern;

class CompiledCodebookTest {

  /** A codebook with every kind of element, cue and field, and text outside ASCII. */
  private static final String EVERYTHING = """
      format: verbatim-codebook/1
      id: test-all
      name: Every feature
      version: 0.0.1
      language: en
      description: "Test codebook: \u00e9t\u00e9, \u2019quotes\u2019 and \uD83D\uDE00"
      sources:
        - {id: s1, citation: "A citation"}
        - {id: s2, citation: "Another one, longer than 256 bytes: %s"}
      themes:
        - id: alpha
          name: Alpha
          definition: The first theme.
          includes: [one, two]
          excludes: [three]
          sources: [s1, s2]
          cues:
            - "listen*"
            - {pattern: "never ... on time", polarity: negative, weight: 1.5}
            - {pattern: "made * welcome", polarity: positive}
            - {pattern: "lemma:listen to", weight: 0.25}
            - {pattern: "did n't care", polarity: negative}
          examples:
            - {text: "They listened.", polarity: positive}
            - {text: "Mixed \u2014 kind but late.", polarity: mixed}
        - id: beta-2
          name: Beta
          definition: The second theme.
          cues: [kind, "follow - up", fair]
      ignore: ["to be fair", "turned * up"]
      """.formatted("x".repeat(300));

  @Test
  void bundledCompiledFormEqualsTheParsedYaml() throws Exception {
    Codebook yaml = CodebookLoader.loadResource(DefaultCodebooks.class, DefaultCodebooks.SOCIAL_CARE_RESOURCE);
    Optional<Codebook> compiled = DefaultCodebooks.loadCompiled(DefaultCodebooks.SOCIAL_CARE_RESOURCE);
    assertTrue(compiled.isPresent(), "the build did not make " + CompiledCodebook.resourceFor(DefaultCodebooks.SOCIAL_CARE_RESOURCE)
        + " from the YAML beside it (mvn process-classes runs CompiledCodebook)");
    assertEquals(yaml, compiled.get());
    assertEquals(yaml, DefaultCodebooks.socialCare());
  }

  @Test
  void roundTripKeepsEveryField() throws Exception {
    byte[] yaml = EVERYTHING.getBytes(StandardCharsets.UTF_8);
    Codebook cb = CodebookLoader.load(new StringReader(EVERYTHING), "everything.yaml");
    assertTrue(cb.needsLemmas());
    assertEquals(CuePattern.Kind.GAP, cb.themes().get(0).cues().get(1).pattern().elements().get(1).kind());
    assertEquals(2, cb.ignore().size());
    Codebook back = CompiledCodebook.read(new ByteArrayInputStream(compile(cb, yaml)), yaml).orElseThrow();
    assertEquals(cb, back);
  }

  @Test
  void staleOrForeignFilesAreNotUsed() throws Exception {
    byte[] yaml = EVERYTHING.getBytes(StandardCharsets.UTF_8);
    Codebook cb = CodebookLoader.load(new StringReader(EVERYTHING), "everything.yaml");
    byte[] compiled = compile(cb, yaml);

    byte[] edited = EVERYTHING.replace("The first theme.", "The 1st theme.").getBytes(StandardCharsets.UTF_8);
    assertEquals(Optional.empty(), CompiledCodebook.read(new ByteArrayInputStream(compiled), edited));
    byte[] sameLength = EVERYTHING.replace("The first theme.", "The FIRST theme.").getBytes(StandardCharsets.UTF_8);
    assertEquals(yaml.length, sameLength.length);
    assertEquals(Optional.empty(), CompiledCodebook.read(new ByteArrayInputStream(compiled), sameLength));

    byte[] otherVersion = compiled.clone();
    otherVersion[7]++;
    assertEquals(Optional.empty(), CompiledCodebook.read(new ByteArrayInputStream(otherVersion), yaml));
    byte[] notOurs = "id,text\n1,hello\n".getBytes(StandardCharsets.UTF_8);
    assertEquals(Optional.empty(), CompiledCodebook.read(new ByteArrayInputStream(notOurs), yaml));

    byte[] truncated = Arrays.copyOf(compiled, compiled.length - 5);
    assertThrows(IOException.class, () -> CompiledCodebook.read(new ByteArrayInputStream(truncated), yaml));
    byte[] trailing = Arrays.copyOf(compiled, compiled.length + 1);
    assertThrows(IOException.class, () -> CompiledCodebook.read(new ByteArrayInputStream(trailing), yaml));
  }

  @Test
  void generatorWritesWhatTheLoaderReads(@TempDir Path dir) throws Exception {
    Path yamlFile = dir.resolve("cb.yaml");
    Files.writeString(yamlFile, EVERYTHING);
    Path out = dir.resolve("sub/cb.vcb");
    CompiledCodebook.main(new String[] {yamlFile.toString(), out.toString()});
    try (InputStream in = Files.newInputStream(out)) {
      Codebook back = CompiledCodebook.read(in, Files.readAllBytes(yamlFile)).orElseThrow();
      assertEquals(CodebookLoader.load(yamlFile), back);
    }
    try (var files = Files.list(dir.resolve("sub"))) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }

  @Test
  void resourceNameIsBesideTheYaml() {
    assertEquals("/org/verbatim/codebooks/social-care.vcb", CompiledCodebook.resourceFor(DefaultCodebooks.SOCIAL_CARE_RESOURCE));
    assertNotNull(DefaultCodebooks.class.getResource(CompiledCodebook.resourceFor(DefaultCodebooks.SOCIAL_CARE_RESOURCE)));
  }

  private static byte[] compile(Codebook cb, byte[] yaml) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompiledCodebook.write(cb, yaml, out);
    return out.toByteArray();
  }
}
