package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code bin/verbatim} launcher and the installed directory {@code cli/target/verbatim/} made by
 * {@code mvn package}, run as a user would, as child processes. Runs in the {@code integration-test} phase (after
 * {@code package}); {@code mvn -DskipTests} skips it.
 */
class LauncherIT {

  /** Another Java runtime to try the launcher with, when installed (e.g. a Temurin 25 JDK). */
  private static final Path OTHER_JDK =
      Path.of(System.getProperty("verbatim.test.otherJdk", "/usr/lib/jvm/temurin-25-jdk-amd64"));

  private static final String CSV = """
      id,comment
      1,The staff were kind but never listened to us.
      2,"Rude, late and never called back."
      3,n/a
      4,"Très bien, merci: they explained everything clearly."
      """;

  private static Path root;
  private static Path launcher;
  private static Path installed;

  @TempDir Path tmp;

  @BeforeAll
  static void locate() {
    Path module = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
    root = module.getParent();
    launcher = root.resolve("bin/verbatim");
    installed = module.resolve("target/verbatim");
    assertTrue(Files.isExecutable(launcher), launcher + " is not executable");
    assertTrue(Files.isRegularFile(installed.resolve("lib/verbatim.jar")), "mvn package did not make " + installed);
  }

  /** What a child process printed and returned. */
  record Run(int exit, String out, String err) {
    /** The java command line the launcher printed with VERBATIM_LAUNCHER_DEBUG=1. */
    String command() {
      return err.lines().filter(LauncherIT::isCommandLine).findFirst().orElseThrow();
    }
  }

  private static Run run(Path dir, Map<String, String> env, List<String> command) throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
    pb.environment().remove("JAVA_OPTS");
    pb.environment().remove("VERBATIM_C2_BYTES");
    pb.environment().remove("VERBATIM_LAUNCHER_DEBUG");
    // the runtime running the tests, so the archive made by the same build is expected to match
    pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile(dir, "stdout", ".txt");
    Path err = Files.createTempFile(dir, "stderr", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
    Process p = pb.start();
    p.getOutputStream().close();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command);
    Run r = new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    Files.delete(out);
    Files.delete(err);
    return r;
  }

  /** The java command line printed with VERBATIM_LAUNCHER_DEBUG=1 (-jar, or -cp with plug-ins). */
  private static boolean isCommandLine(String line) {
    return line.startsWith("verbatim: ") && (line.contains(" -jar ") || line.contains(" org.verbatim.cli.Main "));
  }

  private static List<String> cmd(Object... parts) {
    List<String> l = new ArrayList<>();
    for (Object o : parts) {
      l.add(o.toString());
    }
    return l;
  }

  private static Map<String, String> debug() {
    return Map.of("VERBATIM_LAUNCHER_DEBUG", "1");
  }

  /** The classify summary is the only line on stderr of a successful run; nothing goes to stdout. */
  private static void assertQuietSuccess(Run r) {
    assertEquals(0, r.exit(), r.err());
    assertEquals("", r.out(), "stdout must stay empty");
    List<String> lines = r.err().lines().filter(l -> !isCommandLine(l)).toList();
    assertEquals(1, lines.size(), "stderr: " + r.err());
    assertTrue(lines.get(0).startsWith("rows 4, tagged "), r.err());
    assertFalse(lines.get(0).toLowerCase().contains("warning"), r.err());
    assertFalse(lines.get(0).contains("[cds"), r.err());
  }

  private Path copyInstalled(String name) throws IOException {
    Path target = tmp.resolve(name);
    try (Stream<Path> files = Files.walk(installed)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path q = target.resolve(installed.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
    return target;
  }

  private Path input() throws IOException {
    Path in = tmp.resolve("in.csv");
    Files.writeString(in, CSV, StandardCharsets.UTF_8);
    return in;
  }

  @Test
  void runsFromAnotherDirectoryLikeJavaJar() throws Exception {
    input();
    Run viaLauncher = run(tmp, Map.of(), cmd(launcher, "classify", "--input", "in.csv", "--output", "out.csv"));
    assertQuietSuccess(viaLauncher);
    Run viaJar = run(tmp, Map.of(),
        cmd(Path.of(System.getProperty("java.home"), "bin", "java"), "-jar", root.resolve("cli/target/verbatim.jar"),
            "classify", "--input", "in.csv", "--output", "jar.csv"));
    assertEquals(0, viaJar.exit(), viaJar.err());
    byte[] out = Files.readAllBytes(tmp.resolve("out.csv"));
    assertArrayEquals(Files.readAllBytes(tmp.resolve("jar.csv")), out);
    List<String> lines = Files.readAllLines(tmp.resolve("out.csv"));
    assertEquals("id,comment,themes,scores,polarity,evidence,evidence_text,error", lines.get(0));
    assertTrue(lines.get(1).startsWith("1,The staff were kind but never listened to us.,empathy;listening,"), lines.get(1));
    assertTrue(lines.get(1).contains("empathy:positive;listening:negative"), lines.get(1));
    assertEquals("3,n/a,,,,,,", lines.get(3));
  }

  @Test
  void usesTheArchiveMadeByTheBuildAndPassesExitCodes() throws Exception {
    Path in = input();
    Run r = run(tmp, debug(), cmd(launcher, "classify", "-i", in, "-o", tmp.resolve("out.csv")));
    assertQuietSuccess(r);
    boolean archived = Files.exists(installed.resolve("lib/verbatim.jsa.properties")); // not with -Dverbatim.cds.skip
    assertEquals(archived, r.command().contains("-XX:SharedArchiveFile=" + installed.resolve("lib/verbatim.jsa")), r.command());
    assertTrue(r.command().contains("-XX:TieredStopAtLevel=1"), r.command());

    Run missing = run(tmp, Map.of(), cmd(launcher, "classify", "--input", "nope.csv"));
    assertEquals(1, missing.exit());
    assertEquals("", missing.out());
    assertTrue(missing.err().contains("nope.csv"), missing.err());
    Run usage = run(tmp, Map.of(), cmd(launcher, "classify", "--input", in, "--no-such-option"));
    assertEquals(2, usage.exit());
    assertEquals("", usage.out());
    assertTrue(usage.err().contains("verbatim: error: unknown option '--no-such-option'"), usage.err());
    Run version = run(tmp, Map.of(), cmd(launcher, "--version"));
    assertEquals(0, version.exit(), version.err());
    assertTrue(version.out().startsWith("verbatim "), version.out());
    assertEquals("", version.err());
  }

  @Test
  void resolvesSymbolicLinksAndThePath() throws Exception {
    Path bin = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(bin.resolve("vb"), launcher);
    Path chained = Files.createSymbolicLink(tmp.resolve("vb2"), Path.of("bin/vb")); // relative link to a link
    Run direct = run(tmp, Map.of(), cmd(chained, "--version"));
    assertEquals(0, direct.exit(), direct.err());
    assertTrue(direct.out().startsWith("verbatim "), direct.out());
    Run onPath = run(tmp, Map.of("PATH", bin + ":" + System.getenv("PATH")), cmd("sh", "-c", "vb --version"));
    assertEquals(0, onPath.exit(), onPath.err());
    assertTrue(onPath.out().startsWith("verbatim "), onPath.out());
  }

  @Test
  void installedCopyRunsAnywhereAndFallsBackSilently() throws Exception {
    // a moved directory: the archive names the jar where the build made it, which Java 17 refuses (silently)
    Path copy = copyInstalled("opt/verbatim");
    Path in = input();
    Run r = run(tmp, debug(), cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output", tmp.resolve("c.csv")));
    assertQuietSuccess(r);
    assertTrue(r.command().contains(" -jar " + copy.resolve("lib/verbatim.jar")), r.command());
  }

  @Test
  void jarsInLibPluginsGoOnTheClassPathAfterVerbatimJar() throws Exception {
    Path copy = copyInstalled("plugged/verbatim");
    Path plugins = Files.createDirectories(copy.resolve("lib/plugins"));
    Path extra = plugins.resolve("extra.jar");
    try (java.util.jar.JarOutputStream jar = new java.util.jar.JarOutputStream(Files.newOutputStream(extra))) {
      jar.putNextEntry(new java.util.jar.JarEntry("org/example/readme.txt"));
      jar.write("a plug-in".getBytes(StandardCharsets.UTF_8));
    }
    Path in = input();
    Run r = run(tmp, debug(), cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output", tmp.resolve("p.csv")));
    assertQuietSuccess(r);
    assertTrue(r.command().contains(" -cp " + copy.resolve("lib/verbatim.jar") + ":" + extra + " org.verbatim.cli.Main classify "),
        r.command());
    assertFalse(r.command().contains(" -jar "), r.command());
    // the corenlp pipeline is a plug-in: without it, a clear error and exit code 1
    Run missing = run(tmp, Map.of(), cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output",
        tmp.resolve("q.csv"), "--pipeline", "corenlp"));
    assertEquals(1, missing.exit(), missing.err());
    assertTrue(missing.err().contains("the CoreNLP plug-in is not installed"), missing.err());
  }

  @Test
  void ignoresAnArchiveRecordedForAnotherRuntime() throws Exception {
    Path copy = copyInstalled("v");
    Path props = copy.resolve("lib/verbatim.jsa.properties");
    assumeTrue(Files.exists(props), "built with -Dverbatim.cds.skip=true");
    Properties p = load(props);
    Path in = input();

    p.setProperty("java.runtime.version", "17.0.0+0-someone-else");
    store(p, props);
    Run r = run(tmp, debug(), cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output", tmp.resolve("a.csv")));
    assertQuietSuccess(r);
    assertFalse(r.command().contains("SharedArchiveFile"), r.command());

    p = load(installed.resolve("lib/verbatim.jsa.properties"));
    p.setProperty("java.home", "/opt/another-jdk");
    store(p, props);
    r = run(tmp, debug(), cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output", tmp.resolve("b.csv")));
    assertQuietSuccess(r);
    assertFalse(r.command().contains("SharedArchiveFile"), r.command());

    // a truncated archive (e.g. an interrupted copy) would crash the JVM: the recorded size keeps it out
    p = load(installed.resolve("lib/verbatim.jsa.properties"));
    store(p, props);
    Path archive = copy.resolve("lib/verbatim.jsa");
    byte[] whole = Files.readAllBytes(archive);
    archive.toFile().setWritable(true);
    Files.write(archive, java.util.Arrays.copyOf(whole, whole.length / 2));
    r = run(tmp, debug(), cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output", tmp.resolve("t.csv")));
    assertQuietSuccess(r);
    assertFalse(r.command().contains("SharedArchiveFile"), r.command());

    // no properties: no archive
    Files.delete(props);
    r = run(tmp, debug(), cmd(copy.resolve("bin/verbatim"), "--version"));
    assertEquals(0, r.exit(), r.err());
    assertFalse(r.command().contains("SharedArchiveFile"), r.command());
  }

  @Test
  void userFlagsComeLastAndInputSizeChoosesTheCompiler() throws Exception {
    Path in = input();
    Map<String, String> env = new HashMap<>(debug());
    env.put("JAVA_OPTS", "-Dverbatim.test=* -XX:TieredStopAtLevel=4");
    Run r = run(tmp, env, cmd(launcher, "classify", "--input=" + in, "--output", tmp.resolve("o.csv")));
    assertQuietSuccess(r);
    String c = r.command();
    assertTrue(c.indexOf("-XX:TieredStopAtLevel=4") > c.indexOf("-XX:TieredStopAtLevel=1"), c);
    // before -jar (or -cp when a plug-in such as corenlp/target/plugin is present)
    int run = c.contains(" -jar ") ? c.indexOf(" -jar ") : c.indexOf(" -cp ");
    assertTrue(run > 0 && c.indexOf("-XX:TieredStopAtLevel=4") < run, c);
    assertTrue(c.contains("-Dverbatim.test=* "), "JAVA_OPTS must not be expanded as file names: " + c);

    // a collector in JAVA_OPTS replaces the serial one (the JVM refuses two)
    env.put("JAVA_OPTS", "-Xmx256m -XX:+UseParallelGC");
    r = run(tmp, env, cmd(launcher, "classify", "--input", in, "--output", tmp.resolve("gc.csv")));
    assertQuietSuccess(r);
    assertFalse(r.command().contains("UseSerialGC"), r.command());
    assertTrue(r.command().contains("-XX:+UseParallelGC"), r.command());

    // a file larger than VERBATIM_C2_BYTES keeps tiered compilation (C2) with small inlining; -iFILE is read too
    r = run(tmp, Map.of("VERBATIM_LAUNCHER_DEBUG", "1", "VERBATIM_C2_BYTES", "100"),
        cmd(launcher, "classify", "-i" + in, "--output", tmp.resolve("o2.csv")));
    assertQuietSuccess(r);
    assertFalse(r.command().contains("TieredStopAtLevel"), r.command());
    assertTrue(r.command().contains("-XX:FreqInlineSize=50 -XX:InlineSmallCode=500"), r.command());
    assertEquals(Files.readString(tmp.resolve("o2.csv")), Files.readString(tmp.resolve("gc.csv")));
    r = run(tmp, Map.of("VERBATIM_LAUNCHER_DEBUG", "1", "VERBATIM_C2_BYTES", "100000"),
        cmd(launcher, "classify", "-i", in, "--output", tmp.resolve("o3.csv")));
    assertTrue(r.command().contains("-XX:TieredStopAtLevel=1"), r.command());
  }

  @Test
  void reportsAMissingJavaOrJar() throws Exception {
    Run badHome = run(tmp, Map.of("JAVA_HOME", tmp.resolve("no-jdk").toString()), cmd(launcher, "--version"));
    assertEquals(1, badHome.exit());
    assertEquals("", badHome.out());
    assertTrue(badHome.err().contains("JAVA_HOME"), badHome.err());

    Path lone = Files.createDirectories(tmp.resolve("lone/bin")).resolve("verbatim");
    Files.copy(launcher, lone);
    Files.setPosixFilePermissions(lone, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_EXECUTE));
    Run noJar = run(tmp, Map.of(), cmd(lone, "--version"));
    assertEquals(1, noJar.exit());
    assertEquals("", noJar.out());
    assertTrue(noJar.err().contains("no verbatim.jar"), noJar.err());
  }

  @Test
  void otherJavaRuntimeFallsBackOrUsesItsOwnArchive() throws Exception {
    Path otherJava = OTHER_JDK.resolve("bin/java");
    assumeTrue(Files.isExecutable(otherJava), "no other JDK at " + OTHER_JDK + " (-Dverbatim.test.otherJdk=DIR)");
    Path in = input();
    Path copy = copyInstalled("v");
    Map<String, String> env = new HashMap<>(debug());
    env.put("JAVA_HOME", OTHER_JDK.toString());

    // the archive of the build's runtime: not used, and the run is clean
    Run r = run(tmp, env, cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output", tmp.resolve("x.csv")));
    assertQuietSuccess(r);
    assertFalse(r.command().contains("SharedArchiveFile"), r.command());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("x.csv")), classifyWithJavaJar(in));

    // an archive made by that runtime, recorded as such: used
    Path archive = copy.resolve("lib/verbatim.jsa");
    Files.deleteIfExists(archive);
    Run dump = run(tmp, Map.of(), cmd(otherJava, "-XX:ArchiveClassesAtExit=" + archive, "-Xlog:disable",
        "-jar", copy.resolve("lib/verbatim.jar"), "classify", "--input", in, "--output", tmp.resolve("d.csv")));
    assertEquals(0, dump.exit(), dump.err());
    Properties release = load(OTHER_JDK.resolve("release"));
    Properties p = new Properties();
    p.setProperty("java.home", OTHER_JDK.toRealPath().toString());
    p.setProperty("java.runtime.version", release.getProperty("JAVA_RUNTIME_VERSION").replace("\"", ""));
    p.setProperty("archive.size", Long.toString(Files.size(archive)));
    store(p, copy.resolve("lib/verbatim.jsa.properties"));
    r = run(tmp, env, cmd(copy.resolve("bin/verbatim"), "classify", "--input", in, "--output", tmp.resolve("y.csv")));
    assertQuietSuccess(r);
    assertTrue(r.command().contains("-XX:SharedArchiveFile=" + archive), r.command());
    assertArrayEquals(Files.readAllBytes(tmp.resolve("x.csv")), Files.readAllBytes(tmp.resolve("y.csv")));
  }

  private byte[] classifyWithJavaJar(Path in) throws Exception {
    Path out = tmp.resolve("expected.csv");
    Run r = run(tmp, Map.of(), cmd(Path.of(System.getProperty("java.home"), "bin", "java"), "-jar",
        root.resolve("cli/target/verbatim.jar"), "classify", "--input", in, "--output", out));
    assertEquals(0, r.exit(), r.err());
    return Files.readAllBytes(out);
  }

  private static Properties load(Path file) throws IOException {
    Properties p = new Properties();
    try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      p.load(in);
    }
    return p;
  }

  /** Writes key=value lines as the build does (no escaping: the launcher reads the lines as they are). */
  private static void store(Properties p, Path file) throws IOException {
    StringBuilder sb = new StringBuilder("# test\n");
    for (String k : p.stringPropertyNames()) {
      sb.append(k).append('=').append(p.getProperty(k)).append('\n');
    }
    if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
      file.toFile().setWritable(true);
    }
    Files.writeString(file, sb.toString(), StandardCharsets.UTF_8);
  }
}
