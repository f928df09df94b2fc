package org.verbatim.bench;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.text.RulePipeline;

/**
 * Writes the zero-shot golden file that core's {@code CodebookGoldenTest} checks: for each text of the given CSV
 * files (a {@code text} or {@code comment} column) and two deterministic mutations of it, the tags the codebook
 * classifier gives, as JSON lines {@code {"text": ..., "tags": ...}} with non-ASCII characters escaped.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.ZeroShotGoldenFile --codebook
 * core/src/test/resources/org/verbatim/classify/golden/social-care-2026-11-26.yaml --out golden.jsonl
 * --inputs A.csv,B.csv}. Only for an intended change of behaviour (see the golden folder's README).
 */
public final class ZeroShotGoldenFile {

  private ZeroShotGoldenFile() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("codebook", "out", "inputs"), List.of());
    ThemeClassifier c = CodebookClassifier.create(
        CodebookLoader.load(a.path("codebook").orElseThrow(() -> new IllegalArgumentException("--codebook FILE is required"))),
        RulePipeline.create());
    Path out = a.path("out").orElseThrow(() -> new IllegalArgumentException("--out FILE is required"));
    ObjectMapper json = new ObjectMapper();
    json.getFactory().enable(JsonGenerator.Feature.ESCAPE_NON_ASCII);
    Random rnd = new Random(7);
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      for (String file : a.value("inputs").orElseThrow(() -> new IllegalArgumentException("--inputs A.csv,B.csv is required")).split(",")) {
        try (FeedbackReader r = FeedbackReader.open(Path.of(file))) {
          int col = r.header().contains("text") ? r.header().indexOf("text") : r.header().indexOf("comment");
          for (FeedbackRecord rec; (rec = r.next()) != null; ) {
            String text = rec.values().get(col);
            List<String> mutations = mutations(text, rnd);
            for (String t : List.of(text, mutations.get(rnd.nextInt(mutations.size())), mutations.get(3))) {
              ObjectNode n = json.createObjectNode();
              n.put("text", t);
              n.put("tags", render(c.classify(t)));
              w.write(json.writeValueAsString(n));
              w.newLine();
            }
          }
        }
      }
    }
  }

  /** The tags as one line: {@code themeId:score:polarity:start-end,... } per tag. */
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

  /** Deterministic variants of a text that stress the tokenizer and the normaliser. */
  static List<String> mutations(String t, Random r) {
    List<String> out = new ArrayList<>();
    out.add(t.toUpperCase(Locale.ROOT));
    out.add(t.replace('\'', '\u2019').replace("\"", "\u201C"));
    out.add(t.replace(" ", "").length() > 0 ? t.replace(". ", ".").replace(", ", ",") : t);
    StringBuilder sb = new StringBuilder(t);
    String inserts = "\u0130\u0131\u00DF\uFB01\u00E9\u0301\uD83D\uDE00\u200D\uD83D\uDC4D\u00A0\t\n\r\u2026\u2013\u2014-()[]:;!?\"'`\u00B4\uD800x";
    for (int k = 0; k < 4 && sb.length() > 0; k++) {
      int p = r.nextInt(sb.length() + 1);
      int q = r.nextInt(inserts.length());
      sb.insert(p, inserts.charAt(q));
    }
    out.add(sb.toString());
    String[] words = t.split(" ");
    if (words.length > 3) {
      List<String> l = new ArrayList<>(Arrays.asList(words));
      Collections.shuffle(l, r);
      out.add(String.join(" ", l));
    }
    out.add(t.replace("'", "").toLowerCase(Locale.ROOT));
    return out;
  }
}
