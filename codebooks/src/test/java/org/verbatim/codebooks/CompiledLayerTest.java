package org.verbatim.codebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.WordLayer;
import org.verbatim.model.ModelFormatException;

/** The bundled layer's binary form: the same layer as its text, and refused or skipped when it does not fit. */
class CompiledLayerTest {

  private static byte[] text() throws Exception {
    try (InputStream in = CompiledLayerTest.class.getResourceAsStream(DefaultCodebooks.SOCIAL_CARE_LAYER_RESOURCE)) {
      return in.readAllBytes();
    }
  }

  private static String asText(WordLayer l) throws Exception {
    StringWriter w = new StringWriter();
    l.write(w);
    return w.toString();
  }

  @Test
  void theBuildsBinaryFormIsTheBundledTextLayer() throws Exception {
    byte[] text = text();
    WordLayer fromText = WordLayer.read(new InputStreamReader(new ByteArrayInputStream(text), StandardCharsets.UTF_8),
        "text");
    WordLayer compiled = CompiledLayer.read(DefaultCodebooks.SOCIAL_CARE_LAYER_RESOURCE)
        .orElseThrow(() -> new AssertionError("the build writes the binary form beside the text"));
    assertEquals(new String(text, StandardCharsets.UTF_8), asText(compiled), "every word and weight, exactly");
    assertEquals(asText(fromText), asText(DefaultCodebooks.socialCareLayer()));
    assertTrue(compiled.words().stream().anyMatch(WordLayer::isPairWord), "the bundled layer has pairs of words");
  }

  @Test
  void aBinaryFormMadeFromOtherTextIsSkippedAndACorruptOneRefused() throws Exception {
    WordLayer layer = DefaultCodebooks.socialCareLayer();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompiledLayer.write(layer, 1234, 99, out);
    byte[] bytes = out.toByteArray();
    assertTrue(CompiledLayer.read(new ByteArrayInputStream(bytes), 1234, 99, "x").isPresent());
    assertTrue(CompiledLayer.read(new ByteArrayInputStream(bytes), 1235, 99, "x").isEmpty(), "stale: other text length");
    assertTrue(CompiledLayer.read(new ByteArrayInputStream(bytes), 1234, 98, "x").isEmpty(), "stale: other text CRC");
    byte[] truncated = Arrays.copyOf(bytes, bytes.length / 2);
    ModelFormatException e = assertThrows(ModelFormatException.class,
        () -> CompiledLayer.read(new ByteArrayInputStream(truncated), 1234, 99, "social-care-layer.vlc"));
    assertTrue(e.getMessage().contains("social-care-layer.vlc") && e.getMessage().contains("truncated"),
        e.getMessage());
  }
}
