package org.verbatim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.cli.Main;

/**
 * spark/target/verbatim-spark-local.jar as a user runs it, {@code java -jar} in a child JVM with nothing else on the
 * class path: CSV and Parquet in and out, and the same file as {@code verbatim classify} (run in-process).
 */
class LocalJarIT {

  static final Path JAR = Path.of("..", "spark", "target", "verbatim-spark-local.jar");
  static final Path SAMPLE = Path.of("..", "examples", "data", "sample-feedback.csv");

  @TempDir static Path dir;
  static String cli;

  @BeforeAll
  static void classifyWithTheCommandLine() throws IOException {
    Path out = dir.resolve("cli.csv");
    assertEquals(0, Main.commandLine().execute("classify", "--input", SAMPLE.toString(), "--output", out.toString(),
        "--quiet"));
    cli = Files.readString(out);
  }

  record Run(int exit, String err) {}

  static Run jar(String... args) throws IOException, InterruptedException {
    return jar(true, args);
  }

  /** The jar run with java -jar; relaunch false sets VERBATIM_SPARK_RELAUNCH=0 (the job runs in that JVM). */
  static Run jar(boolean relaunch, String... args) throws IOException, InterruptedException {
    return jar(List.of("-Xmx1g"), relaunch, args);
  }

  static Run jar(List<String> jvmFlags, boolean relaunch, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    command.addAll(jvmFlags);
    command.add("-jar");
    command.add(JAR.toString());
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    pb.environment().put("VERBATIM_SPARK_RELAUNCH", relaunch ? "1" : "0");
    Path err = Files.createTempFile(dir, "err", ".txt");
    pb.redirectError(err.toFile());
    Process p = pb.start();
    assertTrue(p.waitFor(5, TimeUnit.MINUTES), "the job ended");
    return new Run(p.exitValue(), Files.readString(err, StandardCharsets.UTF_8));
  }

  static List<Path> parts(Path out, String suffix) throws IOException {
    assertTrue(Files.exists(out.resolve("_SUCCESS")), out + " is complete");
    try (Stream<Path> s = Files.list(out)) {
      return s.filter(p -> p.getFileName().toString().startsWith("part-") && p.getFileName().toString().endsWith(suffix))
          .sorted().toList();
    }
  }

  @Test
  void oneJarWithSparkInsideAndTheOpensItNeeds() throws IOException {
    try (JarFile jar = new JarFile(JAR.toFile())) {
      assertEquals("org.verbatim.spark.ClassifyJob", jar.getManifest().getMainAttributes().getValue("Main-Class"));
      assertTrue(jar.getManifest().getMainAttributes().getValue("Add-Opens").contains("java.base/sun.nio.ch"));
      assertEquals(null, jar.getManifest().getMainAttributes().getValue("Class-Path"), "nothing outside the jar");
      assertTrue(jar.getEntry("org/apache/spark/sql/SparkSession.class") != null, "Spark inside");
      // the services of every jar merged: Spark's own data sources and Hadoop's local file system
      String sources = new String(jar.getInputStream(jar.getEntry(
          "META-INF/services/org.apache.spark.sql.sources.DataSourceRegister")).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(sources.contains(".ParquetDataSourceV2") && sources.contains(".CSVDataSourceV2"), sources);
      String fileSystems = new String(jar.getInputStream(jar.getEntry(
          "META-INF/services/org.apache.hadoop.fs.FileSystem")).readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(fileSystems.contains("org.apache.hadoop.fs.LocalFileSystem"), fileSystems);
    }
  }

  @Test
  void csvInCsvOutIsTheCommandLinesFile() throws Exception {
    Path out = dir.resolve("csv-out");
    Run r = jar("--master", "local[2]", "--input", SAMPLE.toString(), "--output", out.toString(), "--id-column", "id",
        "--text-column", "comment");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().startsWith("rows 64, tagged "), r.err());
    List<Path> parts = parts(out, ".csv");
    assertEquals(1, parts.size(), "a small file is one partition");
    assertEquals(cli, Files.readString(parts.get(0)));
    // the same without the relaunch in a child JVM with the class-data archive
    Path here = dir.resolve("csv-out-here");
    Run same = jar(false, "--master", "local[2]", "--input", SAMPLE.toString(), "--output", here.toString(),
        "--text-column", "comment", "-q");
    assertEquals(0, same.exit(), same.err());
    assertEquals(cli, Files.readString(parts(here, ".csv").get(0)));
  }

  @Test
  void theJarRelaunchesItselfWithItsClassDataArchive() throws Exception {
    assertTrue(Files.isRegularFile(JAR.resolveSibling("verbatim-spark-local.jsa")), "made by the build");
    // -Xlog:class+load of the parent JVM is passed on to the child, whose classes come from the archive (the child's
    // log replaces the parent's in the file, which the JVM keeps as classes.log.0)
    Path log = dir.resolve("classes.log");
    Run r = jar(List.of("-Xlog:class+load=info:file=" + log), true, "--help");
    assertEquals(0, r.exit(), r.err());
    String classes = Files.readString(log);
    assertTrue(classes.contains("shared objects file (top)"), "classes loaded from the dynamic archive");
  }

  @Test
  void parquetInCsvAndParquetOut() throws Exception {
    Path parquet = dir.resolve("sample.parquet");
    Run convert = jar("--master", "local[1]", "--input", SAMPLE.toString(), "--output", parquet.toString(),
        "--format", "parquet", "--text-column", "comment", "--layout", "input", "-q");
    assertEquals(0, convert.exit(), convert.err());
    assertEquals(1, parts(parquet, ".parquet").size());
    Path csv = dir.resolve("from-parquet");
    Run r = jar("--master", "local[1]", "--input", parquet.toString(), "--output", csv.toString(), "--format", "csv",
        "--text-column", "comment", "-q");
    assertEquals(0, r.exit(), r.err());
    assertEquals(cli, Files.readString(parts(csv, ".csv").get(0)));
    Path typed = dir.resolve("typed.parquet");
    Run t = jar("--master", "local[1]", "--input", parquet.toString(), "--output", typed.toString(),
        "--text-column", "comment", "--layout", "typed", "-q");
    assertEquals(0, t.exit(), t.err());
    assertEquals(1, parts(typed, ".parquet").size());
  }
}
