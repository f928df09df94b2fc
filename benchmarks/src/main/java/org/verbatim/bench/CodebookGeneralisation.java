package org.verbatim.bench;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.CuePattern;
import org.verbatim.codebook.Theme;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.text.Token;
import org.verbatim.text.RulePipeline;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.TextPipelines;

/**
 * An experiment of issue 12 kept for reproduction: do lemma cues generalise the default codebook? Compares the
 * codebook's word and prefix cues on the {@code FAST} pipeline, the same cues on {@code FULL}, and a variant whose
 * content words (UPOS in {@code --pos}, default VERB,NOUN,ADJ,ADV, as tagged by the FULL pipeline on the cue's own
 * words) are rewritten as {@code lemma:} elements, on the social-care development set ({@code socialcare/dev.csv})
 * and, when the data folder is there, the NHS coded sets; with comments per CPU second of one thread over all those
 * comments. Prints a Markdown table; reads no comment text into its output.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.CodebookGeneralisation [--data
 * ../shared/datasets] [--pos VERB]}. Stateless.
 */
public final class CodebookGeneralisation {

  private CodebookGeneralisation() {}

  /** Comments with their coded themes. */
  private record Coded(List<String> texts, List<Set<String>> labels) {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("data", "pos"), List.of());
    Path data = a.path("data").orElse(Path.of("../shared/datasets"));
    Set<String> pos = Set.of(a.value("pos").orElse("VERB,NOUN,ADJ,ADV").split(","));
    Map<String, Coded> sets = new LinkedHashMap<>();
    sets.put("social care dev (320)", socialCareDev());
    if (Files.isDirectory(data)) {
      for (String name : ZeroShotGold.BUNDLED) {
        try (InputStream in = CodebookGeneralisation.class.getResourceAsStream(ZeroShotGold.BUNDLED_DIR + name + ".csv");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          List<ZeroShotGold.Row> rows = ZeroShotGold.read(name, r, data);
          sets.put("NHS " + name + " (" + rows.size() + ")",
              new Coded(rows.stream().map(ZeroShotGold.Row::text).toList(), rows.stream().map(ZeroShotGold.Row::labels).toList()));
        }
      }
    }
    Codebook words = DefaultCodebooks.socialCare();
    TextPipeline fast = RulePipeline.create();
    TextPipeline full = TextPipelines.full();
    Codebook lemmas = lemmaVariant(words, full, pos);
    System.out.println("| system | " + String.join(" | ", sets.keySet()) + " | comments per CPU second |");
    System.out.println("|---|" + "---|".repeat(sets.size()) + "---:|");
    row("word and prefix cues, FAST", CodebookClassifier.create(words, fast), sets);
    row("word and prefix cues, FULL", CodebookClassifier.create(words, full), sets);
    row("lemma cues (" + String.join(",", pos) + "), FULL", CodebookClassifier.create(lemmas, full), sets);
    System.out.println("\nCells: micro P / R / F1, macro F1.");
  }

  private static Coded socialCareDev() throws Exception {
    List<ZeroShotGold.Row> rows = SocialCareDev.rows();
    return new Coded(rows.stream().map(ZeroShotGold.Row::text).toList(), rows.stream().map(ZeroShotGold.Row::labels).toList());
  }

  /** The codebook with the content words of its cues as lemma elements (ignore patterns unchanged). */
  static Codebook lemmaVariant(Codebook cb, TextPipeline full, Set<String> pos) {
    List<Theme> themes = new ArrayList<>();
    for (Theme t : cb.themes()) {
      List<Cue> cues = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      for (Cue c : t.cues()) {
        List<CuePattern.Element> els = c.pattern().elements();
        List<String> wordsOfCue = new ArrayList<>();
        for (CuePattern.Element el : els) {
          if (el.kind() == CuePattern.Kind.WORD) {
            wordsOfCue.add(el.value());
          }
        }
        List<Token> tokens = wordsOfCue.isEmpty() ? List.of() : full.analyze(String.join(" ", wordsOfCue)).tokens();
        boolean aligned = tokens.size() == wordsOfCue.size();
        StringBuilder out = new StringBuilder();
        int w = 0;
        for (CuePattern.Element el : els) {
          String piece = switch (el.kind()) {
            case WORD -> el.value();
            case PREFIX -> el.value() + "*";
            case ANY -> "*";
            case GAP -> "...";
            case LEMMA -> "lemma:" + el.value();
          };
          if (el.kind() == CuePattern.Kind.WORD && aligned) {
            Token tk = tokens.get(w++);
            if (tk.pos() != null && pos.contains(tk.pos()) && tk.lemma() != null && !tk.lemma().isBlank()) {
              piece = "lemma:" + tk.lemma();
            }
          }
          out.append(out.length() == 0 ? "" : " ").append(piece);
        }
        if (seen.add(out.toString())) {
          cues.add(new Cue(CuePattern.parse(out.toString()), c.polarity(), c.weight()));
        }
      }
      themes.add(new Theme(t.id(), t.name(), t.definition(), t.includes(), t.excludes(), cues, t.examples(), t.sources()));
    }
    return new Codebook(cb.id(), cb.name(), cb.version(), cb.language(), cb.description(), themes, cb.sources(), cb.ignore());
  }

  private static void row(String name, CodebookClassifier c, Map<String, Coded> sets) {
    StringBuilder sb = new StringBuilder("| " + name + " |");
    List<String> all = new ArrayList<>();
    for (Coded s : sets.values()) {
      List<Set<String>> pred = new ArrayList<>();
      for (String text : s.texts()) {
        Set<String> p = new HashSet<>();
        for (ThemeTag tag : c.classify(text).tags()) {
          p.add(tag.themeId());
        }
        pred.add(p);
      }
      all.addAll(s.texts());
      MultiLabelReport r = MultiLabelMetrics.compute(s.labels(), pred);
      sb.append(String.format(Locale.ROOT, " %.3f / %.3f / %.3f, %.3f |", r.microPrecision(), r.microRecall(), r.microF1(), r.macroF1()));
    }
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int warm = 0; warm < 3; warm++) {
      all.forEach(c::classify);
    }
    long t0 = mx.getCurrentThreadCpuTime();
    int n = 0;
    for (int rep = 0; rep < 5; rep++) {
      for (String text : all) {
        c.classify(text);
        n++;
      }
    }
    sb.append(String.format(Locale.ROOT, " %.0f |", n / ((mx.getCurrentThreadCpuTime() - t0) / 1e9)));
    System.out.println(sb);
  }
}
