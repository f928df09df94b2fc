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

  @Test
  void aResumableOutputContinuesAfterTheKeptBytesAndIsOwnerOnly() throws IOException {
    Path target = dir.resolve("out.csv");
    Path partial = dir.resolve(".out.csv.partial");
    AtomicOutput first = AtomicOutput.resumable(target, partial, -1, AtomicOutput.Access.OWNER_ONLY);
    first.stream().write("header\nrow 1\n".getBytes(StandardCharsets.UTF_8));
    long kept = first.flushedLength();
    first.stream().write("row 2 half".getBytes(StandardCharsets.UTF_8));
    first.abandon(); // as a stopped run leaves it
    assertTrue(Files.exists(partial));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(partial)));
    try (AtomicOutput again = AtomicOutput.resumable(target, partial, kept, AtomicOutput.Access.OWNER_ONLY)) {
      // a second writer of the same partial file is refused while this one holds it
      IOException busy = assertThrows(IOException.class,
          () -> AtomicOutput.resumable(target, partial, kept, AtomicOutput.Access.OWNER_ONLY));
      assertTrue(busy.getMessage().contains("another run is writing this output now"), busy.getMessage());
      again.stream().write("row 2\n".getBytes(StandardCharsets.UTF_8));
      again.commit();
    }
    assertEquals("header\nrow 1\nrow 2\n", Files.readString(target));
    assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
    assertFalse(Files.exists(partial));
    assertThrows(IOException.class, () -> AtomicOutput.resumable(target, partial, 5, AtomicOutput.Access.OWNER_ONLY));
    assertThrows(java.nio.file.NoSuchFileException.class,
        () -> AtomicOutput.resumable(dir.resolve("missing/out.csv"), dir.resolve("missing/.p"), -1, AtomicOutput.Access.DEFAULT));
  }
}
