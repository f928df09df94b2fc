package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class JsonLinesTest {

  /** Lines and line numbers as BufferedReader.readLine gives them, whatever the buffer size. */
  @Property(tries = 1000)
  void splitsAsBufferedReaderDoes(@ForAll("texts") String text, @ForAll("sizes") int bufferSize) throws IOException {
    List<String> expected = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new StringReader(text))) {
      for (String l = r.readLine(); l != null; l = r.readLine()) {
        expected.add(l);
      }
    }
    JsonLines lines = new JsonLines(new Utf8Input(Path.of("f.jsonl"),
        new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), bufferSize));
    List<String> actual = new ArrayList<>();
    for (String l = lines.next(); l != null; l = lines.next()) {
      actual.add(l);
      assertEquals(actual.size(), lines.line());
    }
    assertEquals(expected, actual);
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.strings().withChars("{}a\r\n é\u2003z".toCharArray()).ofMaxLength(30)
        .map(s -> s.replace("z", "😀"));
  }

  @Provide
  Arbitrary<Integer> sizes() {
    return Arbitraries.of(4, 5, 9, 1024);
  }
}
