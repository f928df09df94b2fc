package org.verbatim.spark;

import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * {@code java -jar verbatim-spark-local.jar ...} with the flags of {@code bin/verbatim-spark}: when this JVM was
 * started with {@code -jar} on the local jar and the jar's AppCDS archive ({@code verbatim-spark-local.jsa}, made by
 * the build) lies beside it, made by this very Java runtime, the job runs in a child JVM with the archive, C1
 * compilation only and the serial collector, then this JVM exits with the child's code. A manifest cannot carry JVM
 * flags; without them Spark's start-up and C2 compilation cost twice the CPU (benchmarks/README.md, section 13).
 *
 * <p>The child gets this JVM's own flags after the launcher's (so {@code java -Xmx4g -jar ...} keeps its heap, and
 * {@code -XX:TieredStopAtLevel=4} its C2), the same standard streams and the same arguments. No relaunch when the
 * archive is missing, stale or from another runtime, when this JVM was given a class-data archive flag, under
 * {@code spark-submit} (another main class) or with {@code VERBATIM_SPARK_RELAUNCH=0}. Uses only the JDK, before any
 * Spark class is loaded.
 */
final class LocalRelaunch {

  static final String MARK = "verbatim.spark.relaunched";

  private LocalRelaunch() {}

  /** The child's exit code, or -1 when this JVM should run the job itself. */
  static int run(String[] args) {
    List<String> command = command(args);
    if (command == null) {
      return -1;
    }
    try {
      Process child = new ProcessBuilder(command).inheritIO().start();
      Thread stop = new Thread(child::destroy, "verbatim-spark-child-stop");
      Runtime.getRuntime().addShutdownHook(stop);
      int code = child.waitFor();
      Runtime.getRuntime().removeShutdownHook(stop);
      return code;
    } catch (IOException e) {
      return -1; // cannot start a JVM: run here, without the flags
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 130;
    }
  }

  /** The child's command line, or null for no relaunch. */
  static List<String> command(String[] args) {
    if (System.getProperty(MARK) != null || "0".equals(System.getenv("VERBATIM_SPARK_RELAUNCH"))) {
      return null;
    }
    Path jar = ownJar();
    String classPath = System.getProperty("java.class.path", "");
    String started = System.getProperty("sun.java.command", "");
    if (jar == null || !jar.getFileName().toString().equals("verbatim-spark-local.jar")
        || !classPath.equals(started.split(" ", 2)[0]) || !Path.of(classPath).toAbsolutePath().normalize().equals(jar)) {
      return null; // not `java -jar verbatim-spark-local.jar`
    }
    Path archive = jar.resolveSibling("verbatim-spark-local.jsa");
    if (!sameRuntime(archive)) {
      return null;
    }
    List<String> own = ManagementFactory.getRuntimeMXBean().getInputArguments();
    boolean collector = false;
    for (String flag : own) {
      if (flag.startsWith("-XX:SharedArchiveFile") || flag.startsWith("-XX:ArchiveClassesAtExit")
          || flag.startsWith("-Xshare") || flag.startsWith("-XX:+AutoCreateSharedArchive")) {
        return null;
      }
      collector |= flag.startsWith("-XX:+Use") && flag.endsWith("GC");
    }
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:SharedArchiveFile=" + archive);
    command.add("-Xlog:disable");
    command.add("-Xlog:all=warning:stderr");
    command.add("-Xlog:cds*=off:stderr");
    command.add("-XX:TieredStopAtLevel=1");
    if (!collector) {
      command.add("-XX:+UseSerialGC");
    }
    command.addAll(own);
    command.add("-D" + MARK + "=true");
    command.add("-jar");
    command.add(jar.toString());
    command.addAll(List.of(args));
    return command;
  }

  private static Path ownJar() {
    try {
      CodeSource source = LocalRelaunch.class.getProtectionDomain().getCodeSource();
      if (source == null || source.getLocation() == null) {
        return null;
      }
      Path p = Path.of(source.getLocation().toURI()).toAbsolutePath().normalize();
      return Files.isRegularFile(p) ? p : null;
    } catch (URISyntaxException | RuntimeException e) {
      return null;
    }
  }

  /** Whether the archive and its properties exist and name this Java runtime and the archive's size. */
  private static boolean sameRuntime(Path archive) {
    Path properties = archive.resolveSibling(archive.getFileName() + ".properties");
    if (!Files.isRegularFile(archive) || !Files.isRegularFile(properties)) {
      return false;
    }
    Properties made = new Properties();
    try (InputStream in = Files.newInputStream(properties)) {
      made.load(in);
      return System.getProperty("java.home").equals(made.getProperty("java.home"))
          && System.getProperty("java.runtime.version").equals(made.getProperty("java.runtime.version"))
          && String.valueOf(Files.size(archive)).equals(made.getProperty("archive.size"));
    } catch (IOException | RuntimeException e) {
      return false;
    }
  }
}
