package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class Utf8InputTest {

  private static final Path FILE = Path.of("f.csv");

  /** All the checked bytes, or the offset of the first malformed byte as {@code -1 - offset}. */
  private static Object readAll(byte[] bytes, int bufferSize) throws IOException {
    Utf8Input in = new Utf8Input(FILE, new ByteArrayInputStream(bytes), bufferSize);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      while (in.fill(1)) {
        out.write(in.buffer, in.position, in.limit - in.position);
        in.position = in.limit;
      }
    } catch (FeedbackFileException e) {
      String m = e.problem();
      return -1 - Long.parseLong(m.substring(m.indexOf("byte offset ") + 12, m.indexOf(')')));
    }
    return out.toByteArray();
  }

  /** What the JDK's strict decoder says: the bytes (BOM dropped) or {@code -1 - offset} of the first error. */
  private static Object jdk(byte[] bytes) {
    CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult r = d.decode(in, out, true);
    if (r.isError()) {
      return -1L - in.position();
    }
    boolean bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF;
    byte[] all = bytes.clone();
    return bom ? java.util.Arrays.copyOfRange(all, 3, all.length) : all;
  }

  /** Any bytes: accepted exactly when the JDK's strict decoder accepts them, refused at the same offset. */
  @Property(tries = 3000)
  void sameVerdictAndOffsetAsTheJdkDecoder(@ForAll("bytes") byte[] bytes, @ForAll("sizes") int bufferSize)
      throws IOException {
    Object expected = jdk(bytes);
    Object actual = readAll(bytes, bufferSize);
    if (expected instanceof byte[] e) {
      assertTrue(actual instanceof byte[], "refused valid UTF-8 at " + actual);
      assertEquals(new String(e, StandardCharsets.UTF_8), new String((byte[]) actual, StandardCharsets.UTF_8));
    } else {
      assertEquals(expected, actual);
    }
  }

  @Provide
  Arbitrary<byte[]> bytes() {
    // ASCII, lead bytes of every length, continuation bytes, and the edge values of each range
    Arbitrary<Byte> b = Arbitraries.of(0x61, 0x0A, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xC1, 0xC2, 0xDF, 0xE0,
        0xE1, 0xED, 0xEE, 0xEF, 0xBB, 0xF0, 0xF1, 0xF4, 0xF5, 0xFF).map(Integer::byteValue);
    Arbitrary<byte[]> valid = Arbitraries.strings().ofMaxLength(8).map(s -> s.getBytes(StandardCharsets.UTF_8));
    return Arbitraries.oneOf(
        b.array(byte[].class).ofMaxSize(12),
        valid.list().ofMaxSize(4).map(l -> {
          ByteArrayOutputStream o = new ByteArrayOutputStream();
          l.forEach(o::writeBytes);
          return o.toByteArray();
        }));
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.of(4, 5, 7, 64);
  }

  @Test
  void byteOrderMarkIsSkippedOnlyAtTheStart() throws IOException {
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "a\uFEFFb".getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.writeBytes(bom);
    b.writeBytes(text);
    Utf8Input in = new Utf8Input(FILE, new ByteArrayInputStream(b.toByteArray()), 4);
    assertTrue(in.hadBom());
    assertEquals("a\uFEFFb", new String((byte[]) readAll(b.toByteArray(), 4), StandardCharsets.UTF_8));
    assertFalse(new Utf8Input(FILE, new ByteArrayInputStream(text), 4).hadBom());
  }

  @Test
  void errorNamesTheLineGivenAndTheOffsetNotTheBytes() throws IOException {
    byte[] bytes = {'o', 'k', '\n', (byte) 0xC3, (byte) 0x28};
    Utf8Input in = new Utf8Input(FILE, new ByteArrayInputStream(bytes), 16);
    assertTrue(in.fill(1));
    in.position = in.limit;
    FeedbackFileException e = org.junit.jupiter.api.Assertions.assertThrows(FeedbackFileException.class, () -> in.fill(2));
    assertTrue(e.getMessage().startsWith("f.csv:2: not valid UTF-8 (byte offset 3); expected a file saved as UTF-8"),
        e.getMessage());
    assertTrue(e.getMessage().contains("--encoding windows-1252"), e.getMessage());
  }
}
