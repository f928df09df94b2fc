package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {

  @TempDir Path dir;

  private List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  @Test
  void commitReplacesTheTargetAndLeavesNoTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("out.csv"), "old");
    try (AtomicOutput out = AtomicOutput.create(target)) {
      assertEquals(dir.toAbsolutePath(), out.tempFile().getParent());
      Writer w = out.writer();
      w.write("new ✓");
      w.close(); // only flushes
      assertEquals("old", Files.readString(target));
      out.commit();
    }
    assertEquals("new ✓", Files.readString(target, StandardCharsets.UTF_8));
    assertEquals(List.of(target), files());
  }

  @Test
  void closingWithoutCommitKeepsTheOldTargetAndDeletesTheTemporaryFile() throws IOException {
    Path target = Files.writeString(dir.resolve("out.csv"), "old");
    Path temp;
    try (AtomicOutput out = AtomicOutput.create(target)) {
      temp = out.tempFile();
      out.writer().write("half-written");
      out.writer().flush();
      assertTrue(Files.exists(temp));
    }
    assertFalse(Files.exists(temp));
    assertEquals("old", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void failureBeforeCommitCreatesNoTarget() throws IOException {
    Path target = dir.resolve("new.csv");
    assertThrows(
        IllegalStateException.class,
        () -> {
          try (AtomicOutput out = AtomicOutput.create(target)) {
            out.stream().write(1);
            throw new IllegalStateException("simulated failure");
          }
        });
    assertEquals(List.of(), files());
  }

  @Test
  void writeIsAtomicToo() throws IOException {
    Path target = dir.resolve("meta.json");
    AtomicOutput.write(target, "{}".getBytes(StandardCharsets.UTF_8));
    assertEquals("{}", Files.readString(target));
    assertEquals(List.of(target), files());
  }

  @Test
  void ownerOnlyFilesAreReadableByTheOwnerOnly() throws IOException {
    Path target = dir.resolve("report.html");
    AtomicOutput.write(target, "<p>".getBytes(StandardCharsets.UTF_8), AtomicOutput.Access.OWNER_ONLY);
    assertEquals("<p>", Files.readString(target));
    if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
      assertEquals("rw-------",
          java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    }
    assertEquals(List.of(target), files());
  }

  @Test
  void commitTwiceIsRefused() throws IOException {
    try (AtomicOutput out = AtomicOutput.create(dir.resolve("x"))) {
      out.commit();
      assertThrows(IllegalStateException.class, out::commit);
    }
  }

  @Test
  void directoryTargetOrMissingParentIsRefused() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("sub"));
    assertThrows(IOException.class, () -> AtomicOutput.create(sub));
    assertThrows(IOException.class, () -> AtomicOutput.create(dir.resolve("missing/out.csv")));
  }
}
