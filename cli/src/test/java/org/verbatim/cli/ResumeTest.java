package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code classify --resume} after a real {@code kill -9}: a child JVM classifies a file with a checkpoint after
 * every batch and is killed once it has written one; continuing gives the bytes of an uninterrupted run.
 */
class ResumeTest {

  @TempDir Path dir;

  private static final String[] COMMENTS = {
    "The carer was kind and listened to my mother.",
    "Nobody rang back, we were kept waiting for weeks.",
    "Staff were rude and never explained anything.",
    "Always on time, polite and caring.",
    "n/a",
  };

  private Path input(String name, int rows, long seed) throws IOException {
    Random r = new Random(seed);
    StringBuilder b = new StringBuilder(name.endsWith(".csv") ? "id,comment,team\n" : "");
    for (int i = 0; i < rows; i++) {
      String c = COMMENTS[r.nextInt(COMMENTS.length)] + (r.nextBoolean() ? " " + COMMENTS[r.nextInt(COMMENTS.length)] : "");
      if (name.endsWith(".csv")) {
        b.append(i).append(",\"").append(c).append("\",").append((char) ('a' + r.nextInt(3))).append('\n');
      } else {
        b.append("{\"id\":").append(i).append(",\"comment\":\"").append(c).append("\"}\n");
      }
    }
    return Files.writeString(dir.resolve(name), b, StandardCharsets.UTF_8);
  }

  /** Starts a child JVM classifying {@code in} to {@code out} and kills it (SIGKILL) after its first checkpoint. */
  private void killAfterACheckpoint(Path in, Path out, long seed) throws Exception {
    Path checkpoint = Checkpoint.fileOf(Checkpoint.partialOf(out));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb = new ProcessBuilder(java, "-Dverbatim.checkpoint.ms=0", "-XX:TieredStopAtLevel=1", "-cp",
        System.getProperty("java.class.path"), "org.verbatim.cli.Main", "classify", "-i", in.toString(), "-o",
        out.toString(), "--threads", "1", "-q");
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile());
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    Random r = new Random(seed);
    int batches = 1 + r.nextInt(3);
    while (!Files.exists(checkpoint) || Files.size(checkpoint) == 0 || records(checkpoint) < batches * 1024L) {
      assertTrue(p.isAlive(), "the child ended before it was killed: " + Files.readString(dir.resolve("child.log")));
      assertTrue(System.nanoTime() < deadline, "no checkpoint within 60 s");
      Thread.sleep(2);
    }
    p.destroyForcibly();
    assertTrue(p.waitFor(30, TimeUnit.SECONDS));
  }

  private static long records(Path checkpoint) {
    try {
      return Checkpoint.read(checkpoint).map(Checkpoint::records).orElse(0L);
    } catch (IOException e) {
      return 0;
    }
  }

  @Test
  void killedRunsContinueToTheBytesOfACleanRun() throws Exception {
    for (String name : List.of("f.csv", "f.jsonl")) {
      Path in = input(name, 60_000, 17);
      Path clean = dir.resolve("clean-" + name);
      CliRunner.Result c = CliRunner.run("classify", "-i", in.toString(), "-o", clean.toString(), "-q");
      assertEquals(0, c.exit(), c.err());

      Path out = dir.resolve("out-" + name);
      killAfterACheckpoint(in, out, name.length());
      Path partial = Checkpoint.partialOf(out);
      assertTrue(Files.exists(partial) && Files.exists(Checkpoint.fileOf(partial)), "partial output and checkpoint kept");
      assertFalse(Files.exists(out));
      for (Path p : List.of(partial, Checkpoint.fileOf(partial))) {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), p.toString());
      }

      CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "-o", out.toString(), "--resume");
      assertEquals(0, r.exit(), r.err());
      assertTrue(r.err().contains("verbatim: resuming after "), r.err());
      assertArrayEquals(Files.readAllBytes(clean), Files.readAllBytes(out), name);
      assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(out)));
      assertFalse(Files.exists(partial));
      assertFalse(Files.exists(Checkpoint.fileOf(partial)));
      assertTrue(r.err().contains(c.err().isEmpty() ? "rows 60000" : "rows 60000"), r.err());
    }
  }

  @Test
  void aChangedInputIsNotContinuedAndAPlainRunStartsOver() throws Exception {
    Path in = input("g.csv", 60_000, 3);
    Path out = dir.resolve("out.csv");
    killAfterACheckpoint(in, out, 1);
    Files.writeString(in, "99999,\"one more\",a\n", java.nio.file.StandardOpenOption.APPEND);
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "-o", out.toString(), "--resume");
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("cannot resume") && r.err().contains("changed since the interrupted run"), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    CliRunner.Result again = CliRunner.run("classify", "-i", in.toString(), "-o", out.toString());
    assertEquals(0, again.exit(), again.err());
    assertTrue(again.err().contains("deleted the partial output of an earlier interrupted run"), again.err());
    assertTrue(again.err().contains("rows 60001"), again.err());
  }

  @Test
  void resumeWithoutAnInterruptedRunClassifiesFromTheStart() throws Exception {
    Path in = input("h.csv", 10, 5);
    Path stale = dir.resolve(".out.csv.abc123.tmp");
    Files.writeString(stale, "left by an older version");
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "-o", dir.resolve("out.csv").toString(), "--resume");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("no interrupted run of this output to resume"), r.err());
    assertTrue(r.err().contains("temporary file of an earlier interrupted run beside the output, which may hold comment"
        + " text: .out.csv.abc123.tmp"), r.err());
    assertTrue(r.err().contains("rows 10"), r.err());
    assertTrue(Files.exists(stale), "reported, not deleted: another run may be writing it");
  }

  @Test
  void resumeWithReportIsRefused() throws Exception {
    Path in = input("k.csv", 10, 5);
    CliRunner.Result r = CliRunner.run("classify", "-i", in.toString(), "--resume", "--report", dir.resolve("r.html").toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().contains("--resume cannot be combined with --report"), r.err());
  }
}
