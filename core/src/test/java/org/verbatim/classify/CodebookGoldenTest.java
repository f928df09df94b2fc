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

  /**
   * A layer's words become entries of the classifier's vocabulary, and its word beginnings prefix entries: with a
   * layer that knows every word of the fixture and every four-letter beginning, and never tags (weights 0, bias -30),
   * every text's tags are still the golden ones, so new word entries match cues and carry sentiment as the prefix
   * entries they used to resolve to did, and tokens that now resolve to a layer's prefix still match as before.
   */
  @Test
  void aLayerOfEveryWordChangesNoCueTag() throws Exception {
    Codebook codebook = CodebookLoader.loadResource(CodebookGoldenTest.class, DIR + "social-care-2026-11-26.yaml");
    CodebookClassifier cues = CodebookClassifier.create(codebook, RulePipeline.create());
    ObjectMapper json = new ObjectMapper();
    List<String[]> fixture = new ArrayList<>();
    java.util.TreeSet<String> words = new java.util.TreeSet<>();
    org.verbatim.text.Analysis a = new org.verbatim.text.Analysis();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream(DIR + "zero-shot-golden.jsonl")), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        JsonNode n = json.readTree(line);
        String text = n.get("text").asText();
        fixture.add(new String[] {text, n.get("tags").asText()});
        cues.pipeline().analyze(text, cues.vocabulary(), a);
        for (int i = 0; i < a.size(); i++) {
          if (!a.isPunctuation(i)) {
            String norm = a.norm(i);
            words.add(norm);
            if (norm.length() >= 4 && norm.indexOf('*') < 0) {
              words.add(norm.substring(0, 4) + "*"); // a word beginning: a prefix entry of the vocabulary
            }
          }
        }
      }
    }
    int nt = codebook.themes().size();
    float[] bias = new float[nt];
    java.util.Arrays.fill(bias, -30f);
    WordLayer silent = new WordLayer(codebook.themeIds(), 0.5, bias, new float[nt * nt], List.copyOf(words),
        new float[words.size() * nt], 0f, new float[words.size()]);
    CodebookClassifier layered = cues.withLayer(silent);
    assertTrue(layered.vocabulary().size() > cues.vocabulary().size() + 1000, "the words became entries");
    assertTrue(silent.vocabularyPrefixes().size() > 500, "and the beginnings prefix entries");
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < fixture.size(); i++) {
      String actual = render(layered.classify(fixture.get(i)[0]));
      if (!fixture.get(i)[1].equals(actual)) {
        differences.add("line " + (i + 1) + ": expected [" + fixture.get(i)[1] + "] got [" + actual + "]");
      }
    }
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
