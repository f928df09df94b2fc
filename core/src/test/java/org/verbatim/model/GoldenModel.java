package org.verbatim.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.train.LinearThemeClassifier;

/**
 * Regenerates the golden model file and its expected predictions (test scope). From the repository root:
 *
 * <pre>
 * mvn -B -o -pl core test -Dtest=GoldenModelTest -Dverbatim.golden.regenerate=true
 * </pre>
 *
 * (the test then writes {@code core/src/test/resources/model/golden-v1.zip} and
 * {@code golden-v1-expected.txt} before checking them; commit both).
 * Only regenerate when the format version changes on purpose: the point of the golden file is that a model
 * written by an older build still loads and predicts the same.
 */
public final class GoldenModel {

  static final String MODEL = "golden-v1.zip";
  static final String EXPECTED = "golden-v1-expected.txt";

  private GoldenModel() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "core/src/test/resources/model");
    LinearThemeClassifier model = Fixtures.trained();
    Files.createDirectories(dir);
    ModelWriter.write(model, dir.resolve(MODEL));
    Files.write(dir.resolve(EXPECTED), describe(model), StandardCharsets.UTF_8);
    System.out.println("wrote " + dir.resolve(MODEL) + " and " + dir.resolve(EXPECTED));
  }

  /** One line per probe text: tags with score (6 decimals), polarity and evidence spans. */
  static List<String> describe(ThemeClassifier c) {
    List<String> out = new ArrayList<>();
    for (String probe : Fixtures.PROBES) {
      Classification cl = c.classify(probe);
      StringBuilder sb = new StringBuilder();
      for (ThemeTag t : cl.tags()) {
        sb.append(sb.length() == 0 ? "" : " | ").append(t.themeId()).append(' ')
            .append(String.format(Locale.ROOT, "%.6f", t.score())).append(' ').append(t.polarity().id());
        for (Evidence e : t.evidence()) {
          sb.append(" [").append(e.start()).append(',').append(e.end()).append(')');
        }
      }
      out.add(sb.toString());
    }
    return out;
  }
}
