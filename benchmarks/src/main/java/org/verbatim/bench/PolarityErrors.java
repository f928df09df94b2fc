package org.verbatim.bench;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.WordLayer;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.WordLayerTrainer;

/**
 * Where the default layer's polarity goes wrong: each coded social-care set left out in turn (the layer trained on
 * the others with the trainer's defaults), the themes found in both gold and prediction pooled into one confusion
 * matrix of gold against predicted polarity, and per theme the share found with the wrong polarity.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.PolarityErrors [--errors FILE]}. With
 * {@code --errors}, the wrong pairs (set, id, theme, gold, predicted) are written to FILE for reading beside the
 * coded sets; the comment text is not written.
 */
public final class PolarityErrors {

  private PolarityErrors() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("errors"), List.of());
    Map<String, List<ZeroShotGold.Row>> sets = SocialCareDev.coded();
    CodebookClassifier cues = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
    int n = Polarity.values().length;
    long[][] confusion = new long[n][n];
    Map<String, long[]> perTheme = new TreeMap<>();
    List<String> errors = new ArrayList<>();
    Map<String, long[]> kinds = new TreeMap<>();
    for (String h : sets.keySet()) {
      List<LabelledComment> train = new ArrayList<>();
      List<Map<String, Polarity>> polarities = new ArrayList<>();
      sets.forEach((name, rows) -> {
        if (!name.equals(h)) {
          for (ZeroShotGold.Row r : rows) {
            train.add(LabelledComment.of(name + "/" + r.key(), r.text(), r.labels().toArray(String[]::new)));
            polarities.add(r.polarity());
          }
        }
      });
      WordLayer layer = WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS).train(cues, train, polarities);
      CodebookClassifier c = cues.withLayer(layer);
      for (ZeroShotGold.Row r : sets.get(h)) {
        Classification cl = c.classify(r.text());
        Map<String, Polarity> byCues = new java.util.HashMap<>();
        for (ThemeTag t : cues.classify(r.text()).tags()) {
          byCues.put(t.themeId(), t.polarity());
        }
        for (ThemeTag t : cl.tags()) {
          Polarity g = r.polarity().get(t.themeId());
          if (g == null) {
            continue;
          }
          confusion[g.ordinal()][t.polarity().ordinal()]++;
          Polarity rule = byCues.get(t.themeId());
          String kind = rule == null ? "layer tag" : "cue tag";
          long[] kc = kinds.computeIfAbsent(kind, x -> new long[4]);
          kc[0]++;
          kc[1] += g == t.polarity() ? 1 : 0;
          kc[2] += rule == g ? 1 : 0;
          kc[3] += rule != null && rule != t.polarity() ? 1 : 0;
          long[] th = perTheme.computeIfAbsent(t.themeId(), k -> new long[2]);
          th[0]++;
          if (g != t.polarity()) {
            th[1]++;
            errors.add(h + "," + r.key() + "," + t.themeId() + "," + g.id() + "," + t.polarity().id());
          }
        }
      }
    }
    StringBuilder head = new StringBuilder("| gold \\ predicted |");
    for (Polarity p : Polarity.values()) {
      head.append(' ').append(p.id()).append(" |");
    }
    System.out.println(head);
    System.out.println("|---" + "|---".repeat(n) + "|");
    long right = 0;
    long all = 0;
    for (Polarity g : Polarity.values()) {
      StringBuilder row = new StringBuilder("| " + g.id() + " |");
      for (Polarity p : Polarity.values()) {
        long v = confusion[g.ordinal()][p.ordinal()];
        row.append(' ').append(v).append(" |");
        all += v;
        right += g == p ? v : 0;
      }
      System.out.println(row);
    }
    System.out.printf(Locale.ROOT, "pooled polarity over themes found: %d / %d = %.4f%n", right, all,
        (double) right / all);
    kinds.forEach((kind, v) -> System.out.printf(Locale.ROOT,
        "%s: %d found, right %.4f; the cues' own polarity right %.4f; the learned polarity changed %d%n", kind, v[0],
        (double) v[1] / v[0], (double) v[2] / v[0], v[3]));
    perTheme.forEach((t, v) -> System.out.printf(Locale.ROOT, "%-12s found %5d, wrong %4d (%.3f)%n", t, v[0], v[1],
        (double) v[1] / v[0]));
    if (a.value("errors").isPresent()) {
      try (BufferedWriter w = Files.newBufferedWriter(Path.of(a.value("errors", "")), StandardCharsets.UTF_8)) {
        w.write("set,id,theme,gold,predicted\n");
        for (String e : errors) {
          w.write(e);
          w.write('\n');
        }
      }
    }
  }
}
