package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.text.RulePipeline;

class CueMiningTest {

  private static final String YAML = String.join("\n",
      "format: verbatim-codebook/1",
      "id: tiny",
      "name: Tiny codebook",
      "version: 0.1.0",
      "language: en",
      "description: A codebook for tests.",
      "sources:",
      "  - id: own",
      "    citation: Written for this test.",
      "themes:",
      "  - id: listening",
      "    name: Listening",
      "    definition: Being heard.",
      "    sources: [own]",
      "    cues:",
      "      - listen*",
      "  - id: reliability",
      "    name: Reliability",
      "    definition: Turning up.",
      "    sources: [own]",
      "    cues:",
      "      - {pattern: \"on time\", polarity: positive}",
      "");

  private static ZeroShotGold.Row row(String id, String text, String theme, Polarity p) {
    return theme == null ? new ZeroShotGold.Row(id, text, Set.of(), Map.of())
        : new ZeroShotGold.Row(id, text, Set.of(theme), Map.of(theme, p));
  }

  /** Two small "sets": "dismissed" marks listening complaints the codebook misses; "Mum" and "Gareth" are noise. */
  private static List<List<ZeroShotGold.Row>> sets() {
    List<ZeroShotGold.Row> one = new ArrayList<>();
    List<ZeroShotGold.Row> two = new ArrayList<>();
    one.add(row("a1", "My concerns were dismissed by Gareth again.", "listening", Polarity.NEGATIVE));
    one.add(row("a2", "Mum felt dismissed at every meeting.", "listening", Polarity.NEGATIVE));
    one.add(row("a3", "Gareth came to see Mum on Tuesday.", null, null));
    one.add(row("a4", "They arrived on time and Mum was happy.", "reliability", Polarity.POSITIVE));
    two.add(row("b1", "We were dismissed out of hand by Gareth.", "listening", Polarity.NEGATIVE));
    two.add(row("b2", "Gareth said Mum would get a new chair.", null, null));
    two.add(row("b3", "Being dismissed like that hurt.", "listening", Polarity.NEGATIVE));
    two.add(row("b4", "Mum dismissed the idea of a day centre herself.", null, null));
    return List.of(one, two);
  }

  @Test
  void proposesThePredictiveWordAndNotNamesSettingWordsOrCodebookHits() throws Exception {
    Codebook cb = CodebookLoader.load(new StringReader(YAML), "tiny");
    RulePipeline pipeline = RulePipeline.create();
    CodebookClassifier c = CodebookClassifier.create(cb, pipeline);
    List<CueMining.Mined> cues = CueMining.mine(sets(), cb, c, pipeline, new CueMining.Settings(3, 0.7, 2, 1, 0));
    List<String> patterns = cues.stream().map(m -> m.theme() + " " + m.pattern()).toList();
    // "dismissed" occurs in five comments, four coded listening (0.8), in both sets: a cue; its family
    // "dismiss*" covers the same comments and comes first, so the word itself is pruned
    assertTrue(patterns.contains("listening dismiss*"), patterns.toString());
    assertFalse(patterns.contains("listening dismissed"), patterns.toString());
    CueMining.Mined d = cues.stream().filter(m -> m.pattern().equals("dismiss*")).findFirst().orElseThrow();
    assertEquals(4, d.gain());
    assertEquals(1, d.falseHits());
    assertEquals(Polarity.NEGATIVE, d.polarity());
    // a name (capitalised inside sentences) and a setting word are never cues, and a theme the codebook already
    // finds ("on time") gives no gain
    assertTrue(patterns.stream().noneMatch(p -> p.contains("gareth") || p.endsWith(" mum")), patterns.toString());
    assertTrue(patterns.stream().noneMatch(p -> p.startsWith("reliability")), patterns.toString());
    // a higher precision bar drops it; so does asking for three sets
    assertTrue(CueMining.mine(sets(), cb, c, pipeline, new CueMining.Settings(3, 0.9, 2, 1, 0)).isEmpty());
    assertTrue(CueMining.mine(sets(), cb, c, pipeline, new CueMining.Settings(3, 0.7, 3, 1, 0)).isEmpty());
    // the Wilson bound at z = 1 is below the observed 0.8 for five comments
    assertTrue(CueMining.mine(sets(), cb, c, pipeline, new CueMining.Settings(3, 0.7, 2, 1, 1)).isEmpty());
  }

  @Test
  void addedCuesLoadAndTag() throws Exception {
    Codebook cb = CodebookLoader.load(new StringReader(YAML), "tiny");
    RulePipeline pipeline = RulePipeline.create();
    CodebookClassifier before = CodebookClassifier.create(cb, pipeline);
    assertTrue(before.classify("She dismissed what I said.").tags().isEmpty());
    String yaml = CueMining.withCues(YAML, List.of(new CueMining.Mined("listening", "dismiss*", Polarity.NEGATIVE, 1,
        4, 1, 2)), "mined in a test");
    assertTrue(yaml.contains("      # mined in a test\n      - {pattern: \"dismiss*\", polarity: negative}\n"), yaml);
    CodebookClassifier after = CodebookClassifier.create(CodebookLoader.load(new StringReader(yaml), "mined"),
        pipeline);
    List<ThemeTag> tags = after.classify("She dismissed what I said.").tags();
    assertEquals(1, tags.size());
    assertEquals("listening", tags.get(0).themeId());
    assertEquals(Polarity.NEGATIVE, tags.get(0).polarity());
    assertThrows(IllegalArgumentException.class, () -> CueMining.withCues(YAML,
        List.of(new CueMining.Mined("empathy", "kind", null, 1, 3, 0, 2)), "x"));
  }

  @Test
  void reviewKeepsDropsNarrowsAndNamesBadLines(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("review.tsv");
    Files.writeString(f, "theme\tpattern\tdecision\treason\n"
        + "listening\tdismiss*\tkeep-no-polarity\tx\n"
        + "support\tgrate*\tnarrow:grateful\tx\n"
        + "support\tward\tdrop\tx\n"
        + "support\thelp\tweaken\tx\n", StandardCharsets.UTF_8);
    Map<String, String[]> review = CueMining.readReview(f);
    List<CueMining.Mined> out = CueMining.reviewed(List.of(
        new CueMining.Mined("listening", "dismiss*", Polarity.NEGATIVE, 1, 4, 1, 2),
        new CueMining.Mined("support", "grate*", Polarity.POSITIVE, 1, 3, 0, 2),
        new CueMining.Mined("support", "ward", null, 1, 6, 3, 3),
        new CueMining.Mined("support", "help", Polarity.POSITIVE, 1, 9, 8, 4),
        new CueMining.Mined("support", "unreviewed", null, 1, 6, 3, 3)), review);
    assertEquals(3, out.size());
    assertEquals("dismiss*", out.get(0).pattern());
    assertEquals(null, out.get(0).polarity());
    assertEquals("grateful", out.get(1).pattern());
    assertEquals(Polarity.POSITIVE, out.get(1).polarity());
    assertEquals("help", out.get(2).pattern());
    assertEquals(0.5, out.get(2).weight());
    assertEquals(null, out.get(2).polarity());
    Files.writeString(f, "theme\tpattern\tdecision\treason\nsupport\tward\tmaybe\tx\n", StandardCharsets.UTF_8);
    IOException e = assertThrows(IOException.class, () -> CueMining.readReview(f));
    assertTrue(e.getMessage().contains("line 2") && e.getMessage().contains("decision"), e.getMessage());
  }

  @Test
  void familiesAndContainment() {
    assertEquals("decid", CueMining.stem("deciding"));
    assertEquals("decid", CueMining.stem("decided"));
    assertEquals("listen", CueMining.stem("listens"));
    assertEquals("rude", CueMining.stem("rude"));
    assertTrue(CueMining.contains("not listened", "listen*"));
    assertTrue(CueMining.contains("serious*", "seriou*"));
    assertTrue(CueMining.contains("kept saying", "saying"));
    assertFalse(CueMining.contains("kept saying", "say"));
    assertFalse(CueMining.contains("decid*", "decid*"));
  }
}
