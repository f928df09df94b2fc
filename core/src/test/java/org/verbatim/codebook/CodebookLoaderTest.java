package org.verbatim.codebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.verbatim.Polarity;

class CodebookLoaderTest {

  /** A valid codebook; the line numbers in the error cases below refer to it. */
  static final String BASE =
      """
      format: verbatim-codebook/1   # required
      id: tiny
      name: Tiny codebook
      version: 0.1.0
      language: en
      description: A codebook for tests.
      sources:
        - id: smith2020
          citation: "Smith, A. (2020). A study. Journal, 1(2), 3-4."
      themes:
        - id: listening
          name: Listening
          definition: Being heard.
          includes: [full attention]
          excludes: [politeness]
          sources: [smith2020]
          cues:
            - listen*
            - {pattern: "fell on deaf ears", polarity: negative, weight: 1.5}
            - pattern: heard
              polarity: positive
          examples:
            - {text: "She really listened.", polarity: positive}
        - id: respect
          name: Respect
          definition: Courtesy.
          cues:
            - rude
      """;

  private static Codebook load(String yaml) throws Exception {
    return CodebookLoader.load(new StringReader(yaml), "cb.yaml");
  }

  private static List<CodebookException.Problem> problems(String yaml) {
    CodebookException e = assertThrows(CodebookException.class, () -> load(yaml));
    assertFalse(e.problems().isEmpty());
    return e.problems();
  }

  /** Replaces exactly one occurrence, failing if the fixture does not contain it. */
  private static String edit(String from, String to) {
    int i = BASE.indexOf(from);
    assertTrue(i >= 0, "fixture lacks: " + from);
    assertEquals(i, BASE.lastIndexOf(from), "fixture has several: " + from);
    return BASE.substring(0, i) + to + BASE.substring(i + from.length());
  }

  @Test
  void validCodebookRoundTripsIntoRecords() throws Exception {
    Codebook cb = load(BASE);
    assertEquals("tiny", cb.id());
    assertEquals("Tiny codebook", cb.name());
    assertEquals("0.1.0", cb.version());
    assertEquals("en", cb.language());
    assertEquals("A codebook for tests.", cb.description());
    assertEquals(List.of(new Source("smith2020", "Smith, A. (2020). A study. Journal, 1(2), 3-4.")), cb.sources());
    assertEquals(List.of("listening", "respect"), cb.themeIds());

    Theme listening = cb.theme("listening").orElseThrow();
    assertEquals("Listening", listening.name());
    assertEquals("Being heard.", listening.definition());
    assertEquals(List.of("full attention"), listening.includes());
    assertEquals(List.of("politeness"), listening.excludes());
    assertEquals(List.of("smith2020"), listening.sources());
    assertEquals(List.of(new Example("She really listened.", Polarity.POSITIVE)), listening.examples());

    List<Cue> cues = listening.cues();
    assertEquals(3, cues.size());
    assertEquals("listen*", cues.get(0).pattern().source());
    assertEquals(CuePattern.Kind.PREFIX, cues.get(0).pattern().elements().get(0).kind());
    assertNull(cues.get(0).polarity());
    assertEquals(1.0, cues.get(0).weight());
    assertEquals("fell on deaf ears", cues.get(1).pattern().source());
    assertEquals(4, cues.get(1).pattern().elements().size());
    assertEquals(Polarity.NEGATIVE, cues.get(1).polarity());
    assertEquals(1.5, cues.get(1).weight());
    assertEquals(Polarity.POSITIVE, cues.get(2).polarity());
    assertEquals(1.0, cues.get(2).weight());

    Theme respect = cb.theme("respect").orElseThrow();
    assertTrue(respect.includes().isEmpty());
    assertTrue(respect.examples().isEmpty());
    assertTrue(respect.sources().isEmpty());
    assertFalse(cb.needsLemmas());
  }

  @Test
  void optionalTopLevelKeysMayBeLeftOut() throws Exception {
    String yaml = BASE.replace("description: A codebook for tests.\n", "");
    Codebook cb = load(yaml.replace("    sources: [smith2020]\n", "").replace(
        "sources:\n  - id: smith2020\n    citation: \"Smith, A. (2020). A study. Journal, 1(2), 3-4.\"\n", ""));
    assertEquals("", cb.description());
    assertTrue(cb.sources().isEmpty());
  }

  @Test
  void theExampleInTheFormatDocumentationLoads() throws Exception {
    // Surefire runs in the module directory; the docs live at the repository root.
    String doc = Files.readString(Path.of("..", "docs", "codebook-format.md"), StandardCharsets.UTF_8);
    int start = doc.indexOf("```yaml\n");
    int end = doc.indexOf("```", start + 8);
    assertTrue(start >= 0 && end > start, "no yaml block in docs/codebook-format.md");
    Codebook cb = load(doc.substring(start + 8, end));
    assertEquals(List.of("listening", "reliability"), cb.themeIds());
    Theme listening = cb.theme("listening").orElseThrow();
    assertEquals(4, listening.cues().size());
    assertEquals(Polarity.POSITIVE, listening.cues().get(3).polarity());
    assertEquals(CuePattern.Kind.GAP, listening.cues().get(3).pattern().elements().get(1).kind());
  }

  @Test
  void hyphensWrittenAsTokensAreAccepted() throws Exception {
    Codebook cb = load(edit("- rude", "- \"two - faced\"\n      - \"well ... prepared\""));
    List<CuePattern.Element> els = cb.theme("respect").orElseThrow().cues().get(0).pattern().elements();
    assertEquals(List.of("two", "-", "faced"), els.stream().map(CuePattern.Element::value).toList());
  }

  @Test
  void ignorePatternsAreParsedAndChecked() throws Exception {
    Codebook cb = load(BASE + "ignore:\n  - to be fair\n  - \"my late ... husband\"\n");
    assertEquals(List.of("to be fair", "my late ... husband"), cb.ignore().stream().map(CuePattern::source).toList());
    assertTrue(load(BASE).ignore().isEmpty());
    List<CodebookException.Problem> p = problems(BASE + "ignore:\n  - to be fair\n  - \"... fair\"\n  - wasnt fair\n"
        + "  - {pattern: x}\n  - To be fair\n");
    assertEquals(List.of("ignore[1]", "ignore[2]", "ignore[3]", "ignore[4]"),
        p.stream().map(CodebookException.Problem::field).toList());
    assertTrue(p.get(3).message().contains("duplicate ignore pattern"), p.get(3).message());
  }

  @Test
  void lemmaCuesAreKeptAndFlagged() throws Exception {
    Codebook cb = load(edit("- rude\n", "- lemma:shout at\n"));
    assertTrue(cb.needsLemmas());
  }

  @Test
  void loadsFromFileAndNamesTheFileInProblems(@TempDir Path dir) throws Exception {
    Path ok = dir.resolve("ok.yaml");
    Files.writeString(ok, BASE, StandardCharsets.UTF_8);
    assertEquals("tiny", CodebookLoader.load(ok).id());

    Path bad = dir.resolve("bad.yaml");
    Files.writeString(bad, edit("weight: 1.5", "weight: lots"), StandardCharsets.UTF_8);
    CodebookException e = assertThrows(CodebookException.class, () -> CodebookLoader.load(bad));
    assertTrue(e.getMessage().contains(bad.toString() + ":19: themes[0].cues[1].weight: "), e.getMessage());
  }

  @Test
  void byteOrderMarkIsIgnored(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("bom.yaml");
    Files.writeString(f, "\uFEFF" + BASE, StandardCharsets.UTF_8);
    assertEquals("tiny", CodebookLoader.load(f).id());
  }

  @Test
  void missingFileAndMissingResourceAreIoErrors(@TempDir Path dir) {
    assertThrows(NoSuchFileException.class, () -> CodebookLoader.load(dir.resolve("nope.yaml")));
    NoSuchFileException e =
        assertThrows(NoSuchFileException.class, () -> CodebookLoader.loadResource(CodebookLoaderTest.class, "/no/such/codebook.yaml"));
    assertTrue(e.getMessage().contains("/no/such/codebook.yaml"));
  }

  @Test
  void invalidUtf8IsACodebookProblem(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("latin1.yaml");
    byte[] head = "format: verbatim-codebook/1\nid: x\nname: caf".getBytes(StandardCharsets.US_ASCII);
    byte[] all = new byte[head.length + 2];
    System.arraycopy(head, 0, all, 0, head.length);
    all[head.length] = (byte) 0xE9; // 'é' in Latin-1, invalid in UTF-8
    all[head.length + 1] = '\n';
    Files.write(f, all);
    CodebookException e = assertThrows(CodebookException.class, () -> CodebookLoader.load(f));
    assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
  }

  @Test
  void oversizedInputIsRefusedBeforeParsing(@TempDir Path dir) throws IOException {
    String big = "# " + "x".repeat(CodebookLoader.MAX_CHARS) + "\n" + BASE;
    CodebookException e = assertThrows(CodebookException.class, () -> load(big));
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
    Path f = dir.resolve("big.yaml");
    Files.writeString(f, big, StandardCharsets.UTF_8);
    CodebookException fromFile = assertThrows(CodebookException.class, () -> CodebookLoader.load(f));
    assertTrue(fromFile.getMessage().contains(f.toString()) && fromFile.getMessage().contains("too large"));
  }

  @Test
  void aliasBombIsRefused() {
    StringBuilder sb = new StringBuilder(BASE).append("x0: &a0 [w, w, w, w, w, w, w, w, w]\n");
    for (int i = 1; i < 10; i++) {
      sb.append("x").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        sb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      sb.append("]\n");
    }
    List<CodebookException.Problem> ps = problems(sb.toString());
    assertEquals(1, ps.size(), ps.toString());
    assertTrue(ps.get(0).message().contains("aliases"), ps.toString());
  }

  @Test
  void emptyFileAndNonMappingRoot() {
    CodebookException.Problem empty = problems("# only a comment\n").get(0);
    assertEquals(1, empty.line());
    assertTrue(empty.message().contains("empty"));
    CodebookException.Problem list = problems("- a\n- b\n").get(0);
    assertTrue(list.message().contains("expected a mapping"), list.message());
  }

  static Stream<Arguments> singleErrors() {
    return Stream.of(
        Arguments.of("missing top-level key", edit("version: 0.1.0\n", ""), 1, "version", "missing required key 'version'"),
        Arguments.of("unknown top-level key", edit("description:", "descripton:"), 6, "descripton",
            "unknown key 'descripton' (did you mean 'description'?); allowed keys: format, id, name, version, language, description, sources, themes"),
        Arguments.of("wrong format", edit("verbatim-codebook/1", "verbatim-codebook/2"), 1, "format", "expected exactly 'verbatim-codebook/1'"),
        Arguments.of("bad language", edit("language: en", "language: English"), 5, "language", "two-letter ISO 639-1"),
        Arguments.of("themes not a list", BASE.substring(0, BASE.indexOf("themes:")) + "themes: listening\n", 10, "themes", "expected a list"),
        Arguments.of("name not text", edit("name: Respect", "name: [Respect]"), 25, "themes[1].name", "expected text, got a list"),
        Arguments.of("empty theme name", edit("name: Respect", "name: \"  \""), 25, "themes[1].name", "is empty"),
        Arguments.of("theme not a mapping", edit("  - id: respect\n    name: Respect\n    definition: Courtesy.\n    cues:\n      - rude\n", "  - respect\n"),
            24, "themes[1]", "expected a mapping"),
        Arguments.of("missing theme key", edit("    definition: Courtesy.\n", ""), 24, "themes[1].definition", "missing required key 'definition' in themes[1]"),
        Arguments.of("unknown theme key", edit("    excludes: [politeness]", "    exclude: [politeness]"), 15, "themes[0].exclude",
            "unknown key 'exclude' (did you mean 'excludes'?); allowed keys: id, name, definition, includes, excludes, sources, cues, examples"),
        Arguments.of("duplicate theme id", edit("id: respect", "id: listening"), 24, "themes[1].id", "duplicate theme id 'listening' (first defined at line 11)"),
        Arguments.of("bad theme id", edit("id: respect", "id: Being Respected"), 24, "themes[1].id", "theme id must match"),
        Arguments.of("duplicate source id", edit("themes:\n", "  - {id: smith2020, citation: Other}\nthemes:\n"), 10, "sources[1].id",
            "duplicate source id 'smith2020' (first defined at line 8)"),
        Arguments.of("missing citation", edit("    citation: \"Smith, A. (2020). A study. Journal, 1(2), 3-4.\"\n", ""), 8, "sources[0].citation",
            "missing required key 'citation'"),
        Arguments.of("unknown source cited", edit("sources: [smith2020]", "sources: [smith2020, jones2021]"), 16, "themes[0].sources[1]",
            "cites unknown source 'jones2021'; known source ids: smith2020"),
        Arguments.of("empty cue list", edit("    cues:\n      - rude\n", "    cues: []\n"), 27, "themes[1].cues", "the cue list is empty"),
        Arguments.of("missing cues", edit("    cues:\n      - rude\n", ""), 24, "themes[1].cues", "missing required key 'cues'"),
        Arguments.of("blank cue pattern", edit("- rude", "- \"   \""), 28, "themes[1].cues[0]", "cue pattern is empty"),
        Arguments.of("blank long-form pattern", edit("pattern: heard", "pattern: \"\""), 20, "themes[0].cues[2].pattern", "cue pattern is empty"),
        Arguments.of("malformed pattern", edit("- rude", "- \"... rude\""), 28, "themes[1].cues[0]", "must not start with '...'"),
        Arguments.of("malformed long-form pattern", edit("fell on deaf ears", "fell on * ..."), 19, "themes[0].cues[1].pattern", "must not end with '...'"),
        Arguments.of("short prefix", edit("- rude", "- r*"), 28, "themes[1].cues[0]", "at least two characters"),
        Arguments.of("contraction that never matches", edit("- rude", "- \"didn't listen\""), 28, "themes[1].cues[0]",
            "'didn't' can never match"),
        Arguments.of("typographic contraction", edit("- rude", "- \"they didn\u2019t listen\""), 28, "themes[1].cues[0]",
            "'didn't' can never match"),
        Arguments.of("hyphenated word", edit("- rude", "- two-faced"), 28, "themes[1].cues[0]",
            "'two-faced' can never match: hyphens are tokens of their own, so put spaces around them ('two - faced')"),
        Arguments.of("hyphenated prefix", edit("- rude", "- non-judg*"), 28, "themes[1].cues[0]", "('non - judg')"),
        Arguments.of("apostrophe-less contraction", edit("- rude", "- \"wouldnt listen\""), 28, "themes[1].cues[0]",
            "'wouldnt' can never match"),
        Arguments.of("bad cue polarity", edit("polarity: negative", "polarity: bad"), 19, "themes[0].cues[1].polarity",
            "must be 'positive' or 'negative'"),
        Arguments.of("weight not a number", edit("weight: 1.5", "weight: heavy"), 19, "themes[0].cues[1].weight", "weight must be a number"),
        Arguments.of("quoted weight", edit("weight: 1.5", "weight: \"1.5\""), 19, "themes[0].cues[1].weight", "weight must be a number"),
        Arguments.of("zero weight", edit("weight: 1.5", "weight: 0"), 19, "themes[0].cues[1].weight", "greater than 0 and at most 10"),
        Arguments.of("weight too large", edit("weight: 1.5", "weight: 10.5"), 19, "themes[0].cues[1].weight", "greater than 0 and at most 10"),
        Arguments.of("unknown cue key", edit("polarity: negative,", "polarity: negative, weigth: 2,"), 19, "themes[0].cues[1].weigth",
            "unknown key 'weigth' (did you mean 'weight'?); allowed keys: pattern, polarity, weight"),
        Arguments.of("cue of wrong type", edit("- rude", "- [rude, impolite]"), 28, "themes[1].cues[0]", "expected a cue pattern"),
        Arguments.of("duplicate cue after normalising", edit("- pattern: heard", "- pattern: \"  LISTEN* \""), 20, "themes[0].cues[2].pattern",
            "duplicate cue pattern 'LISTEN*' in this theme (same as themes[0].cues[0] at line 18)"),
        Arguments.of("duplicate cue typographic apostrophe", edit("- rude", "- \"mum's view\"\n      - \"mum\u2019s  view\""), 29, "themes[1].cues[1]",
            "duplicate cue pattern"),
        Arguments.of("bad example polarity", edit("polarity: positive}", "polarity: good}"), 23, "themes[0].examples[0].polarity",
            "one of positive, negative, mixed, neutral"),
        Arguments.of("example without polarity", edit(", polarity: positive}", "}"), 23, "themes[0].examples[0].polarity", "missing required key 'polarity'"),
        Arguments.of("duplicate key", edit("    name: Respect\n", "    name: Respect\n    name: Regard\n"), 26, "themes[1].name",
            "duplicate key 'name' (first at line 25)"),
        Arguments.of("yaml syntax error", edit("    definition: Courtesy.", "    definition: Courtesy: [unclosed"), 26, "", "YAML syntax error"),
        Arguments.of("tab indentation", edit("    name: Respect", "\tname: Respect"), 25, "", "YAML syntax error"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleErrors")
  void eachErrorNamesLineFieldAndExpectation(String label, String yaml, int line, String field, String message) {
    List<CodebookException.Problem> ps = problems(yaml);
    assertEquals(1, ps.size(), label + ": " + ps);
    CodebookException.Problem p = ps.get(0);
    assertEquals("cb.yaml", p.file());
    assertEquals(line, p.line(), label + ": " + p);
    assertEquals(field, p.field(), label + ": " + p);
    assertTrue(p.message().contains(message), label + ": " + p);
    CodebookException e = assertThrows(CodebookException.class, () -> load(yaml));
    assertTrue(e.getMessage().contains("cb.yaml:" + line + ": "), e.getMessage());
  }

  @Test
  void allProblemsAreReportedInFileOrder() {
    String yaml =
        BASE.replace("version: 0.1.0\n", "")
            .replace("sources: [smith2020]", "sources: [nobody]")
            .replace("weight: 1.5", "weight: -1")
            .replace("id: respect", "id: listening")
            .replace("- rude", "- \"\"");
    List<CodebookException.Problem> ps = problems(yaml);
    assertEquals(
        List.of("version", "themes[0].sources[0]", "themes[0].cues[1].weight", "themes[1].id", "themes[1].cues[0]"),
        ps.stream().map(CodebookException.Problem::field).toList(),
        ps.toString());
    for (int i = 1; i < ps.size(); i++) {
      assertTrue(ps.get(i - 1).line() <= ps.get(i).line(), ps.toString());
    }
    CodebookException e = assertThrows(CodebookException.class, () -> load(yaml));
    assertTrue(e.getMessage().startsWith("invalid codebook (5 problems):"), e.getMessage());
  }

  @Test
  void problemsNeverQuoteExampleText() {
    String yaml = edit("polarity: positive}", "polarity: 3}").replace("She really listened.", "SECRET-COMMENT-TEXT");
    CodebookException e = assertThrows(CodebookException.class, () -> load(yaml));
    assertFalse(e.getMessage().contains("SECRET-COMMENT-TEXT"), e.getMessage());
  }

  @Test
  void javaTagsAreNeverConstructed() {
    String yaml = edit("name: Respect", "name: !!javax.script.ScriptEngineManager [!!java.net.URLClassLoader [[!!java.net.URL [\"http://x\"]]]]");
    List<CodebookException.Problem> ps = problems(yaml);
    assertEquals(1, ps.size(), ps.toString());
    assertEquals(25, ps.get(0).line(), ps.toString());
    assertTrue(ps.get(0).message().contains("tag is not allowed"), ps.toString());
  }

  @Property(tries = 300, seed = "20261205")
  void arbitraryTextEitherLoadsOrGivesCodebookException(@ForAll String text) throws IOException {
    try {
      load(text);
    } catch (CodebookException e) {
      assertFalse(e.problems().isEmpty());
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Property(tries = 200, seed = "20261205")
  void arbitraryCuePatternsEitherLoadOrNameTheirLine(@ForAll String pattern) throws Exception {
    String quoted = "\"" + pattern.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    String yaml = BASE.replace("- rude", "- " + quoted);
    try {
      load(yaml);
    } catch (CodebookException e) {
      assertTrue(e.problems().stream().allMatch(p -> p.line() > 0), e.getMessage());
    }
  }
}
