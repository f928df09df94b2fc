package org.verbatim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.cli.Main;

/** {@link ClassifyJob} end to end in local mode: files in, files out, the same rows as `verbatim classify`. */
class ClassifyJobTest {

  @TempDir static Path dir;
  static Path input;
  static Map<String, Map<String, String>> cli;

  @BeforeAll
  static void start() throws IOException {
    SparkTests.spark(); // the job joins the running session
    input = SparkTests.writeFixture(dir.resolve("input.csv"));
    Path out = dir.resolve("cli.csv");
    assertEquals(0, Main.commandLine().execute("classify", "--input", input.toString(), "--output",
        out.toString(), "--quiet"));
    cli = VerbatimSparkTest.byId(SparkTests.readCsv(out));
  }

  record Run(int exit, String err) {}

  static Run run(String... args) {
    StringWriter err = new StringWriter();
    int exit = ClassifyJob.run(new PrintWriter(err, true), args);
    return new Run(exit, err.toString());
  }

  @Test
  void csvToCsvWritesTheRowsOfTheCommandLine() throws IOException {
    Path out = dir.resolve("csv-out");
    Run r = run("--master", "local[2]", "--input", input.toString(), "--output", out.toString(),
        "--id-column", "id", "--text-column", "comment", "--partitions", "3");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().startsWith("rows 70, tagged "), r.err());
    assertTrue(Files.exists(out.resolve("_SUCCESS")));
    List<Map<String, String>> rows = SparkTests.readCsv(out);
    assertEquals(cli.size(), rows.size());
    for (Map<String, String> row : rows) {
      assertEquals(cli.get(row.get("id")), row, row.get("id"));
    }
  }

  @Test
  void csvOutOfOnePartitionIsByteForByteTheCommandLinesFile() throws IOException {
    // the fixture is read as one partition: one part file, in input order, quoted as `verbatim classify` quotes
    Path out = dir.resolve("csv-bytes");
    Run r = run("--master", "local[1]", "--input", input.toString(), "--output", out.toString(),
        "--text-column", "comment", "-q");
    assertEquals(0, r.exit(), r.err());
    List<Path> parts;
    try (var s = Files.list(out)) {
      parts = s.filter(p -> p.getFileName().toString().startsWith("part-")).toList();
    }
    assertEquals(1, parts.size(), parts.toString());
    assertTrue(parts.get(0).getFileName().toString().endsWith(".csv"), parts.toString());
    assertEquals(Files.readString(dir.resolve("cli.csv")), Files.readString(parts.get(0)));
  }

  @Test
  void csvOutOfColumnsOfOtherTypesGoesThroughSparksCsvWriterWithTheSameValues() throws IOException {
    // a date column: not a type CsvRecordsFormat writes, so Spark's CSV writer does, with the same added columns
    Path parquet = dir.resolve("dated.parquet");
    SparkTests.spark().read().option("header", true).option("multiLine", true).option("escape", "\"")
        .csv(input.toString())
        .withColumn("date", org.apache.spark.sql.functions.to_date(org.apache.spark.sql.functions.col("date")))
        .write().parquet(parquet.toString());
    assertFalse(VerbatimSpark.csvRecordsSupported(SparkTests.spark().read().parquet(parquet.toString()).schema()));
    Path out = dir.resolve("dated-csv");
    Run r = run("--master", "local[2]", "--input", parquet.toString(), "--output", out.toString(), "--format", "csv",
        "--text-column", "comment", "-q");
    assertEquals(0, r.exit(), r.err());
    List<Map<String, String>> rows = SparkTests.readCsv(out);
    assertEquals(cli.size(), rows.size());
    for (Map<String, String> row : rows) {
      assertEquals(cli.get(row.get("id")), row, row.get("id"));
    }
  }

  @Test
  void theJobRunsInItsOwnJvmUnlessStartedWithJavaJarOnTheLocalJar() {
    // here the classes come from target/classes under surefire's main class: no child JVM (LocalJarIT covers the jar)
    org.junit.jupiter.api.Assertions.assertNull(LocalRelaunch.command(new String[] {"--help"}));
  }

  @Test
  void parquetInParquetOutTypedAndFlat() {
    Path parquet = dir.resolve("sample.parquet");
    Run convert = run("--input", input.toString(), "--input-format", "csv", "--output",
        parquet.toString(), "--format", "parquet", "--text-column", "comment", "--layout", "input", "-q");
    assertEquals(0, convert.exit(), convert.err());
    Path flat = dir.resolve("flat.parquet");
    Run classify = run("--input", parquet.toString(), "--output", flat.toString(), "--text-column", "comment", "-q");
    assertEquals(0, classify.exit(), classify.err());
    List<Row> rows = SparkTests.spark().read().parquet(flat.toString()).collectAsList();
    assertEquals(cli.size(), rows.size());
    for (Row row : rows) {
      Map<String, String> expected = cli.get(row.<String>getAs("id"));
      for (String c : expected.keySet()) {
        // Spark's CSV reader reads an empty field as null; classified as empty, written back as an empty field
        assertEquals(expected.get(c), java.util.Objects.toString(row.getAs(c), ""), c);
      }
    }
    Path typed = dir.resolve("typed.parquet");
    Run typedRun = run("--input", parquet.toString(), "--output", typed.toString(), "--text-column", "comment",
        "--layout", "typed", "-q");
    assertEquals(0, typedRun.exit(), typedRun.err());
    assertEquals(VerbatimSpark.classify(SparkTests.spark().read().parquet(parquet.toString()), "comment",
        ClassifierSpec.defaultCodebook()).schema().simpleString(),
        SparkTests.spark().read().parquet(typed.toString()).schema().simpleString());
  }

  @Test
  void wrongCommandLinesAndBadFilesGetClearMessages() throws IOException {
    Run typedCsv = run("--input", SparkTests.sample().toString(), "--output", dir.resolve("x").toString(),
        "--text-column", "comment", "--layout", "typed");
    assertEquals(2, typedCsv.exit());
    assertEquals("verbatim-spark: error: --layout typed needs --format parquet (CSV cannot hold arrays)",
        typedCsv.err().strip());

    Run noColumn = run("--input", SparkTests.sample().toString(), "--output", dir.resolve("y").toString(),
        "--text-column", "text");
    assertEquals(2, noColumn.exit());
    assertTrue(noColumn.err().contains("no text column 'text'; columns: id, date, team, comment"), noColumn.err());

    Path model = dir.resolve("truncated.zip");
    Files.write(model, "PK\u0003\u0004 truncated".getBytes(StandardCharsets.ISO_8859_1));
    Run badModel = run("--input", SparkTests.sample().toString(), "--output", dir.resolve("z").toString(),
        "--text-column", "comment", "--model", model.toString());
    assertEquals(1, badModel.exit());
    assertTrue(badModel.err().startsWith("verbatim-spark: error: verbatim: cannot load model " + model), badModel.err());
    assertFalse(badModel.err().contains("\tat "), "no stack trace: " + badModel.err());
    assertFalse(Files.exists(dir.resolve("z")));

    Path exists = dir.resolve("exists");
    Files.createDirectories(exists);
    Run again = run("--input", SparkTests.sample().toString(), "--output", exists.toString(), "--text-column", "comment");
    assertEquals(1, again.exit());
    assertTrue(again.err().contains("already exists; give --overwrite"), again.err());
  }
}
