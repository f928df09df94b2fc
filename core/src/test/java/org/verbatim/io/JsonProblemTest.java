package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An unparseable JSON line says why, without quoting the line. */
class JsonProblemTest {

  @TempDir Path dir;

  @Test
  void reasonsAreNamed() throws IOException {
    Path f = dir.resolve("f.jsonl");
    Files.writeString(f, String.join("\n",
        "{\"id\":1,\"id\":2,\"text\":\"secret words\"}",
        "{\"id\":3,\"text\":\"secret words",
        "{\"id\":4,\"text\":secret}",
        "{\"id\":5} {\"id\":6}",
        "[1,2]",
        "{\"id\":7,\"text\":\"fine\"}") + "\n");
    List<String> errors = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(f)) {
      for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
        errors.add(x.error().orElse(""));
      }
    }
    assertEquals(6, errors.size());
    assertTrue(errors.get(0).contains("the field 'id' appears twice"), errors.get(0));
    assertTrue(errors.get(1).contains("the line ends inside a value"), errors.get(1));
    assertTrue(errors.get(2).contains("a word that is not a JSON value"), errors.get(2));
    assertTrue(errors.get(3).contains("something follows the object"), errors.get(3));
    assertTrue(errors.get(4).startsWith("expected a JSON object, found an array"), errors.get(4));
    assertEquals("", errors.get(5));
    for (String e : errors) {
      assertFalse(e.contains("secret"), "the message quotes the line: " + e);
    }
  }
}
