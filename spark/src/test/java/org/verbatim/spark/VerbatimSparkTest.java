package org.verbatim.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.verbatim.Classification;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.cli.Main;
import org.verbatim.eval.LabelStats;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.io.OutputColumns;

/** The Spark module against the library and the command line on the same comments, in local[2] mode. */
class VerbatimSparkTest {

  static final List<String> FLAT = OutputColumns.withPrefix("").names();

  @TempDir static Path dir;
  static Path input;
  static List<Map<String, String>> rows;
  static List<String> columns;
  /** What `verbatim classify` wrote for the input, by id. */
  static Map<String, Map<String, String>> cli;

  @BeforeAll
  static void classifyWithTheCli() throws IOException {
    input = SparkTests.writeFixture(dir.resolve("input.csv"));
    columns = List.of("id", "date", "team", "comment");
    rows = SparkTests.readCsv(input);
    Path out = dir.resolve("cli.csv");
    int exit = Main.commandLine().execute("classify", "--input", input.toString(), "--output", out.toString(),
        "--text-column", "comment", "--id-column", "id", "--quiet");
    assertEquals(0, exit);
    cli = byId(SparkTests.readCsv(out));
    assertEquals(rows.size(), cli.size());
  }

  static Map<String, Map<String, String>> byId(List<Map<String, String>> list) {
    Map<String, Map<String, String>> m = new HashMap<>();
    for (Map<String, String> r : list) {
      assertNull(m.put(r.get("id"), r), "duplicate id " + r.get("id"));
    }
    return m;
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 17})
  void flatColumnsEqualTheCommandLineForAnyPartitioning(int partitions) {
    Dataset<Row> df = SparkTests.frame(rows, columns).repartition(partitions);
    Dataset<Row> out = VerbatimSpark.classifyFlat(df, "comment", ClassifierSpec.defaultCodebook());
    assertEquals(partitions, out.rdd().getNumPartitions());
    List<Row> got = out.collectAsList();
    assertEquals(rows.size(), got.size());
    int tagged = 0;
    for (Row r : got) {
      Map<String, String> expected = cli.get(r.<String>getAs("id"));
      assertNotNull(expected, r.<String>getAs("id"));
      for (String c : columns) {
        assertEquals(expected.get(c), r.getAs(c), c);
      }
      for (String c : FLAT) {
        assertEquals(expected.get(c), r.getAs(c), r.getAs("id") + " " + c);
      }
      tagged += r.<String>getAs("themes").isEmpty() ? 0 : 1;
    }
    assertTrue(tagged > rows.size() / 2, "most sample comments have a theme: " + tagged);
  }

  @Test
  void typedColumnsEqualTheLibrary() {
    ThemeClassifier library = ExecutorClassifiers.build(ClassifierSpec.defaultCodebook());
    Dataset<Row> df = SparkTests.frame(rows, columns).repartition(5);
    Dataset<Row> out = VerbatimSpark.classify(df, "comment", ClassifierSpec.defaultCodebook());
    assertEquals("array<struct<theme:string,score:double,polarity:string,evidence:array<struct<start:int,end:int,text:string>>>>",
        out.schema().apply("themes").dataType().simpleString());
    int spans = 0;
    for (Row r : out.collectAsList()) {
      String text = r.getAs("comment");
      Classification expected = text.isBlank() ? Classification.EMPTY : library.classify(text);
      List<Row> themes = r.getList(r.fieldIndex("themes"));
      assertEquals(expected.tags().size(), themes.size(), r.<String>getAs("id"));
      for (int i = 0; i < themes.size(); i++) {
        ThemeTag t = expected.tags().get(i);
        Row got = themes.get(i);
        assertEquals(t.themeId(), got.getString(0));
        assertEquals(t.score(), got.getDouble(1));
        assertEquals(t.polarity().id(), got.getString(2));
        List<Row> ev = got.getList(3);
        assertEquals(t.evidence().size(), ev.size());
        for (int k = 0; k < ev.size(); k++) {
          assertEquals(t.evidence().get(k).start(), ev.get(k).getInt(0));
          assertEquals(t.evidence().get(k).end(), ev.get(k).getInt(1));
          assertEquals(t.evidence().get(k).in(text), ev.get(k).getString(2));
          spans++;
        }
      }
      assertNull(r.getAs("error"));
    }
    assertTrue(spans > 50, "evidence spans checked: " + spans);
  }

  @Test
  void nullsAndEmptyStringsKeepTheirRowsWithoutThemes() {
    StructType schema = new StructType().add("id", DataTypes.IntegerType).add("text", DataTypes.StringType, true);
    List<Row> in = Arrays.asList(RowFactory.create(1, null), RowFactory.create(2, ""), RowFactory.create(3, " \n\t"),
        RowFactory.create(4, "The staff never listened to us."), RowFactory.create(null, null));
    Dataset<Row> df = SparkTests.spark().createDataFrame(in, schema).repartition(2);
    List<Row> typed = VerbatimSpark.classify(df, "text", ClassifierSpec.defaultCodebook()).collectAsList();
    List<Row> flat = VerbatimSpark.classifyFlat(df, "text", ClassifierSpec.defaultCodebook()).collectAsList();
    assertEquals(5, typed.size());
    assertEquals(5, flat.size());
    for (Row r : typed) {
      boolean tagged = Integer.valueOf(4).equals(r.getAs("id"));
      assertEquals(tagged, !r.getList(r.fieldIndex("themes")).isEmpty(), String.valueOf(r.<Object>getAs("id")));
      assertNull(r.getAs("error"));
    }
    for (Row r : flat) {
      boolean tagged = Integer.valueOf(4).equals(r.getAs("id"));
      assertEquals(tagged, r.<String>getAs("themes").contains("listening"), String.valueOf(r.<Object>getAs("id")));
      assertEquals("", r.getAs("error"));
    }
  }

  @Test
  void theClassifierIsBuiltOncePerJvmWhateverThePartitions() {
    ExecutorClassifiers.clear();
    long before = ExecutorClassifiers.builds();
    ClassifierSpec spec = ClassifierSpec.codebook(minimalCodebook(), "tiny.yaml");
    Dataset<Row> df = SparkTests.frame(rows, columns).repartition(12);
    assertEquals(rows.size(), VerbatimSpark.classify(df, "comment", spec).collectAsList().size());
    assertEquals(rows.size(), VerbatimSpark.classifyFlat(df, "comment", spec).collectAsList().size());
    assertEquals(1, ExecutorClassifiers.builds() - before);
  }

  @Test
  void aModelThatCannotBeLoadedFailsTheJobNamingTheModelAndTheReason() {
    ClassifierSpec bad = ClassifierSpec.model("PK not really a zip".getBytes(StandardCharsets.UTF_8), "broken-model.zip");
    Dataset<Row> df = SparkTests.frame(rows, columns).repartition(3);
    Dataset<Row> out = VerbatimSpark.classify(df, "comment", bad); // lazy: nothing loaded yet
    Exception e = assertThrows(Exception.class, out::collectAsList);
    ClassifierLoadException load = null;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ClassifierLoadException c) {
        load = c;
      }
    }
    assertNotNull(load, "cause chain: " + e);
    assertTrue(load.getMessage().startsWith("verbatim: cannot load model broken-model.zip (sha256 "), load.getMessage());
    assertTrue(load.getMessage().contains(" on the driver") || load.getMessage().contains(" on executor "), load.getMessage());
    assertFalse(load.getMessage().contains("verbatim-model-"), "no temporary file name: " + load.getMessage());
  }

  @Test
  void badColumnsAreRefusedWithTheirNames() {
    Dataset<Row> df = SparkTests.frame(rows, columns);
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> VerbatimSpark.classify(df, "text", ClassifierSpec.defaultCodebook()));
    assertEquals("no text column 'text'; columns: id, date, team, comment", missing.getMessage());
    Dataset<Row> clash = df.withColumnRenamed("team", "Themes");
    IllegalArgumentException taken = assertThrows(IllegalArgumentException.class,
        () -> VerbatimSpark.classifyFlat(clash, "comment", ClassifierSpec.defaultCodebook()));
    assertTrue(taken.getMessage().contains("a column Themes"), taken.getMessage());
    assertEquals(rows.size(), VerbatimSpark.classifyFlat(clash, "comment", ClassifierSpec.defaultCodebook(),
        OutputColumns.withPrefix("vb_")).count());
    Dataset<Row> numeric = SparkTests.spark().range(3).toDF("comment");
    IllegalArgumentException type = assertThrows(IllegalArgumentException.class,
        () -> VerbatimSpark.classify(numeric, "comment", ClassifierSpec.defaultCodebook()));
    assertEquals("text column 'comment' must hold strings, not bigint", type.getMessage());
  }

  @Test
  void aTrainedModelGivenAsBytesGivesTheRowsOfClassifyModel() throws IOException {
    Path model = dir.resolve("model.zip");
    assertEquals(0, Main.commandLine().execute("train", "--input", SparkTests.codedDev().toString(), "--output",
        model.toString(), "--folds", "2", "--kind", "logistic", "--threads", "1"));
    Path out = dir.resolve("cli-model.csv");
    assertEquals(0, Main.commandLine().execute("classify", "--input", input.toString(), "--output", out.toString(),
        "--text-column", "comment", "--model", model.toString(), "--quiet"));
    Map<String, Map<String, String>> expected = byId(SparkTests.readCsv(out));
    ClassifierSpec spec = ClassifierSpec.model(java.nio.file.Files.readAllBytes(model), "model.zip");
    List<Row> got = VerbatimSpark.classifyFlat(SparkTests.frame(rows, columns).repartition(4), "comment", spec)
        .collectAsList();
    assertEquals(expected.size(), got.size());
    int tagged = 0;
    for (Row r : got) {
      for (String c : FLAT) {
        assertEquals(expected.get(r.<String>getAs("id")).get(c), r.getAs(c), r.getAs("id") + " " + c);
      }
      tagged += r.<String>getAs("themes").isEmpty() ? 0 : 1;
    }
    assertTrue(tagged > 10, "rows tagged by the model: " + tagged);
  }

  @Test
  void evaluationEqualsTheCommandLine() throws IOException {
    Path json = dir.resolve("evaluate.json");
    int exit = Main.commandLine().execute("evaluate", "--input", SparkTests.codedDev().toString(), "--json",
        json.toString(), "--resamples", "0");
    assertEquals(0, exit);
    JsonNode expected = findMetrics(new ObjectMapper().readTree(json.toFile()));
    assertNotNull(expected, "metrics in " + json);
    List<Map<String, String>> coded = SparkTests.readCsv(SparkTests.codedDev());
    Dataset<Row> df = SparkTests.frame(coded, List.of("id", "text", "labels")).repartition(4);
    MultiLabelReport got = VerbatimSpark.evaluate(df, "text", "labels", ClassifierSpec.defaultCodebook());
    assertEquals(expected.get("n_docs").asInt(), got.nDocs());
    assertEquals(coded.size(), got.nDocs());
    for (String field : List.of("micro_precision", "micro_recall", "micro_f1", "macro_f1", "macro_f1_gold",
        "weighted_f1", "samples_f1", "hamming_loss", "subset_accuracy")) {
      assertEquals(expected.get(field).asDouble(), metric(got, field), 1e-12, field);
    }
    assertEquals(expected.get("tp").asLong(), got.tp());
    JsonNode perLabel = expected.get("per_label");
    assertEquals(perLabel.size(), got.perLabel().size());
    Iterator<String> names = perLabel.fieldNames();
    for (String theme : got.perLabel().keySet()) {
      assertEquals(names.next(), theme);
      LabelStats s = got.perLabel().get(theme);
      assertEquals(perLabel.get(theme).get("tp").asInt(), s.tp(), theme);
      assertEquals(perLabel.get(theme).get("fp").asInt(), s.fp(), theme);
      assertEquals(perLabel.get(theme).get("fn").asInt(), s.fn(), theme);
    }
    assertTrue(got.microF1() > 0.5, "zero-shot micro-F1 on the dev set: " + got.microF1());
  }

  private static double metric(MultiLabelReport r, String field) {
    return switch (field) {
      case "micro_precision" -> r.microPrecision();
      case "micro_recall" -> r.microRecall();
      case "micro_f1" -> r.microF1();
      case "macro_f1" -> r.macroF1();
      case "macro_f1_gold" -> r.macroF1Gold();
      case "weighted_f1" -> r.weightedF1();
      case "samples_f1" -> r.samplesF1();
      case "hamming_loss" -> r.hammingLoss();
      default -> r.subsetAccuracy();
    };
  }

  private static JsonNode findMetrics(JsonNode node) {
    if (node.has("per_label") && node.has("micro_f1")) {
      return node;
    }
    for (JsonNode child : node) {
      JsonNode found = child.isContainerNode() ? findMetrics(child) : null;
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  static byte[] minimalCodebook() {
    String yaml = String.join("\n",
        "format: verbatim-codebook/1",
        "id: tiny",
        "name: Tiny codebook",
        "version: 0.1.0",
        "language: en",
        "description: A codebook for tests.",
        "sources:",
        "  - id: own",
        "    citation: Written for this test.",
        "themes:",
        "  - id: listening",
        "    name: Listening",
        "    definition: Being heard.",
        "    sources: [own]",
        "    cues:",
        "      - listen*",
        "      - {pattern: \"never listened\", polarity: negative}",
        "");
    return yaml.getBytes(StandardCharsets.UTF_8);
  }
}
