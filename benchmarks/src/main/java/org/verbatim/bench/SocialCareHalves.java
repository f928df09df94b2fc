package org.verbatim.bench;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.eval.DocumentTheme;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.eval.PolarityMetrics;
import org.verbatim.eval.PolarityReport;
import org.verbatim.text.RulePipeline;

/**
 * The check of issue 12's third round of cue writing: the social-care development set ({@code socialcare/dev.csv})
 * split by id into two seeded halves (cues are written from half 1's errors only; a change is kept only if half 2
 * gains too), and the NHS coded sets when the data folder is there; micro P / R / F1, macro F1 and polarity accuracy
 * over the themes found, on the {@code FAST} pipeline. Never reads {@code final.csv}; prints no comment text.
 *
 * <p>Run: {@code java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.SocialCareHalves [--codebook FILE.yaml]
 * [--data ../shared/datasets] [--seed 20261205]} (default codebook: the bundled one). Stateless.
 */
public final class SocialCareHalves {

  /** The seed of the split used for codebook 1.3.0. */
  static final long SEED = 20261205L;

  private SocialCareHalves() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("codebook", "data", "seed"), List.of());
    Codebook cb = a.path("codebook").isPresent() ? CodebookLoader.load(a.path("codebook").get()) : DefaultCodebooks.socialCare();
    Path data = a.path("data").orElse(Path.of("../shared/datasets"));
    long seed = Long.parseLong(a.value("seed").orElse(Long.toString(SEED)));
    CodebookClassifier classifier = CodebookClassifier.create(cb, RulePipeline.create());
    List<ZeroShotGold.Row> dev = SocialCareDev.rows();
    List<List<ZeroShotGold.Row>> halves = halves(dev, seed);
    Map<String, List<ZeroShotGold.Row>> sets = new LinkedHashMap<>();
    sets.put("social care dev, half 1", halves.get(0));
    sets.put("social care dev, half 2", halves.get(1));
    sets.put("social care dev, all", dev);
    if (Files.isDirectory(data)) {
      for (String name : ZeroShotGold.BUNDLED) {
        try (InputStream in = SocialCareHalves.class.getResourceAsStream(ZeroShotGold.BUNDLED_DIR + name + ".csv");
             Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
          sets.put("NHS " + name, ZeroShotGold.read(name, r, data));
        }
      }
    }
    System.out.println("codebook " + cb.id() + " " + cb.version() + ", FAST profile, dev split seed " + seed);
    System.out.println("| set | comments | micro P / R / F1 | macro F1 | polarity accuracy (correct/found) |");
    System.out.println("|---|---:|---|---|---|");
    for (Map.Entry<String, List<ZeroShotGold.Row>> e : sets.entrySet()) {
      System.out.println(row(e.getKey(), e.getValue(), classifier));
    }
  }

  /** Dev split in two by id: ids sorted, shuffled with the seed, the first half of them is half 1. */
  static List<List<ZeroShotGold.Row>> halves(List<ZeroShotGold.Row> rows, long seed) {
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.key()));
    Collections.sort(ids);
    Collections.shuffle(ids, new Random(seed));
    Set<String> first = new HashSet<>(ids.subList(0, ids.size() / 2));
    List<ZeroShotGold.Row> one = new ArrayList<>();
    List<ZeroShotGold.Row> two = new ArrayList<>();
    for (ZeroShotGold.Row r : rows) {
      (first.contains(r.key()) ? one : two).add(r);
    }
    return List.of(one, two);
  }

  private static String row(String name, List<ZeroShotGold.Row> rows, CodebookClassifier c) {
    Map<DocumentTheme, Polarity> gold = new HashMap<>();
    Map<DocumentTheme, Polarity> pred = new HashMap<>();
    List<Set<String>> predicted = new ArrayList<>();
    for (ZeroShotGold.Row r : rows) {
      r.polarity().forEach((t, p) -> gold.put(new DocumentTheme(r.key(), t), p));
      Set<String> themes = new HashSet<>();
      for (ThemeTag t : c.classify(r.text()).tags()) {
        themes.add(t.themeId());
        pred.put(new DocumentTheme(r.key(), t.themeId()), t.polarity());
      }
      predicted.add(themes);
    }
    MultiLabelReport m = MultiLabelMetrics.compute(rows.stream().map(ZeroShotGold.Row::labels).toList(), predicted);
    PolarityReport p = PolarityMetrics.compute(gold, pred);
    return String.format(Locale.ROOT, "| %s | %d | %.3f / %.3f / %.3f | %.3f | %.3f (%d/%d) |", name, rows.size(),
        m.microPrecision(), m.microRecall(), m.microF1(), m.macroF1(), p.accuracyFound(), p.correct(), p.foundPairs());
  }
}
