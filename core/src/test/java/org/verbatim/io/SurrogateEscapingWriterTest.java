package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Lone surrogates in JSON Lines values are written back as escapes, whatever the write boundaries. */
class SurrogateEscapingWriterTest {

  @TempDir Path dir;

  private static final char[] ALPHABET = {'a', ' ', 'é', '\uD83D', '\uDE00', '\uD800', '\uDC00', '"'};

  @Property(tries = 500, seed = "20261205")
  void aStringWrittenInPiecesReadsBackAsItWas(@ForAll @IntRange(min = 0, max = 40) int length, @ForAll long seed)
      throws IOException {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(ALPHABET[r.nextInt(ALPHABET.length)]);
    }
    String value = b.toString();
    String json = new ObjectMapper().writeValueAsString(value); // quotes escaped, surrogates raw
    StringWriter sink = new StringWriter();
    SurrogateEscapingWriter w = new SurrogateEscapingWriter(sink);
    for (int at = 0; at < json.length(); ) {
      int n = Math.min(json.length() - at, 1 + r.nextInt(4));
      if (r.nextBoolean()) {
        w.write(json.toCharArray(), at, n);
      } else {
        w.write(json, at, n);
      }
      at += n;
    }
    w.close();
    String written = sink.toString();
    // well-formed UTF-16 now (every surrogate paired), and the same value once parsed
    assertEquals(written, new String(written.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    assertEquals(value, new ObjectMapper().readValue(written, String.class));
  }

  @Test
  void jsonLinesRoundTripKeepsALoneSurrogate() throws IOException {
    Path in = Files.writeString(dir.resolve("f.jsonl"), "{\"id\":1,\"text\":\"kind \\ud800 staff \\ud83d\\ude00\"}\n");
    Path out = dir.resolve("o.jsonl");
    try (FeedbackReader r = FeedbackReader.open(in);
        ClassifiedWriter w = ClassifiedWriter.open(FeedbackFormat.JSONL, Files.newOutputStream(out), r.header(),
            OutputColumns.withPrefix(""), false)) {
      FeedbackRecord x = r.next();
      w.write(ClassifiedRow.failed(x, "test"));
    }
    String line = Files.readString(out, StandardCharsets.UTF_8);
    assertTrue(line.contains("\"text\":\"kind \\uD800 staff \uD83D\uDE00\""), line);
  }
}
