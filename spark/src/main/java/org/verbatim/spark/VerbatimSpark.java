package org.verbatim.spark;

import static org.apache.spark.sql.functions.aggregate;
import static org.apache.spark.sql.functions.array_contains;
import static org.apache.spark.sql.functions.array_intersect;
import static org.apache.spark.sql.functions.array_union;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.verbatim.eval.LabelSets;
import org.verbatim.eval.LabelStats;
import org.verbatim.eval.MultiLabelMetrics;
import org.verbatim.eval.MultiLabelReport;
import org.verbatim.io.Csv;
import org.verbatim.io.OutputColumns;

/**
 * Classifies and evaluates Spark DataFrames of comments with Verbatim, on the executors: the classifier's bytes
 * (codebook or model zip, a {@link ClassifierSpec}) are broadcast once, each executor JVM builds the classifier
 * once and shares it between its task threads, and each partition is classified in one pass
 * ({@code mapPartitions}). Results equal the library's and {@code verbatim classify}'s on the same comments.
 *
 * <pre>{@code
 * Dataset<Row> comments = spark.read().parquet("s3://bucket/feedback/");
 * Dataset<Row> tagged = VerbatimSpark.classify(comments, "comment", ClassifierSpec.defaultCodebook());
 * tagged.select(col("id"), explode(col("themes")).as("t")).groupBy("t.theme").count().show();
 * VerbatimSpark.classifyFlat(comments, "comment", ClassifierSpec.model(Path.of("model.zip")))
 *     .write().option("header", true).csv("out/");                // the columns of verbatim classify
 * MultiLabelReport r = VerbatimSpark.evaluate(coded, "text", "labels", ClassifierSpec.defaultCodebook());
 * }</pre>
 *
 * <p>Every input row gives one output row, in the same partition and order. A null or blank text gets no themes
 * and no error; a comment whose classification throws gets an {@code error} (the exception, never the text). A spec
 * that cannot be loaded fails the job with a {@link ClassifierLoadException} naming the spec, the executor and the
 * reason. The methods are lazy like Spark's (nothing runs until an action), except {@link #evaluate}, which runs
 * the job. Stateless and thread-safe.
 */
public final class VerbatimSpark {

  /** The struct of one evidence span: offsets {@code [start, end)} into the text, and the text they cover. */
  public static final StructType EVIDENCE = new StructType()
      .add("start", DataTypes.IntegerType, false)
      .add("end", DataTypes.IntegerType, false)
      .add("text", DataTypes.StringType, false);

  /** The struct of one theme: id, score in [0, 1], polarity id ({@code positive}, ...), evidence spans. */
  public static final StructType THEME = new StructType()
      .add("theme", DataTypes.StringType, false)
      .add("score", DataTypes.DoubleType, false)
      .add("polarity", DataTypes.StringType, false)
      .add("evidence", DataTypes.createArrayType(EVIDENCE, false), false);

  private VerbatimSpark() {}

  /**
   * The rows with two columns added: {@code themes} ({@code array<}{@link #THEME}{@code >}, highest score first;
   * empty for no theme) and {@code error} (null, or why the row has no themes).
   *
   * @throws IllegalArgumentException if the text column is missing or not a string column, or the DataFrame
   *     already has a {@code themes} or {@code error} column (see {@link #classify(Dataset, String, ClassifierSpec,
   *     OutputColumns)})
   */
  public static Dataset<Row> classify(Dataset<Row> df, String textColumn, ClassifierSpec spec) {
    return classify(df, textColumn, spec, OutputColumns.withPrefix(""));
  }

  /**
   * {@link #classify(Dataset, String, ClassifierSpec)} with the added columns named with a prefix
   * ({@code vb_themes}, {@code vb_error}).
   *
   * @throws IllegalArgumentException as {@link #classify(Dataset, String, ClassifierSpec)}
   */
  public static Dataset<Row> classify(Dataset<Row> df, String textColumn, ClassifierSpec spec, OutputColumns columns) {
    Objects.requireNonNull(columns, "columns");
    StructType schema = check(df, textColumn, spec, List.of(columns.themes(), columns.error()));
    StructType out = schema
        .add(columns.themes(), DataTypes.createArrayType(THEME, false), false)
        .add(columns.error(), DataTypes.StringType, true);
    return run(df, textColumn, spec, -1, PartitionClassifier.Layout.TYPED, out, null);
  }

  /**
   * The rows with the six string columns that {@code verbatim classify} adds to a CSV file, with the same values:
   * {@code themes} ({@code a;b}), {@code scores} ({@code a:0.83;b:0.61}), {@code polarity}
   * ({@code a:negative;b:positive}), {@code evidence} ({@code a:4-23,30-41}), {@code evidence_text}
   * ({@code a: never listened | ignored me}) and {@code error} (empty when none).
   *
   * @throws IllegalArgumentException if the text column is missing or not a string column, or an added column's
   *     name is taken (use {@link #classifyFlat(Dataset, String, ClassifierSpec, OutputColumns)} with a prefix)
   */
  public static Dataset<Row> classifyFlat(Dataset<Row> df, String textColumn, ClassifierSpec spec) {
    return classifyFlat(df, textColumn, spec, OutputColumns.withPrefix(""));
  }

  /**
   * {@link #classifyFlat(Dataset, String, ClassifierSpec)} with prefixed column names, as {@code verbatim classify
   * --column-prefix}.
   *
   * @throws IllegalArgumentException as {@link #classifyFlat(Dataset, String, ClassifierSpec)}
   */
  public static Dataset<Row> classifyFlat(Dataset<Row> df, String textColumn, ClassifierSpec spec, OutputColumns columns) {
    return classifyFlat(df, textColumn, spec, columns, null);
  }

  static Dataset<Row> classifyFlat(Dataset<Row> df, String textColumn, ClassifierSpec spec, OutputColumns columns,
      PartitionClassifier.Counters counters) {
    Objects.requireNonNull(columns, "columns");
    StructType out = check(df, textColumn, spec, columns.names());
    for (String name : columns.names()) {
      out = out.add(name, DataTypes.StringType, false);
    }
    return run(df, textColumn, spec, -1, PartitionClassifier.Layout.FLAT, out, counters);
  }

  /**
   * Classifies the comments and scores the themes against a column of coded labels ({@code ;}-joined theme ids, as
   * the datasets and {@code verbatim evaluate} read them; null or empty is "no theme"), with Spark aggregations:
   * per-theme true positives, false positives and false negatives summed over the partitions, then precision,
   * recall and F1 per theme and micro and macro averages over the themes that were coded or predicted, as
   * {@code verbatim evaluate} computes them (its bootstrap intervals and agreement statistics are not computed
   * here). Runs a Spark job.
   *
   * @throws IllegalArgumentException if a column is missing or not a string column
   * @throws IllegalStateException naming the count if some comments could not be classified
   */
  public static MultiLabelReport evaluate(Dataset<Row> df, String textColumn, String labelsColumn, ClassifierSpec spec) {
    Objects.requireNonNull(labelsColumn, "labelsColumn");
    StructType schema = check(df, textColumn, spec, List.of());
    int labelsIndex = stringColumn(schema, labelsColumn, "labels");
    StructType pairs = new StructType()
        .add("gold", DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add("pred", DataTypes.createArrayType(DataTypes.StringType, false), false)
        .add("error", DataTypes.StringType, true);
    Dataset<Row> p = run(df, textColumn, spec, labelsIndex, PartitionClassifier.Layout.LABELS, pairs, null).cache();
    try {
      Column g = size(col("gold"));
      Column pr = size(col("pred"));
      Column both = size(array_intersect(col("gold"), col("pred")));
      Column one = lit(1L);
      Column zero = lit(0L);
      Row docs = p.agg(
          count(lit(1)),
          sum(when(col("error").isNotNull(), one).otherwise(zero)),
          sum(when(both.equalTo(g).and(both.equalTo(pr)), one).otherwise(zero)),
          sum(when(g.plus(pr).equalTo(0), lit(1.0)).otherwise(lit(2.0).multiply(both).divide(g.plus(pr)))),
          sum(when(g.equalTo(0), one).otherwise(zero)),
          sum(when(pr.equalTo(0), one).otherwise(zero)),
          sum(g),
          sum(pr)).first();
      long n = docs.getLong(0);
      long errors = docs.isNullAt(1) ? 0 : docs.getLong(1);
      if (errors > 0) {
        throw new IllegalStateException(errors + " of " + n + " comments could not be classified (see the error column of "
            + "classify); nothing was scored");
      }
      List<Row> perLabel = p
          .select(col("gold"), col("pred"), explode(array_union(col("gold"), col("pred"))).as("label"))
          .groupBy("label")
          .agg(
              sum(when(array_contains(col("gold"), col("label")).and(array_contains(col("pred"), col("label"))), one)
                  .otherwise(zero)).as("tp"),
              sum(when(array_contains(col("gold"), col("label")), zero).otherwise(one)).as("fp"),
              sum(when(array_contains(col("pred"), col("label")), zero).otherwise(one)).as("fn"))
          .collectAsList();
      return report(n, docs, perLabel);
    } finally {
      p.unpersist();
    }
  }

  private static MultiLabelReport report(long n, Row docs, List<Row> perLabel) {
    TreeMap<String, LabelStats> sorted = new TreeMap<>(LabelSets.CODE_POINT_ORDER);
    for (Row r : perLabel) {
      sorted.put(r.getString(0), LabelStats.of(Math.toIntExact(r.getLong(1)), Math.toIntExact(r.getLong(2)),
          Math.toIntExact(r.getLong(3))));
    }
    // docs: 2 exact matches, 3 sum of per-document F1, 4 no gold label, 5 no predicted label, 6 gold and 7 predicted labels
    return MultiLabelMetrics.fromCounts(Math.toIntExact(n), sorted,
        new MultiLabelMetrics.DocumentSums(docs.getLong(2), docs.getDouble(3), docs.getLong(4), docs.getLong(5),
            docs.getLong(6), docs.getLong(7)), 0, 0);
  }

  private static StructType check(Dataset<Row> df, String textColumn, ClassifierSpec spec, List<String> added) {
    Objects.requireNonNull(df, "df");
    Objects.requireNonNull(textColumn, "textColumn");
    Objects.requireNonNull(spec, "spec");
    StructType schema = df.schema();
    stringColumn(schema, textColumn, "text");
    List<String> clashes = new OutputColumnsCheck(added).clashes(Arrays.asList(schema.fieldNames()));
    if (!clashes.isEmpty()) {
      throw new IllegalArgumentException("the DataFrame already has " + (clashes.size() == 1 ? "a column " : "columns ")
          + String.join(", ", clashes) + ", which classification adds; give a column prefix (e.g. vb_)");
    }
    return schema;
  }

  private static int stringColumn(StructType schema, String name, String role) {
    int index;
    try {
      index = schema.fieldIndex(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("no " + role + " column '" + name + "'; columns: "
          + String.join(", ", schema.fieldNames()), e);
    }
    StructField f = schema.fields()[index];
    if (!(f.dataType() instanceof StringType)) {
      throw new IllegalArgumentException(role + " column '" + name + "' must hold strings, not "
          + f.dataType().simpleString());
    }
    return index;
  }

  private static Dataset<Row> run(Dataset<Row> df, String textColumn, ClassifierSpec spec, int labelsIndex,
      PartitionClassifier.Layout layout, StructType out, PartitionClassifier.Counters counters) {
    return run(df, textColumn, spec, labelsIndex, layout, Encoders.row(out), counters);
  }

  private static <U> Dataset<U> run(Dataset<Row> df, String textColumn, ClassifierSpec spec, int labelsIndex,
      PartitionClassifier.Layout layout, Encoder<U> encoder, PartitionClassifier.Counters counters) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(df.sparkSession().sparkContext());
    Broadcast<ClassifierSpec> bytes = jsc.broadcast(spec);
    int textIndex = df.schema().fieldIndex(textColumn);
    return df.mapPartitions(new PartitionClassifier<U>(bytes, textIndex, labelsIndex, layout, counters), encoder);
  }

  /**
   * Whether {@link #csvRecords} can write a DataFrame's columns: strings, integers, floating-point numbers and
   * booleans, whose text is Java's {@code toString} as in Spark's CSV writer. Other types (dates, decimals, ...)
   * go through Spark's CSV writer.
   */
  static boolean csvRecordsSupported(StructType schema) {
    for (StructField f : schema.fields()) {
      DataType t = f.dataType();
      if (!(t instanceof StringType || t instanceof IntegerType || t instanceof LongType || t instanceof ShortType
          || t instanceof ByteType || t instanceof BooleanType || t instanceof DoubleType || t instanceof FloatType)) {
        return false;
      }
    }
    return true;
  }

  /**
   * The rows of {@link #classifyFlat} as finished CSV records ({@code byte[]}, UTF-8, no line end, quoted as
   * {@code verbatim classify} quotes), for {@link CsvRecordsFormat}; {@link #csvHeader} is their header.
   *
   * @throws IllegalArgumentException as {@link #classifyFlat}, or if a column's type is not {@link
   *     #csvRecordsSupported supported}
   */
  static Dataset<byte[]> csvRecords(Dataset<Row> df, String textColumn, ClassifierSpec spec, OutputColumns columns,
      PartitionClassifier.Counters counters) {
    Objects.requireNonNull(columns, "columns");
    check(df, textColumn, spec, columns.names());
    if (!csvRecordsSupported(df.schema())) {
      throw new IllegalArgumentException("CSV records need string, number or boolean columns: "
          + df.schema().simpleString());
    }
    return run(df, textColumn, spec, -1, PartitionClassifier.Layout.CSV, Encoders.BINARY(), counters);
  }

  /** The header record of {@link #csvRecords} (no line end). */
  static String csvHeader(StructType schema, OutputColumns columns) {
    Csv.RecordBuilder header = new Csv.RecordBuilder();
    for (String name : schema.fieldNames()) {
      header.add(name);
    }
    for (String name : columns.names()) {
      header.add(name);
    }
    return new String(header.take(), StandardCharsets.UTF_8);
  }

  /** Case-insensitive clash check of added column names (the rule of {@link OutputColumns#clashes}). */
  private record OutputColumnsCheck(List<String> added) {
    List<String> clashes(List<String> input) {
      List<String> out = new ArrayList<>();
      for (String c : input) {
        for (String a : added) {
          if (a.equalsIgnoreCase(c) && !out.contains(c)) {
            out.add(c);
          }
        }
      }
      return out;
    }
  }
}
