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
import org.verbatim.classify.LinearThemeClassifier;

/**
 * Regenerates the golden model file and its expected predictions (test scope). From the repository root:
 *
 * <pre>
 * mvn -B -o -pl core test -Dtest=GoldenModelTest -Dverbatim.golden.regenerate=VERSION
 * </pre>
 *
 * (the test then writes {@code core/src/test/resources/model/golden-vVERSION.zip} and
 * {@code golden-vVERSION-expected.txt} before checking them; commit both). Version 1 is the theme model alone,
 * version 2 the same model with a learned polarity model.
 * Only regenerate when the format version changes on purpose: the point of the golden file is that a model
 * written by an older build still loads and predicts the same.
 */
public final class GoldenModel {

  static String model(int version) {
    return "golden-v" + version + ".zip";
  }

  static String expected(int version) {
    return "golden-v" + version + "-expected.txt";
  }

  private GoldenModel() {}

  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args.length > 0 ? args[0] : "core/src/test/resources/model");
    int version = args.length > 1 ? Integer.parseInt(args[1]) : 1;
    LinearThemeClassifier model = switch (version) {
      case 1 -> Fixtures.trained();
      case 2 -> Fixtures.trainedWithPolarity();
      default -> throw new IllegalArgumentException("golden versions are 1 and 2: " + version);
    };
    Files.createDirectories(dir);
    ModelWriter.write(model, dir.resolve(model(version)));
    Files.write(dir.resolve(expected(version)), describe(model), StandardCharsets.UTF_8);
    System.out.println("wrote " + dir.resolve(model(version)) + " and " + dir.resolve(expected(version)));
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
