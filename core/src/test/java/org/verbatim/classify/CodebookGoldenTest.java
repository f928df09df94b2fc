package org.verbatim.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.Profile;

/** The lean analysis path gives exactly the tags of the object-per-token pipeline it replaced (see golden/README.md). */
class CodebookGoldenTest {

  private static final String DIR = "/org/verbatim/classify/golden/";

  @Test
  void tagsScoresPolarityAndEvidenceAreUnchanged() throws Exception {
    Codebook codebook = CodebookLoader.loadResource(CodebookGoldenTest.class, DIR + "social-care-2026-11-26.yaml");
    CodebookClassifier classifier = CodebookClassifier.create(codebook, RulePipeline.create());
    ObjectMapper json = new ObjectMapper();
    List<String> differences = new ArrayList<>();
    int lines = 0;
    int tagged = 0;
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream(DIR + "zero-shot-golden.jsonl")), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        String text = n.get("text").asText();
        String expected = n.get("tags").asText();
        String actual = render(classifier.classify(text));
        lines++;
        tagged += expected.isEmpty() ? 0 : 1;
        if (!expected.equals(actual)) {
          differences.add("line " + lines + ": expected [" + expected + "] got [" + actual + "]");
        }
      }
    }
    assertEquals(1752, lines, "fixture lines");
    assertTrue(tagged > 800, "most fixture texts have tags: " + tagged);
    assertEquals(List.of(), differences.subList(0, Math.min(10, differences.size())), differences.size() + " differences");
  }

  static String render(Classification c) {
    StringBuilder sb = new StringBuilder();
    for (ThemeTag t : c.tags()) {
      sb.append(t.themeId()).append(':').append(t.score()).append(':').append(t.polarity().id()).append(':');
      for (Evidence e : t.evidence()) {
        sb.append(e.start()).append('-').append(e.end()).append(',');
      }
      sb.append(' ');
    }
    return sb.toString();
  }
}
