package org.verbatim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verbatim.classify.LinearThemeClassifier;

/**
 * The golden model (written by an earlier build, see {@link GoldenModel} for how to regenerate it) must load
 * and predict exactly what it predicted when it was written.
 */
class GoldenModelTest {

  private static Path resource(String name) throws Exception {
    return Path.of(GoldenModelTest.class.getResource("/model/" + name).toURI());
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2})
  void goldenModelStillLoadsAndPredictsTheSame(int version) throws Exception {
    String regenerate = System.getProperty("verbatim.golden.regenerate", "");
    if (regenerate.equals(Integer.toString(version))) {
      // surefire runs in the module directory; see GoldenModel for when to do this
      GoldenModel.main(new String[] {"src/test/resources/model", Integer.toString(version)});
      Path written = Path.of("src/test/resources/model");
      assertEquals(GoldenModel.describe(ModelLoader.load(written.resolve(GoldenModel.model(version)))),
          Files.readAllLines(written.resolve(GoldenModel.expected(version)), StandardCharsets.UTF_8));
      return;
    }
    LinearThemeClassifier model = ModelLoader.load(resource(GoldenModel.model(version)));
    List<String> expected = Files.readAllLines(resource(GoldenModel.expected(version)), StandardCharsets.UTF_8);
    assertEquals(expected, GoldenModel.describe(model));
    assertFalse(expected.get(0).isEmpty());
    assertEquals(List.of("information", "staff", "waiting"), model.labels());
    assertEquals(64, model.report().dataSha256().length());
    assertEquals(version == 2, model.polarityModel().isPresent());
    assertEquals(Integer.toString(version), model.info().properties().get("format.version"));
  }
}
