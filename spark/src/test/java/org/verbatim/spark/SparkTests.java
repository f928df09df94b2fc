package org.verbatim.spark;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/** One local[2] Spark session for every test class of the module (started once per test JVM), and CSV helpers. */
final class SparkTests {

  private static SparkSession session;

  private SparkTests() {}

  static synchronized SparkSession spark() {
    if (session == null) {
      session = SparkSession.builder()
          .master("local[2]")
          .appName("verbatim-spark-tests")
          .config("spark.ui.enabled", false)
          .config("spark.sql.shuffle.partitions", 4)
          .config("spark.driver.host", "127.0.0.1")
          .getOrCreate();
      session.sparkContext().setLogLevel("ERROR");
    }
    return session;
  }

  /** The project's sample of social-care feedback (written for the project, not real feedback). */
  static Path sample() {
    return Path.of("..", "examples", "data", "sample-feedback.csv");
  }

  /** The project's fictional social-care development set, coded (id, text, labels, ...). */
  static Path codedDev() {
    return Path.of("..", "benchmarks", "src", "main", "resources", "org", "verbatim", "bench", "socialcare", "dev.csv");
  }

  /**
   * Writes the project's sample plus rows that are hard for a CSV round trip or for the classifier (empty, blank,
   * line breaks, quotes, leading and trailing spaces, emoji) to {@code file}, and returns it.
   */
  static Path writeFixture(Path file) throws IOException {
    List<Map<String, String>> sample = readCsv(sample());
    String[][] extra = {
      {"x-empty", ""},
      {"x-blank", "   "},
      {"x-lines", "Staff were rude.\nNobody listened to my mum,\r\nbut the nurse was \"kind\"."},
      {"x-unicode", "Les aidants étaient gentils 😊 but never on time, always late"},
      {"x-comma", "Kind, patient, and they explained everything clearly, thank you"},
      {"x-spaces", "  nobody ever listened to us  "},
    };
    try (java.io.Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        org.apache.commons.csv.CSVPrinter p = new org.apache.commons.csv.CSVPrinter(w,
            CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
      p.printRecord(sample.get(0).keySet());
      for (Map<String, String> r : sample) {
        p.printRecord(r.values());
      }
      for (String[] e : extra) {
        p.printRecord(e[0], "2026-02-01", "Test", e[1]);
      }
    }
    return file;
  }

  /** Every record of a CSV file (or of every part-*.csv file of a directory) as ordered maps. */
  static List<Map<String, String>> readCsv(Path path) throws IOException {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        s.filter(p -> p.getFileName().toString().startsWith("part-")).sorted().forEach(files::add);
      }
    } else {
      files.add(path);
    }
    List<Map<String, String>> rows = new ArrayList<>();
    for (Path f : files) {
      try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8);
          CSVParser p = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(r)) {
        for (CSVRecord rec : p) {
          Map<String, String> m = new LinkedHashMap<>();
          for (String h : p.getHeaderNames()) {
            m.put(h, rec.get(h));
          }
          rows.add(m);
        }
      }
    }
    return rows;
  }

  /** A DataFrame of string columns from CSV rows. */
  static Dataset<Row> frame(List<Map<String, String>> rows, List<String> columns) {
    StructType schema = new StructType();
    for (String c : columns) {
      schema = schema.add(c, DataTypes.StringType, true);
    }
    List<Row> out = new ArrayList<>();
    for (Map<String, String> m : rows) {
      out.add(RowFactory.create(columns.stream().map(m::get).toArray()));
    }
    return spark().createDataFrame(out, schema);
  }
}
