package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.codebooks.DefaultModels;

/**
 * The bundled social-care model is what its recipe makes today: rebuilt from the coded sets and the default codebook,
 * every entry (vocabulary, weights, thresholds, polarity model) has the bundled file's hash. A changed codebook
 * or coded set fails here until the model is rebuilt with {@link SocialCareModel}.
 */
class SocialCareModelTest {

  @TempDir Path dir;

  private static JsonNode manifest(Path zipFile) throws IOException {
    try (ZipFile zip = new ZipFile(zipFile.toFile())) {
      ZipEntry e = zip.getEntry("manifest.json");
      try (InputStream in = zip.getInputStream(e)) {
        return new ObjectMapper().readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
  }

  @Test
  void theBundledModelIsWhatTheRecipeBuilds() throws IOException {
    Path rebuilt = dir.resolve("rebuilt.zip");
    assertEquals(0, SocialCareModel.build(rebuilt, 2), "verbatim train's exit code");
    JsonNode bundled = manifest(DefaultModels.copyTo(DefaultModels.SOCIAL_CARE, dir));
    JsonNode fresh = manifest(rebuilt);
    assertEquals(4800, fresh.at("/trainingData/comments").asInt(), "the twenty coded sets");
    assertEquals(fresh.at("/trainingData/sha256"), bundled.at("/trainingData/sha256"), "same training data");
    assertEquals(fresh.at("/options/extraFeatures"), bundled.at("/options/extraFeatures"), "same codebook features");
    assertTrue(fresh.get("entries").size() >= 4, fresh.get("entries").toString());
    assertEquals(fresh.get("entries"), bundled.get("entries"),
        "rebuild the bundled model: java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.SocialCareModel");
  }
}
