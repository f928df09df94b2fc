package org.verbatim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.verbatim.io.OutputColumns;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The {@code spark-submit} job: reads comments from Parquet or CSV, classifies them on the cluster and writes
 * Parquet or CSV with the columns of {@code verbatim classify}.
 *
 * <pre>{@code
 * spark-submit --class org.verbatim.spark.ClassifyJob verbatim-spark.jar \
 *     --input s3://bucket/feedback.parquet --output s3://bucket/tagged --id-column id --text-column comment
 * java -jar spark/target/verbatim-spark-local.jar --master 'local[2]' --input f.csv --output out --format csv ...
 * }</pre>
 *
 * <p>Exit codes: 0 done, 1 the input, classifier or output cannot be used, 2 the command line is wrong. Messages
 * go to stderr without stack traces and never contain comment text. Not thread-safe: one instance per run.
 */
@Command(
    name = "verbatim-spark",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Classify the comments of a Parquet or CSV data set on Apache Spark.",
    description = {
      "Writes every input row and column and adds, in the flat layout, the columns of 'verbatim classify':",
      "themes, scores, polarity, evidence, evidence_text and error (the same values); in the typed layout",
      "(Parquet only), themes as array<struct<theme, score, polarity, evidence: array<struct<start, end, text>>>>",
      "and error.",
      "The output is a directory of part files, complete when it holds _SUCCESS (Spark's commit protocol).",
      ""
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:done", "1:the input, classifier or output cannot be used", "2:the command line is wrong"})
public final class ClassifyJob implements Callable<Integer> {

  static final int DATA_ERROR = 1;
  static final int USAGE_ERROR = 2;

  @Spec CommandSpec spec;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master, e.g. local[2] or spark://host:7077. Default: the one spark-submit gives, else local[*].")
  String master;

  @Option(names = {"-i", "--input"}, required = true, paramLabel = "PATH",
      description = "Parquet file or directory, or CSV file or directory (header row, UTF-8, RFC 4180 quoting).")
  String input;

  @Option(names = "--input-format", paramLabel = "csv|parquet",
      description = "Input format. Default: from the extension (.csv, .parquet), else Parquet.")
  String inputFormat;

  @Option(names = {"-o", "--output"}, required = true, paramLabel = "DIR",
      description = "Output directory; must not exist unless --overwrite.")
  String output;

  @Option(names = {"-f", "--format"}, paramLabel = "csv|parquet", description = "Output format. Default: the input's.")
  String format;

  @Option(names = "--id-column", paramLabel = "NAME",
      description = "Column identifying rows; checked to exist, and named in the list of rows with an error.")
  String idColumn;

  @Option(names = {"-t", "--text-column"}, required = true, paramLabel = "NAME", description = "Column holding the comments.")
  String textColumn;

  @Option(names = {"-m", "--model"}, paramLabel = "FILE",
      description = "A model zip from 'verbatim train'; with --codebook, a hybrid as in 'verbatim classify'.")
  Path model;

  @Option(names = {"-c", "--codebook"}, paramLabel = "PATH",
      description = "A YAML codebook. Default: the bundled social-care codebook.")
  Path codebook;

  @Option(names = "--layout", paramLabel = "flat|typed|input", defaultValue = "flat",
      description = "flat (default): the CSV columns of 'verbatim classify'; typed: an array of structs (Parquet "
          + "only); input: no classification, the input columns only (converts CSV to Parquet).")
  String layout;

  @Option(names = "--column-prefix", paramLabel = "PREFIX", defaultValue = "",
      description = "Prefix for the added columns (e.g. vb_ gives vb_themes).")
  String columnPrefix;

  @Option(names = "--partitions", paramLabel = "N",
      description = "Repartition the input into N partitions first. Default: as read.")
  Integer partitions;

  @Option(names = "--overwrite", description = "Replace the output directory if it exists.")
  boolean overwrite;

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr; errors are still printed.")
  boolean quiet;

  /** A failure with its exit code and message. */
  static final class Failure extends Exception {
    private static final long serialVersionUID = 1L;
    final int exitCode;

    Failure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  /** Runs the job and exits with its code. */
  public static void main(String[] args) {
    // java -jar verbatim-spark-local.jar: in a child JVM with the jar's class-data archive and C1, when it has one
    int relaunched = LocalRelaunch.run(args);
    if (relaunched >= 0) {
      System.exit(relaunched);
    }
    // in local mode outside spark-submit (which has configured logging by now), Spark's warnings only
    if (System.getProperty("log4j2.configurationFile") == null && Arrays.asList(args).contains("--master")) {
      System.setProperty("log4j2.configurationFile", "org/verbatim/spark/log4j2-local.properties");
    }
    System.exit(run(args));
  }

  /** Runs the job and returns its exit code (for tests and embedding; the SparkSession is left running). */
  public static int run(String... args) {
    return new CommandLine(new ClassifyJob()).execute(args);
  }

  /** Runs the job with messages to {@code err} and returns its exit code. */
  static int run(PrintWriter err, String... args) {
    return new CommandLine(new ClassifyJob()).setErr(err).execute(args);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      run(err);
      return 0;
    } catch (Failure f) {
      err.println("verbatim-spark: error: " + f.getMessage());
      err.flush();
      return f.exitCode;
    }
  }

  private void run(PrintWriter err) throws Failure {
    long start = System.nanoTime();
    String in = inputFormat != null ? format(inputFormat, "--input-format") : guessFormat(input);
    String out = format != null ? format(format, "--format") : in;
    String lay = layout.toLowerCase(Locale.ROOT);
    if (!List.of("flat", "typed", "input").contains(lay)) {
      throw new Failure(USAGE_ERROR, "--layout: expected flat, typed or input: '" + layout + "'");
    }
    if (lay.equals("typed") && out.equals("csv")) {
      throw new Failure(USAGE_ERROR, "--layout typed needs --format parquet (CSV cannot hold arrays)");
    }
    if (partitions != null && partitions < 1) {
      throw new Failure(USAGE_ERROR, "--partitions must be at least 1: " + partitions);
    }
    if (model == null && codebook != null && !Files.isRegularFile(codebook)) {
      throw new Failure(DATA_ERROR, codebook + ": no such file");
    }
    ClassifierSpec classifier = spec();
    // fail fast on the driver: a bad model or codebook is reported before any task runs
    try {
      ExecutorClassifiers.get(classifier);
    } catch (ClassifierLoadException e) {
      throw new Failure(DATA_ERROR, e.getMessage());
    }

    SparkSession.Builder builder = SparkSession.builder().appName("verbatim-classify");
    String local = master;
    if (master == null && !SparkSession.getActiveSession().isDefined() && System.getProperty("spark.master") == null) {
      local = "local[*]";
    }
    if (local != null) {
      builder.master(local);
    }
    if (local != null && local.startsWith("local") && System.getProperty("spark.ui.enabled") == null) {
      // a local run started by this command has no one to look at Spark's web UI: no Jetty server
      builder.config("spark.ui.enabled", false);
    }
    SparkSession spark = builder.getOrCreate();
    Dataset<Row> df;
    try {
      DataFrameReader reader = spark.read();
      df = in.equals("csv")
          ? csvOptions(reader).option("multiLine", true).option("mode", "FAILFAST").csv(input)
          : reader.parquet(input);
    } catch (Exception e) { // Spark throws AnalysisException (checked) without declaring it
      throw new Failure(DATA_ERROR, input + ": cannot read as " + in + ": " + firstLine(e));
    }
    if (idColumn != null && !Arrays.asList(df.columns()).contains(idColumn)) {
      throw new Failure(USAGE_ERROR, input + ": no id column '" + idColumn + "'; columns: " + String.join(", ", df.columns()));
    }
    if (partitions != null) {
      df = df.repartition(partitions);
    }
    OutputColumns cols = OutputColumns.withPrefix(columnPrefix);
    PartitionClassifier.Counters counters = new PartitionClassifier.Counters(
        spark.sparkContext().longAccumulator("rows"), spark.sparkContext().longAccumulator("tagged"),
        spark.sparkContext().longAccumulator("errors"));
    // CSV out of the flat layout: finished CSV records written by CsvRecordsFormat, not Spark's CSV writer (much
    // slower per field in Spark 4.2); the same values, quoted as `verbatim classify` quotes them
    boolean records = lay.equals("flat") && out.equals("csv") && VerbatimSpark.csvRecordsSupported(df.schema());
    Dataset<?> result;
    try {
      result = records ? VerbatimSpark.csvRecords(df, textColumn, classifier, cols, counters) : switch (lay) {
        case "flat" -> VerbatimSpark.classifyFlat(df, textColumn, classifier, cols, counters);
        case "typed" -> VerbatimSpark.classify(df, textColumn, classifier, cols);
        default -> df;
      };
    } catch (IllegalArgumentException e) {
      throw new Failure(USAGE_ERROR, input + ": " + e.getMessage());
    }
    try {
      var writer = result.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
      if (records) {
        writer.format(CsvRecordsFormat.class.getName())
            .option(CsvRecordsFormat.HEADER, VerbatimSpark.csvHeader(df.schema(), cols)).save(output);
      } else if (out.equals("csv")) {
        // Spark's CSV writer trims values and quotes empty strings unless told otherwise
        csvOptions(writer.option("emptyValue", "").option("ignoreLeadingWhiteSpace", false)
            .option("ignoreTrailingWhiteSpace", false)).csv(output);
      } else {
        writer.parquet(output);
      }
    } catch (Exception e) { // Spark throws AnalysisException (checked) without declaring it
      ClassifierLoadException load = find(e, ClassifierLoadException.class);
      if (load != null) {
        throw new Failure(DATA_ERROR, load.getMessage());
      }
      if (e instanceof AnalysisException a && a.getMessage().contains("already exists")) {
        throw new Failure(DATA_ERROR, output + ": already exists; give --overwrite to replace it");
      }
      throw new Failure(DATA_ERROR, "writing " + output + " failed; no complete output written: " + firstLine(e));
    }
    if (!quiet) {
      if (counters.errors().sum() > 0 && idColumn != null) {
        listErrors(spark, out, cols, err);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long rows = counters.rows().sum();
      err.println(lay.equals("input")
          ? String.format(Locale.ROOT, "copied to %s in %.1f s", output, seconds)
          : lay.equals("typed")
              ? String.format(Locale.ROOT, "classified in %.1f s -> %s", seconds, output)
              : String.format(Locale.ROOT, "rows %d, tagged %d, errors %d, %.1f s, %d rows/s -> %s", rows,
                  counters.tagged().sum(), counters.errors().sum(), seconds, Math.round(rows / Math.max(seconds, 1e-3)),
                  output));
      err.flush();
    }
  }

  /** Names up to ten rows with an error, by id, reading only the id and error columns of the output. */
  private void listErrors(SparkSession spark, String out, OutputColumns cols, PrintWriter err) {
    Dataset<Row> written = out.equals("csv")
        ? csvOptions(spark.read()).option("multiLine", true).csv(output)
        : spark.read().parquet(output);
    List<Row> rows = written.filter(written.col(cols.error()).notEqual(""))
        .select(idColumn, cols.error()).limit(10).collectAsList();
    for (Row r : rows) {
      err.println("verbatim-spark: warning: id " + r.get(0) + ": " + r.get(1));
    }
  }

  private static <T extends org.apache.spark.sql.DataFrameReader> T csvOptions(T reader) {
    reader.option("header", true).option("encoding", "UTF-8").option("quote", "\"").option("escape", "\"");
    return reader;
  }

  private static <T> org.apache.spark.sql.DataFrameWriter<T> csvOptions(org.apache.spark.sql.DataFrameWriter<T> w) {
    return w.option("header", true).option("encoding", "UTF-8").option("quote", "\"").option("escape", "\"");
  }

  private ClassifierSpec spec() throws Failure {
    try {
      if (model != null) {
        ClassifierSpec s = ClassifierSpec.model(model);
        return codebook == null ? s : s.withCodebook(codebook);
      }
      return codebook == null ? ClassifierSpec.defaultCodebook() : ClassifierSpec.codebook(codebook);
    } catch (IOException e) {
      throw new Failure(DATA_ERROR, "cannot read " + (model != null ? model : codebook) + ": " + e);
    }
  }

  private static String format(String value, String option) throws Failure {
    String v = value.toLowerCase(Locale.ROOT).strip();
    if (!v.equals("csv") && !v.equals("parquet")) {
      throw new Failure(USAGE_ERROR, option + ": expected csv or parquet: '" + value + "'");
    }
    return v;
  }

  private static String guessFormat(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return p.endsWith(".csv") || p.endsWith(".csv/") ? "csv" : "parquet";
  }

  private static <T extends Throwable> T find(Throwable t, Class<T> type) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (type.isInstance(c)) {
        return type.cast(c);
      }
      if (c instanceof SparkException s && s.getCause() == null) {
        break;
      }
    }
    return null;
  }

  /** The first line of an exception's message (Spark's carry a stack trace after it). */
  private static String firstLine(Throwable e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
