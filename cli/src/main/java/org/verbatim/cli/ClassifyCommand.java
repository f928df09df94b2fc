package org.verbatim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.verbatim.ThemeClassifier;
import org.verbatim.codebook.CodebookException;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.ColumnClashException;
import org.verbatim.io.ColumnException;
import org.verbatim.io.ColumnSelector;
import org.verbatim.io.FeedbackFileException;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.io.Layout;
import org.verbatim.io.ReadOptions;
import org.verbatim.io.OutputColumns;
import org.verbatim.io.ReadLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import org.verbatim.report.ReportBuilder;
import org.verbatim.report.ReportMeta;
import org.verbatim.report.ReportOptions;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code verbatim classify}: tags every comment of a delimited-text, JSON Lines or .xlsx file and writes the rows with their
 * themes to a new file, atomically.
 *
 * <pre>{@code
 * verbatim classify --input feedback.csv --text-column "What could we do better?"
 * }</pre>
 *
 * <p>Not thread-safe: one instance per run.
 */
@Command(
    name = "classify",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    sortOptions = false,
    usageHelpAutoWidth = true,
    header = "Tag each comment of a CSV (or ;, tab, | separated), JSON Lines or Excel .xlsx file with themes.",
    description = {
      "Writes every input row and column, in order, and adds these columns:",
      "  themes    theme ids joined by ';', highest score first",
      "  scores    e.g. listening:0.83;respect:0.61",
      "  polarity  e.g. listening:negative;respect:positive",
      "  evidence  offsets [start,end) into the comment, e.g. listening:4-23,30-41",
      "  evidence_text  the words there, e.g. listening: never listened | ignored me",
      "            (themes joined by '; '; \\, | and ; in words written \\\\, \\| and \\;)",
      "  error     empty, or why the row has no themes",
      "(JSON Lines gets arrays and objects instead, with the evidence text; --layout long and onehot give other"
          + " columns, with the evidence words.) A summary OUTPUT.meta.json is written"
          + " next to the output. The output appears only when the whole input is done; an existing file is"
          + " replaced only then.",
      "",
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done (rows that could not be classified are in the output with an error)",
      "1:the input, codebook or output cannot be used (not found, not UTF-8, malformed CSV, ...)",
      "2:the command line is wrong, or a column must be named (--text-column, --column-prefix)"
    },
    footerHeading = "%nExamples:%n",
    footer = {
      "  verbatim classify --input feedback.csv",
      "  verbatim classify -i export.jsonl -o tagged.jsonl --text-column answer",
      "  verbatim classify -i survey.csv --codebook mine.yaml --column-prefix vb_",
      "  verbatim classify -i excel.csv --encoding windows-1252 -o tagged.xlsx --layout long",
      "  verbatim classify -i responses.xlsx --sheet Responses --layout onehot",
      "  verbatim classify -i f.csv --pipeline corenlp   (after mvn -Pcorenlp package: the plug-in)"
    })
public final class ClassifyCommand implements Callable<Integer> {

  /** Records read to guess the text column and the JSON field names. */
  static final int SAMPLE_SIZE = 500;
  /** Records per batch handed between the reading, classifying and writing threads. */
  static final int CHUNK_SIZE = 1024;
  /** Classification threads per processor at most: more only cost memory and switching. */
  static final int MAX_THREADS_PER_PROCESSOR = 4;

  @Spec CommandSpec spec;

  /** Set when the JVM is being stopped: the partial output and its checkpoint are then kept for --resume. */
  private volatile boolean stopping;

  @Option(
      names = {"-i", "--input"},
      required = true,
      paramLabel = "FILE",
      description = "Feedback file: CSV with a header row, or JSON Lines (one object per line); UTF-8.")
  Path input;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FILE",
      description = "Default <input-basename>.classified.<ext> beside the input (feedback.csv gives"
          + " feedback.classified.csv). The format follows the extension: .csv, .tsv, .xlsx or .jsonl (JSON Lines"
          + " input gives JSON Lines only); another extension writes the input's format.")
  Path output;

  @Option(
      names = {"-t", "--text-column"},
      paramLabel = "NAME",
      description = "Column (or JSON field) holding the comments. Default: the one column named like text,"
          + " comment(s), feedback, response, answer, verbatim, review, free_text, ... or else the one column"
          + " holding free text.")
  String textColumn;

  @Option(
      names = "--id-column",
      paramLabel = "NAME",
      description = "Column identifying rows, used in messages about bad rows. Default: a column named id,"
          + " comment_id, response_id, respondent_id, ... if there is one.")
  String idColumn;

  @Option(
      names = {"-c", "--codebook"},
      paramLabel = "PATH",
      description = "YAML codebook to classify with. Default: the bundled social-care codebook with its learned"
          + " layer (which adds themes the cues missed, from the words that predict them).")
  Path codebook;

  @Option(
      names = "--cues-only",
      description = "With the bundled codebook: tag only what its cues find, without its learned layer.")
  boolean cuesOnly;

  @Option(
      names = "--layer",
      paramLabel = "FILE",
      description = "A learned layer for the codebook (from verbatim train-layer), used instead of the bundled one.")
  Path layer;

  @Option(
      names = "--pipeline",
      paramLabel = "opennlp|corenlp",
      defaultValue = "opennlp",
      description = "Text analysis: opennlp (default, fast) or corenlp (Stanford CoreNLP: negation scope from a"
          + " dependency parse; several times slower, loads in about 15 s; needs the CoreNLP plug-in, built with"
          + " mvn -Pcorenlp package). Not used with --model.")
  String pipeline;

  @Option(
      names = {"-f", "--format"},
      paramLabel = "csv|jsonl|xlsx",
      description = "Input format. Default: from the extension (.csv, .tsv, .tab, .jsonl, .ndjson, .xlsx).")
  String format;

  @Option(
      names = "--delimiter",
      paramLabel = "CHAR",
      description = "Field delimiter of CSV input: , ; | or tab (any single punctuation character). Default: sniffed"
          + " from the start of the file among , ; tab and | (the summary says which). The output uses the same.")
  String delimiter;

  @Option(
      names = "--encoding",
      paramLabel = "NAME",
      description = "Text encoding of CSV or JSON Lines input: UTF-8 (default; a UTF-16 byte order mark is also"
          + " recognised), windows-1252 (Excel's 'CSV' on Windows), ISO-8859-1, UTF-16, ... The output is UTF-8"
          + " (with a byte order mark when the input was in another encoding, so that Excel reads it right).")
  String encoding;

  @Option(
      names = "--sheet",
      paramLabel = "NAME",
      description = "With .xlsx input: the sheet to read. Default: the first.")
  String sheet;

  @Option(
      names = "--layout",
      paramLabel = "wide|long|onehot",
      defaultValue = "wide",
      description = "Output shape: wide (default: one row per comment, the columns above); long (one row per"
          + " comment and theme: theme, score, polarity, evidence words, evidence_offsets, error; for pivot tables);"
          + " onehot (one row per comment: a 0/1 column per theme, a THEME_polarity column per theme, the evidence"
          + " words, error).")
  String layout;

  @Option(
      names = {"-j", "--threads"},
      paramLabel = "N",
      description = "Classification threads (reading and writing have their own). Default: the number of processors;"
          + " at most 4 per processor.")
  Integer threads;

  @Option(
      names = "--column-prefix",
      paramLabel = "PREFIX",
      defaultValue = "",
      description = "Prefix for the added columns, for inputs that already have a column named themes, scores,"
          + " polarity, evidence, evidence_text or error (e.g. vb_ gives vb_themes).")
  String columnPrefix;

  @Option(
      names = {"-m", "--model"},
      paramLabel = "FILE",
      description = "A trained model written by 'verbatim train' instead of the codebook; with --codebook, a hybrid "
          + "(the model picks the themes, the codebook gives polarity and evidence and its other themes). "
          + "'social-care' names the bundled social-care model (a hybrid with the default codebook: more themes "
          + "found, slower).")
  Path model;

  @Option(
      names = "--report",
      paramLabel = "FILE",
      description = "Also write a self-contained HTML report of the classified rows to FILE (see 'verbatim report').")
  Path report;

  @Option(
      names = "--date-column",
      paramLabel = "NAME",
      description = "With --report: the column holding dates, for trends by month or week.")
  String dateColumn;

  @Option(
      names = "--group-column",
      paramLabel = "NAME",
      description = "With --report: the column holding a team or group, for comparisons.")
  String groupColumn;

  @Option(
      names = "--max-field-bytes",
      paramLabel = "BYTES",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_FIELD_BYTES,
      description = "Most bytes in one CSV field or one JSON Lines line (default ${DEFAULT-VALUE}, 4 MiB). A longer"
          + " one gives its row an error (the field is left empty) and the run goes on.")
  int maxFieldBytes;

  @Option(
      names = "--max-quoted-lines",
      paramLabel = "N",
      defaultValue = "" + ReadLimits.DEFAULT_MAX_QUOTED_LINES,
      description = "Most line breaks inside one quoted CSV field (default ${DEFAULT-VALUE}). More stops the run with"
          + " an error naming the line where the field opened: usually a stray quote.")
  int maxQuotedLines;

  @Option(
      names = "--resume",
      description = "Continue an interrupted run of the same command (same input, options and codebook or model) from"
          + " its last checkpoint (taken about every second, beside the output as .OUTPUT.verbatim-partial.json); the"
          + " output is the same as an uninterrupted run's. Without an interrupted run, classifies from the start.")
  boolean resume;

  @Option(
      names = {"-q", "--quiet"},
      description = "No progress bar, warnings or summary on stderr; errors are still printed.")
  boolean quiet;

  /** A failure with its message and exit code. */
  static final class Failure extends Exception {
    final int exitCode;

    Failure(int exitCode, String message) {
      super(message);
      this.exitCode = exitCode;
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    try {
      run(err);
      return 0;
    } catch (Failure f) {
      err.println("verbatim: error: " + f.getMessage());
      err.flush();
      return f.exitCode;
    } catch (OutOfMemoryError e) {
      err.println("verbatim: error: " + Main.OUT_OF_MEMORY + "; no output written");
      err.flush();
      return Main.DATA_ERROR;
    } catch (RuntimeException e) {
      err.println("verbatim: error: internal error, please report it: " + e.getClass().getName()
          + (System.getenv("VERBATIM_DEBUG") == null ? " (set VERBATIM_DEBUG=1 to see where)" : ""));
      if (System.getenv("VERBATIM_DEBUG") != null) {
        e.printStackTrace(err);
      }
      err.flush();
      return Main.DATA_ERROR;
    }
  }

  /**
   * A report builder fed with the rows as they are written, or null without {@code --report}; its columns are
   * checked now, before anything is classified.
   */
  private ReportBuilder reportBuilder(List<String> columns, String text, String id) throws Failure {
    if (report == null) {
      return null;
    }
    try {
      // with no record to classify, the text column may be a stand-in the file does not have
      boolean known = columns.contains(text);
      ReportOptions options = ReportOptions.builder().textColumn(known ? text : null).idColumn(id)
          .dateColumn(dateColumn).groupColumn(groupColumn).columnPrefix(columnPrefix)
          .source(input.getFileName().toString()).build();
      ReportBuilder builder = ReportBuilder.create(options);
      if (known) {
        builder.columns(columns);
      }
      return builder;
    } catch (IllegalArgumentException e) {
      throw new Failure(Main.USAGE_ERROR, "--report: " + e.getMessage());
    }
  }

  /** Writes the report gathered while classifying, with the run summary just written beside the output. */
  private void writeReport(ReportBuilder builder, Path classified) throws Failure {
    try {
      builder.meta(ReportMeta.besides(classified).orElse(null));
      builder.write(report);
    } catch (IOException e) {
      throw new Failure(Main.DATA_ERROR, "wrote " + classified + " but not the report " + report + ": " + describe(e));
    }
  }

  private void run(PrintWriter err) throws Failure {
    Instant started = Instant.now();
    long startNanos = System.nanoTime();
    checkInput();
    FeedbackFormat fmt = resolveFormat();
    ReadLimits limits;
    try {
      limits = new ReadLimits(maxFieldBytes, maxQuotedLines);
    } catch (IllegalArgumentException e) {
      throw new Failure(Main.USAGE_ERROR, "--max-field-bytes must be at least 1 and --max-quoted-lines at least 0: "
          + maxFieldBytes + ", " + maxQuotedLines);
    }
    ReadOptions read = readOptions(fmt, limits);
    Layout shape = parseLayout();
    checkNeeds();
    Path out = resolveOutput(fmt);
    FeedbackFormat outFmt = FeedbackFormat.fromFileName(out).orElse(fmt);
    int processors = Runtime.getRuntime().availableProcessors();
    int n = threads == null ? processors : threads;
    if (n < 1) {
      throw new Failure(Main.USAGE_ERROR, "--threads must be at least 1: " + n);
    }
    int maxThreads = MAX_THREADS_PER_PROCESSOR * processors;
    if (n > maxThreads) {
      if (!quiet) {
        err.println("verbatim: warning: --threads " + n + " is more than " + MAX_THREADS_PER_PROCESSOR
            + " per processor (" + processors + (processors == 1 ? " processor" : " processors") + "); using " + maxThreads);
      }
      n = maxThreads;
    }
    OutputColumns added = OutputColumns.withPrefix(columnPrefix);
    ClassifierFactory.Backend backend;
    try {
      backend = ClassifierFactory.Backend.parse(pipeline);
    } catch (IllegalArgumentException e) {
      throw new Failure(Main.USAGE_ERROR, "--pipeline: " + e.getMessage());
    }

    // Look at the start of the file: columns, text and id columns, clashes; all before the models load.
    Sample sample = sample(fmt, read);
    String text;
    String id;
    try {
      if (sample.good().isEmpty() && sample.complete() && textColumn == null) {
        text = "text"; // no record to classify: any column name will do
      } else if (sample.good().isEmpty() && fmt == FeedbackFormat.JSONL && textColumn != null) {
        text = textColumn; // no readable record to check the name against: each gets its error row
      } else {
        text = ColumnSelector.textColumn(sample.columns(), sample.good(), textColumn);
      }
      id = ColumnSelector.idColumn(sample.columns(), idColumn).orElse(null);
    } catch (ColumnException e) {
      String option = e.role().equals("id") ? "--id-column" : "--text-column";
      throw new Failure(Main.USAGE_ERROR, input + ": " + e.getMessage() + "; name the column with " + option + " NAME");
    }
    List<String> clashes = added.clashes(sample.columns());
    if (!clashes.isEmpty()) {
      throw new Failure(Main.USAGE_ERROR, clashMessage(0, clashes));
    }

    if (resume && outFmt == FeedbackFormat.XLSX) {
      throw new Failure(Main.USAGE_ERROR, "--resume needs a CSV or JSON Lines output: an .xlsx file cannot be continued;"
          + " write CSV, then convert");
    }
    if (resume && report != null) {
      throw new Failure(Main.USAGE_ERROR, "--resume cannot be combined with --report (the rows written before the"
          + " interruption are not seen again); run 'verbatim report --input " + out + " --output FILE' afterwards");
    }
    ReportBuilder reportBuilder = reportBuilder(sample.columns(), text, id);

    ThemeClassifier classifier = classifier(backend);
    ReadOptions sniffed = read;
    if (sample.delimiter() != 0) {
      sniffed = ReadOptions.builder().delimiter(sample.delimiter()).encoding(sample.encoding()).limits(limits).build();
    }
    ClassifyJob job = new ClassifyJob(classifier, new ClassifyJob.Settings(input, fmt, text, id, added, n, CHUNK_SIZE,
        sniffed, outFmt, shape, classifier.info().themes()));
    boolean showProgress = !quiet && System.console() != null;
    ProgressBar bar = showProgress ? new ProgressBar(err, startNanos) : null;
    ClassifyJob.Summary summary;
    AtomicOutput target = null;
    Thread cleanup = null;
    Path partial = Checkpoint.partialOf(out);
    Path checkpointFile = Checkpoint.fileOf(partial);
    boolean committed = false;
    try {
      reportStaleTemporaries(out, err);
      String fingerprint = fingerprint(fmt, text, id, sniffed, outFmt, shape, classifier);
      Checkpoint from = resume ? Checkpoint.read(checkpointFile).orElse(null) : null;
      if (from != null && !Files.exists(partial)) {
        from = null; // a run that finished between renaming its output and deleting its checkpoint
      }
      if (from != null && !from.fingerprint().equals(fingerprint)) {
        throw new Failure(Main.DATA_ERROR, "cannot resume " + out + ": the input file, the options or the codebook or"
            + " model changed since the interrupted run; run without --resume to start over");
      }
      ClassifyJob.Start start;
      if (from != null) {
        target = AtomicOutput.resumable(out, partial, from.outputBytes(), AtomicOutput.Access.OWNER_ONLY);
        if (!quiet) {
          err.println("verbatim: resuming after " + from.records() + " records (" + from.summary().rows() + " rows) of an"
              + " interrupted run");
        }
      } else {
        discardPartial(partial, checkpointFile, out, err);
        target = AtomicOutput.resumable(out, partial, -1, AtomicOutput.Access.OWNER_ONLY);
      }
      AtomicOutput written = target;
      Checkpoints checkpoints = new Checkpoints(fingerprint, written, checkpointFile);
      start = from == null
          ? new ClassifyJob.Start(0, ClassifyJob.Start.FRESH.done(), checkpoints)
          : new ClassifyJob.Start(from.records(), from.summary(), checkpoints);
      cleanup = onExit(target, checkpointFile, err);
      summary = job.run(target.stream(), bar == null ? (rows, bytes, size) -> {} : bar,
          reportBuilder == null ? batch -> {} : reportBuilder::accept, start);
      if (bar != null) {
        bar.clear();
      }
      Instant finished = Instant.now();
      RunMetadata meta =
          new RunMetadata(input, target.target(), fmt, text, id, columnPrefix, n, classifier.info(), summary, started, finished);
      try {
        meta.write(); // before the output appears, so an output never lacks its summary
      } catch (IOException e) {
        throw new Failure(Main.DATA_ERROR, "cannot write the summary " + RunMetadata.sidecarOf(out) + ": " + describe(e)
            + "; no output written");
      }
      target.commit();
      committed = true;
      Files.deleteIfExists(checkpointFile);
    } catch (ColumnClashException e) {
      throw new Failure(Main.USAGE_ERROR, clashMessage(e.line(), e.columns()));
    } catch (FeedbackFileException e) {
      throw new Failure(Main.DATA_ERROR, e.getMessage() + "; no output written");
    } catch (IOException e) {
      throw new Failure(Main.DATA_ERROR, describe(e) + "; no output written");
    } finally {
      if (bar != null) {
        bar.clear();
      }
      closeQuietly(target, err);
      if (!committed && !stopping) {
        try {
          Files.deleteIfExists(checkpointFile); // the partial output is deleted: this run cannot be continued
        } catch (IOException e) {
          err.println("verbatim: warning: cannot delete " + checkpointFile + ": " + describe(e));
        }
      }
      if (cleanup != null) {
        try {
          Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException shuttingDown) {
          // the JVM is exiting; the hook deletes the temporary file
        }
      }
    }

    if (reportBuilder != null) {
      writeReport(reportBuilder, out);
    }

    if (!quiet) {
      for (String s : summary.errorSamples()) {
        err.println("verbatim: warning: " + s);
      }
      if (summary.errors() > summary.errorSamples().size()) {
        err.println("verbatim: warning: ... and " + (summary.errors() - summary.errorSamples().size())
            + " more rows with an error (see the error column)");
      }
      if (summary.rows() > summary.errors() && summary.tagged() == 0) {
        err.println("verbatim: warning: no row was tagged with a theme; check that the text column '" + text
            + "' holds the comments (name another with --text-column NAME)"
            + (model == null && codebook != null ? " and that the codebook's cues fit them" : ""));
      }
      double seconds = (System.nanoTime() - startNanos) / 1e9;
      err.println(String.format(Locale.ROOT, "rows %d, tagged %d, errors %d, %.1f s, %d rows/s%s -> %s",
          summary.rows(), summary.tagged(), summary.errors(), seconds,
          Math.round(summary.rows() / Math.max(seconds, 1e-3)), readNote(sample), out));
    }
    err.flush();
  }

  /** {@code , delimiter ';' (sniffed), encoding windows-1252} for CSV input other than UTF-8 comma-separated. */
  private static String readNote(Sample sample) {
    StringBuilder sb = new StringBuilder();
    if (sample.delimiter() != 0 && (sample.delimiter() != ',' || !sample.delimiterSniffed())) {
      sb.append(", delimiter ").append(ReadOptions.describe(sample.delimiter()))
          .append(sample.delimiterSniffed() ? " (sniffed)" : "");
    }
    if (sample.encoding() != null && !java.nio.charset.StandardCharsets.UTF_8.equals(sample.encoding())) {
      sb.append(", encoding ").append(sample.encoding().name());
    }
    return sb.toString();
  }

  private ReadOptions readOptions(FeedbackFormat fmt, ReadLimits limits) throws Failure {
    ReadOptions.Builder b = ReadOptions.builder().limits(limits);
    if (delimiter != null) {
      if (fmt != FeedbackFormat.CSV) {
        throw new Failure(Main.USAGE_ERROR, "--delimiter applies to CSV input only; " + input + " is read as " + fmt.id());
      }
      try {
        b.delimiter(ReadOptions.parseDelimiter(delimiter));
      } catch (IllegalArgumentException e) {
        throw new Failure(Main.USAGE_ERROR, "--delimiter: " + e.getMessage());
      }
    }
    if (encoding != null) {
      if (fmt == FeedbackFormat.XLSX) {
        throw new Failure(Main.USAGE_ERROR, "--encoding applies to CSV and JSON Lines input; an .xlsx file has none to give");
      }
      try {
        b.encoding(ReadOptions.encoding(encoding));
      } catch (IllegalArgumentException e) {
        throw new Failure(Main.USAGE_ERROR, "--encoding: " + e.getMessage());
      }
    }
    if (sheet != null) {
      if (fmt != FeedbackFormat.XLSX) {
        throw new Failure(Main.USAGE_ERROR, "--sheet needs .xlsx input (or --format xlsx); " + input + " is read as "
            + fmt.id());
      }
      b.sheet(sheet);
    }
    return b.build();
  }

  private Layout parseLayout() throws Failure {
    try {
      return Layout.parse(layout);
    } catch (IllegalArgumentException e) {
      throw new Failure(Main.USAGE_ERROR, "--layout: " + e.getMessage());
    }
  }

  /** Options that mean something only with another one. */
  private void checkNeeds() throws Failure {
    if (report == null) {
      if (dateColumn != null) {
        throw new Failure(Main.USAGE_ERROR, "--date-column needs --report FILE (it names the report's date column)");
      }
      if (groupColumn != null) {
        throw new Failure(Main.USAGE_ERROR, "--group-column needs --report FILE (it names the report's group column)");
      }
    }
  }

  private FeedbackFormat resolveFormat() throws Failure {
    if (format != null) {
      try {
        return FeedbackFormat.parse(format);
      } catch (IllegalArgumentException e) {
        throw new Failure(Main.USAGE_ERROR, "--format: " + e.getMessage());
      }
    }
    return FeedbackFormat.fromFileName(input)
        .orElseThrow(
            () ->
                new Failure(
                    Main.USAGE_ERROR,
                    "cannot tell the format of " + input + " from its extension (expected .csv, .tsv, .tab, .jsonl,"
                        + " .ndjson or .xlsx); use --format csv, --format jsonl or --format xlsx"));
  }

  private Path resolveOutput(FeedbackFormat fmt) throws Failure {
    Path out = output != null ? output : defaultOutput(input, fmt);
    Optional<FeedbackFormat> implied = FeedbackFormat.fromFileName(out);
    if (implied.isPresent() && implied.get() != fmt && fmt == FeedbackFormat.JSONL) {
      throw new Failure(
          Main.USAGE_ERROR,
          "--output " + out + " looks like " + implied.get().id() + " but JSON Lines input is written as jsonl"
              + " (its records may have different fields)");
    }
    if (out.toAbsolutePath().normalize().equals(input.toAbsolutePath().normalize())) {
      throw new Failure(Main.USAGE_ERROR, "--output must differ from --input: " + out);
    }
    if (Files.isDirectory(out)) {
      throw new Failure(Main.USAGE_ERROR, "--output " + out + " is a directory; expected a file name");
    }
    return out;
  }

  /** {@code <input-basename>.classified.<ext>} beside the input; the extension is the input's, or the format's. */
  static Path defaultOutput(Path input, FeedbackFormat fmt) {
    String name = String.valueOf(input.getFileName());
    int dot = name.lastIndexOf('.');
    boolean known = FeedbackFormat.fromFileName(input).isPresent();
    String base = dot > 0 && known ? name.substring(0, dot) : name;
    String ext = dot > 0 && known ? name.substring(dot + 1) : fmt.id();
    return input.resolveSibling(base + ".classified." + ext);
  }

  private void checkInput() throws Failure {
    if (!Files.exists(input)) {
      throw new Failure(Main.DATA_ERROR, "input file not found: " + input);
    }
    if (Files.isDirectory(input)) {
      throw new Failure(Main.DATA_ERROR, "input " + input + " is a directory; expected a file");
    }
    if (!Files.isReadable(input)) {
      throw new Failure(Main.DATA_ERROR, "input file cannot be read (permission denied): " + input);
    }
  }

  /** The start of the input, and how it was read (delimiter 0 for other than CSV). */
  private record Sample(List<String> columns, List<FeedbackRecord> good, boolean complete, char delimiter,
      boolean delimiterSniffed, java.nio.charset.Charset encoding) {}

  private Sample sample(FeedbackFormat fmt, ReadOptions read) throws Failure {
    try (FeedbackReader reader = FeedbackReader.open(input, fmt, read)) {
      List<FeedbackRecord> good = new ArrayList<>();
      LinkedHashSet<String> keys = new LinkedHashSet<>(reader.header());
      int seen = 0;
      FeedbackRecord r = null;
      while (seen < SAMPLE_SIZE && (r = reader.next()) != null) {
        seen++;
        if (!r.isError()) {
          good.add(r);
          keys.addAll(r.columns());
        }
      }
      boolean complete = r == null || reader.next() == null;
      return new Sample(fmt == FeedbackFormat.JSONL ? List.copyOf(keys) : reader.header(), good, complete,
          reader.delimiter().orElse((char) 0), reader.delimiterSniffed(), reader.encoding());
    } catch (IOException e) {
      throw new Failure(Main.DATA_ERROR, describe(e) + "; no output written");
    }
  }

  private ThemeClassifier classifier(ClassifierFactory.Backend backend) throws Failure {
    if (model != null && (layer != null || cuesOnly)) {
      throw new Failure(Main.USAGE_ERROR, (layer != null ? "--layer" : "--cues-only")
          + " is for the codebook classifier; with --model the model decides the themes");
    }
    if (layer != null && cuesOnly) {
      throw new Failure(Main.USAGE_ERROR, "--layer and --cues-only exclude each other");
    }
    if (model != null) {
      try {
        return TrainedModels.load(model, codebook, codebook != null);
      } catch (CommandFailure f) {
        throw new Failure(f.exitCode(), f.getMessage());
      }
    }
    try {
      return ClassifierFactory.create(codebook, backend, cuesOnly, layer);
    } catch (IllegalStateException e) {
      throw new Failure(Main.DATA_ERROR, "--pipeline " + pipeline + ": " + e.getMessage());
    } catch (CodebookException | org.verbatim.model.ModelFormatException e) {
      throw new Failure(Main.DATA_ERROR, e.getMessage());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new Failure(Main.DATA_ERROR, e.getFile() + ": no such file");
    } catch (IOException e) {
      throw new Failure(Main.DATA_ERROR, "cannot read " + (layer != null ? "the codebook or layer" : "codebook") + ": "
          + describe(e));
    }
  }

  private String clashMessage(long line, List<String> clashes) {
    String example = columnPrefix.isEmpty() ? "vb_" : "vb_" + columnPrefix;
    return input + (line > 0 ? ":" + line : "") + ": the input already has "
        + (clashes.size() == 1 ? "a column named " : "columns named ") + ColumnException.list(clashes)
        + ", which classify adds; use --column-prefix PREFIX to rename the added columns (e.g. --column-prefix "
        + example + " gives " + example + "themes)";
  }

  /** A message for an I/O failure naming the file, without stack traces. */
  static String describe(IOException e) {
    if (e instanceof FeedbackFileException) {
      return e.getMessage();
    }
    if (e instanceof NoSuchFileException n) {
      return "not found: " + n.getFile() + (n.getReason() == null ? "" : " (" + n.getReason() + ")");
    }
    if (e instanceof AccessDeniedException a) {
      return "permission denied: " + a.getFile();
    }
    String m = e.getMessage();
    return e.getClass().getSimpleName() + (m == null ? "" : ": " + m);
  }

  /**
   * When the JVM is stopped (Ctrl-C, kill): a partial output with a checkpoint is kept for {@code --resume} (it is
   * owner-only); one without is deleted.
   */
  private Thread onExit(AtomicOutput target, Path checkpointFile, PrintWriter err) {
    Thread hook =
        new Thread(
            () -> {
              stopping = true;
              try {
                if (Files.exists(checkpointFile)) {
                  target.abandon();
                  err.println();
                  err.println("verbatim: interrupted; the rows done so far are kept in " + target.tempFile()
                      + ": run the same command with --resume to continue, or without it to start over");
                  err.flush();
                } else {
                  Files.deleteIfExists(target.tempFile());
                }
              } catch (IOException ignored) {
                // best effort while the JVM exits
              }
            },
            "verbatim-cleanup");
    Runtime.getRuntime().addShutdownHook(hook);
    return hook;
  }

  /**
   * Writes a checkpoint after a batch when a second has passed since the last one (the system property
   * {@code verbatim.checkpoint.ms} changes the interval; tests set it to 0).
   */
  private static final class Checkpoints implements ClassifyJob.Checkpoints {
    private static final long EVERY_NANOS = Long.getLong("verbatim.checkpoint.ms", 1000) * 1_000_000L;
    private final String fingerprint;
    private final AtomicOutput target;
    private final Path file;
    private long last = System.nanoTime();

    Checkpoints(String fingerprint, AtomicOutput target, Path file) {
      this.fingerprint = fingerprint;
      this.target = target;
      this.file = file;
    }

    @Override
    public boolean due() {
      return System.nanoTime() - last >= EVERY_NANOS;
    }

    @Override
    public void written(long records, ClassifyJob.Summary summary) throws IOException {
      last = System.nanoTime();
      new Checkpoint(fingerprint, records, target.flushedLength(), summary).write(file);
    }
  }

  /** What decides the output's bytes: the input file as it is now, the options and the classifier. */
  private String fingerprint(FeedbackFormat fmt, String text, String id, ReadOptions read, FeedbackFormat outFmt,
      Layout shape, ThemeClassifier classifier) throws IOException {
    List<String> parts = new ArrayList<>();
    parts.add(VersionProvider.version());
    parts.add(input.toAbsolutePath().normalize().toString());
    parts.add(Long.toString(Files.size(input)));
    parts.add(Files.getLastModifiedTime(input).toString());
    parts.add(fmt.id());
    parts.add(text);
    parts.add(String.valueOf(id));
    parts.add(columnPrefix);
    // the added columns: a partial output of a build that wrote other columns (before evidence_text) is not continued
    parts.add(String.join(",", OutputColumns.withPrefix(columnPrefix).names()));
    parts.add(read.limits().toString());
    parts.add(read.delimiter().map(String::valueOf).orElse("-") + "|" + read.encoding().name() + "|"
        + read.sheet().orElse("-") + "|" + outFmt.id() + "|" + shape);
    parts.add(Integer.toString(CHUNK_SIZE));
    for (Path p : new Path[] {codebook, model}) {
      parts.add(p == null ? "-" : !Files.exists(p) ? "bundled:" + p // a bundled model's name: its info below
          : p.toAbsolutePath().normalize() + "@" + Files.size(p) + "@" + Files.getLastModifiedTime(p));
    }
    org.verbatim.ModelInfo info = classifier.info();
    parts.add(info.kind() + "|" + info.name() + "|" + info.version() + "|" + info.themes() + "|" + info.properties());
    return Checkpoint.fingerprint(parts);
  }

  /** Deletes the partial output of an earlier run of this command (unless a run is writing it now), saying so. */
  private void discardPartial(Path partial, Path checkpointFile, Path out, PrintWriter err) throws IOException, Failure {
    boolean hadCheckpoint = Files.exists(checkpointFile);
    if (Files.exists(partial)) {
      try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(partial, java.nio.file.StandardOpenOption.WRITE);
          java.nio.channels.FileLock lock = tryLock(ch)) {
        if (lock == null) {
          throw new Failure(Main.DATA_ERROR, "another verbatim run is writing " + out + " now (" + partial + ")");
        }
        Files.delete(partial);
      }
      if (!quiet) {
        err.println("verbatim: " + (resume ? "note" : "warning") + ": deleted the partial output of an earlier"
            + " interrupted run (" + partial.getFileName() + ")"
            + (resume ? "; it had no checkpoint, so classifying starts from the beginning"
                : hadCheckpoint ? "; --resume would have continued it" : ""));
      }
    } else if (resume && !quiet) {
      err.println("verbatim: note: no interrupted run of this output to resume; classifying from the beginning");
    }
    Files.deleteIfExists(checkpointFile);
  }

  private static java.nio.channels.FileLock tryLock(java.nio.channels.FileChannel ch) throws IOException {
    try {
      return ch.tryLock();
    } catch (java.nio.channels.OverlappingFileLockException sameProcess) {
      return null;
    }
  }

  /** Reports temporary files an older, interrupted run left beside the output ({@code .<name>.<random>.tmp}). */
  private void reportStaleTemporaries(Path out, PrintWriter err) {
    Path abs = out.toAbsolutePath();
    String prefix = "." + abs.getFileName() + ".";
    List<String> stale = new ArrayList<>();
    try (java.nio.file.DirectoryStream<Path> dir = Files.newDirectoryStream(abs.getParent(), p -> {
      String name = p.getFileName().toString();
      return name.startsWith(prefix) && name.endsWith(".tmp") && name.length() > prefix.length() + 4;
    })) {
      for (Path p : dir) {
        stale.add(p.getFileName().toString());
      }
    } catch (IOException e) {
      return; // a directory we cannot list has nothing to report
    }
    if (!stale.isEmpty() && !quiet) {
      java.util.Collections.sort(stale);
      err.println("verbatim: warning: temporary " + (stale.size() == 1 ? "file" : "files") + " of an earlier"
          + " interrupted run beside the output, which may hold comment text: " + String.join(", ", stale)
          + " (delete " + (stale.size() == 1 ? "it" : "them") + " when no other run is writing " + abs.getFileName() + ")");
    }
  }

  private static void closeQuietly(AtomicOutput target, PrintWriter err) {
    if (target == null) {
      return;
    }
    try {
      target.close();
    } catch (IOException e) {
      err.println("verbatim: warning: cannot delete temporary file " + target.tempFile() + ": " + describe(e));
    }
  }
}
