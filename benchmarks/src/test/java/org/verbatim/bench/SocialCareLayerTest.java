package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.verbatim.codebooks.DefaultCodebooks;

/**
 * The default codebook's bundled layer is what its recipe makes today, byte for byte: a changed codebook or coded
 * set fails here until the layer is rebuilt with {@link SocialCareLayer}.
 */
class SocialCareLayerTest {

  @Test
  void theBundledLayerIsWhatTheRecipeBuilds() throws IOException {
    String bundled;
    try (InputStream in = DefaultCodebooks.class.getResourceAsStream(DefaultCodebooks.SOCIAL_CARE_LAYER_RESOURCE)) {
      bundled = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String fresh = SocialCareLayer.build();
    assertTrue(fresh.lines().count() > 1000, "a word line per word in two or more of the 1,440 comments");
    assertEquals(fresh, bundled, "rebuild the layer: java -cp benchmarks/target/benchmarks.jar "
        + "org.verbatim.bench.SocialCareLayer --out codebooks/src/main/resources/org/verbatim/codebooks/social-care-layer.tsv");
    assertEquals(DefaultCodebooks.socialCare().themeIds(), DefaultCodebooks.socialCareLayer().themes());
  }
}
