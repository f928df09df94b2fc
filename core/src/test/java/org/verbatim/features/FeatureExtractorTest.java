package org.verbatim.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class FeatureExtractorTest {

  private static final FeatureOptions ALL = new FeatureOptions(1, 3, 2, 5, 1, FeatureOptions.Weighting.TFIDF, true,
      FeatureOptions.Negation.BOTH);

  @Test
  void wordAndCharKeys() {
    FeatureExtractor plain = new FeatureExtractor(FeatureOptions.words(), SimpleTokenizer.INSTANCE);
    assertEquals(List.of("w:never", "w:listened", "b:never listened"), plain.keys("Never listened"));
    FeatureExtractor fx = new FeatureExtractor(FeatureOptions.words().withNegation(FeatureOptions.Negation.MARK),
        PipelineTokenizer.fast());
    assertEquals(List.of("w:never", "w:NOT_listened", "b:never listened"), fx.keys("Never listened"));
    FeatureExtractor both = new FeatureExtractor(FeatureOptions.words().withNegation(FeatureOptions.Negation.BOTH),
        PipelineTokenizer.fast());
    assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(
        FeatureOptions.words().withNegation(FeatureOptions.Negation.MARK), SimpleTokenizer.INSTANCE));
    assertEquals(List.of("w:no", "w:NOT_help", "w:help", "b:no help"), both.keys("no help"));
    FeatureExtractor chars = new FeatureExtractor(new FeatureOptions(1, 1, 2, 3, 1, FeatureOptions.Weighting.TFIDF, true,
        FeatureOptions.Negation.OFF), SimpleTokenizer.INSTANCE);
    assertEquals(List.of("w:ab", "c: a", "c:ab", "c:b ", "c: ab", "c:ab "), chars.keys("AB"));
  }

  @Test
  void hashOfStreamEqualsHashOfKey() {
    assertEquals(FeatureHash.of("w:listen"),
        FeatureHash.finish(FeatureHash.add(FeatureHash.add(FeatureHash.START, "w:"), "listen")));
  }

  @Property(tries = 300, seed = "20261205")
  void streamedHashesMatchKeyStrings(@ForAll String text) {
    FeatureExtractor fx = new FeatureExtractor(ALL, PipelineTokenizer.fast());
    FeatureExtractor.Buffer buf = new FeatureExtractor.Buffer();
    fx.extract(text, buf);
    long[] streamed = Arrays.copyOf(buf.hashes, buf.size);
    long[] fromKeys = fx.keys(text).stream().mapToLong(FeatureHash::of).toArray();
    assertArrayEquals(fromKeys, streamed);
    assertTrue(buf.wordEnd <= buf.size);
  }
}
