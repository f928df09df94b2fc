package org.verbatim.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import org.verbatim.Classification;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.io.ClassifiedWriter;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.Layout;
import org.verbatim.io.ReadOptions;
import org.verbatim.io.WriteOptions;
import org.verbatim.io.OutputColumns;
import org.verbatim.io.ReadLimits;
import org.verbatim.io.RecordBatch;

/**
 * Classifies a feedback file into a byte stream as a pipeline of threads handing batches of records along:
 * <ul>
 *   <li>a reader thread parses the file into {@link RecordBatch}es (only the text column becomes a string);
 *   <li>{@code threads} classification threads each take the next parsed batch and classify its rows;
 *   <li>the calling thread writes the batches strictly in input order as each one is done, reports progress,
 *       and gives the batch back to the reader.
 * </ul>
 * A fixed pool of {@code 2 * threads + 2} batches of at most {@code chunkSize} records (and about a megabyte of
 * field bytes) circulates, so memory does not grow with the file and the reader can run ahead of the classifiers
 * by at most the pool. Every input record gives exactly one output row.
 *
 * <pre>{@code
 * ClassifyJob.Summary s = new ClassifyJob(classifier, settings).run(out, (rows, read, size) -> {}, batch -> {});
 * }</pre>
 *
 * <p>A row whose classification throws gets an {@code error} value (exception class and message, never the
 * comment) and no themes; so does a record the reader could not parse. Not thread-safe: run once per instance.
 */
final class ClassifyJob {

  /** How many error rows {@link Summary#errorSamples()} keeps. */
  static final int ERROR_SAMPLES = 10;

  /**
   * What to classify and how.
   *
   * @param input the feedback file
   * @param format its format
   * @param textColumn the column holding the comments
   * @param idColumn the column identifying rows, or null
   * @param columns names of the added columns
   * @param threads classification threads, at least 1
   * @param chunkSize records per batch, at least 1
   * @param read delimiter, encoding and sheet of the input, and the limits on one record
   * @param outputFormat the output's format
   * @param layout the output's layout
   * @param themes the classifier's theme ids (the one-hot columns)
   */
  record Settings(
      Path input, FeedbackFormat format, String textColumn, String idColumn, OutputColumns columns, int threads, int chunkSize,
      ReadOptions read, FeedbackFormat outputFormat, Layout layout, List<String> themes) {

    /** Default reading (delimiter sniffed, UTF-8), output in the input's format, wide layout. */
    Settings(Path input, FeedbackFormat format, String textColumn, String idColumn, OutputColumns columns, int threads,
        int chunkSize) {
      this(input, format, textColumn, idColumn, columns, threads, chunkSize, ReadOptions.DEFAULT, format, Layout.WIDE,
          List.of());
    }

    Settings {
      Objects.requireNonNull(read, "read");
      Objects.requireNonNull(outputFormat, "outputFormat");
      Objects.requireNonNull(layout, "layout");
      themes = List.copyOf(themes);
      Objects.requireNonNull(input, "input");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(textColumn, "textColumn");
      Objects.requireNonNull(columns, "columns");
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be >= 1: " + threads);
      }
      if (chunkSize < 1) {
        throw new IllegalArgumentException("chunkSize must be >= 1: " + chunkSize);
      }
    }
  }

  /**
   * What a run did.
   *
   * @param rows rows written
   * @param tagged rows with at least one theme
   * @param errors rows with an error value
   * @param themeCounts rows per theme id, sorted by id
   * @param errorSamples the first {@link #ERROR_SAMPLES} error rows as {@code line N (id X): message}
   */
  record Summary(long rows, long tagged, long errors, Map<String, Long> themeCounts, List<String> errorSamples) {
    Summary {
      themeCounts = java.util.Collections.unmodifiableMap(new TreeMap<>(themeCounts));
      errorSamples = List.copyOf(errorSamples);
    }
  }

  /** Told after each batch is written; called on the thread that runs the job. */
  interface Listener {
    void progress(long rows, long bytesRead, long size);
  }

  /** Asked after each batch is written whether to record a checkpoint; told, with the writer flushed, if so. */
  interface Checkpoints {
    /** True when a checkpoint should be recorded now. */
    boolean due();

    /**
     * @param records input records whose rows are now written (a whole number of batches)
     * @param summary the summary of those rows
     */
    void written(long records, Summary summary) throws IOException;
  }

  /**
   * Where to start: the first {@code skipRecords} records (a whole number of batches of an earlier run with the
   * same settings) already have their rows in the output, with {@code done} as their summary.
   */
  record Start(long skipRecords, Summary done, Checkpoints checkpoints) {
    static final Start FRESH = new Start(0, new Summary(0, 0, 0, Map.of(), List.of()), null);

    Start {
      if (skipRecords < 0) {
        throw new IllegalArgumentException("skipRecords must be >= 0: " + skipRecords);
      }
      Objects.requireNonNull(done, "done");
    }
  }

  private final ThemeClassifier classifier;
  private final Settings settings;

  ClassifyJob(ThemeClassifier classifier, Settings settings) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs the job, writing to {@code out} (which it closes; closing an {@link org.verbatim.io.AtomicOutput}'s
   * stream only flushes it).
   *
   * @param written sees each batch once its rows are written, on the calling thread (e.g. to build a report);
   *     it must not keep the batch, which is reused
   * @throws org.verbatim.io.FeedbackFileException if the input is not UTF-8 or has malformed CSV quoting
   * @throws org.verbatim.io.ColumnClashException if a JSON record has a field named like an added column
   * @throws IOException if reading or writing fails, or the thread is interrupted
   */
  /**
   * The output's CSV delimiter (the input's; a comma from a spreadsheet) and byte order mark (kept from the input,
   * and written for input read in another encoding, so that Excel reads the UTF-8 output as UTF-8).
   */
  private WriteOptions writeOptions(FeedbackReader reader) {
    boolean bom = reader.hadByteOrderMark()
        || (reader.format() != FeedbackFormat.XLSX && !StandardCharsets.UTF_8.equals(reader.encoding()));
    return new WriteOptions(reader.delimiter().orElse(','), bom, settings.layout(), settings.themes());
  }

  Summary run(OutputStream out, Listener listener, Consumer<RecordBatch> written) throws IOException {
    return run(out, listener, written, Start.FRESH);
  }

  /**
   * Runs the job from {@code start}: when it skips records, their rows are taken to be in {@code out} already, so
   * neither the header nor they are written again, and the summary counts on from {@code start.done()}.
   *
   * @throws IOException also when the input no longer has the records to skip at batch boundaries (it changed)
   */
  Summary run(OutputStream out, Listener listener, Consumer<RecordBatch> written, Start start) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(listener, "listener");
    Objects.requireNonNull(written, "written");
    Objects.requireNonNull(start, "start");
    Counts counts = new Counts(start.done());
    HeaderSkip target = new HeaderSkip(out, start.skipRecords() == 0);
    try (FeedbackReader reader = FeedbackReader.open(settings.input(), settings.format(), settings.read());
        ClassifiedWriter writer = ClassifiedWriter.open(settings.outputFormat(), target, reader.header(), settings.columns(),
            writeOptions(reader))) {
      writer.flush();
      target.passing = true; // the header (and byte order mark) of a continued run went to the output before
      Pipeline pipeline = new Pipeline(reader, settings.threads(), settings.chunkSize(), settings.textColumn(),
          start.skipRecords());
      long records = start.skipRecords();
      try {
        pipeline.start();
        for (Chunk c = pipeline.nextDone(); c != null; c = pipeline.nextDone()) {
          writer.write(c.batch);
          counts.add(c.batch);
          records += c.batch.size();
          written.accept(c.batch);
          listener.progress(counts.rows, reader.bytesRead(), reader.size());
          pipeline.recycle(c);
          if (start.checkpoints() != null && start.checkpoints().due()) {
            writer.flush();
            start.checkpoints().written(records, counts.summary());
          }
        }
      } finally {
        pipeline.stop();
      }
    }
    return counts.summary();
  }

  /** The reader and classification threads, and the batches they hand along. */
  private final class Pipeline {

    private final FeedbackReader reader;
    private final int threads;
    /** Batches free for the reader. */
    private final BlockingQueue<Chunk> free;
    /** Parsed batches for the classification threads. */
    private final BlockingQueue<Chunk> work;
    /** Parsed batches in input order, for the writer. */
    private final BlockingQueue<Chunk> ordered;
    private final List<Thread> running = new ArrayList<>();
    /** What stopped the reader, if anything: published before {@link #END} is queued. */
    private volatile Throwable readFailure;

    /** Records to read past before the first batch classified. */
    private final long skip;

    Pipeline(FeedbackReader reader, int threads, int chunkSize, String textColumn, long skip) {
      this.reader = reader;
      this.threads = threads;
      this.skip = skip;
      int pool = 2 * threads + 2;
      free = new ArrayBlockingQueue<>(pool);
      work = new ArrayBlockingQueue<>(pool + threads);
      ordered = new ArrayBlockingQueue<>(pool + 1);
      for (int i = 0; i < pool; i++) {
        free.add(new Chunk(reader.newBatch(chunkSize, textColumn)));
      }
    }

    void start() {
      running.add(thread("verbatim-read", this::read));
      for (int i = 1; i <= threads; i++) {
        running.add(thread("verbatim-classify-" + i, this::classify));
      }
      running.forEach(Thread::start);
    }

    private Thread thread(String name, Runnable body) {
      Thread t = new Thread(body, name);
      t.setDaemon(true);
      return t;
    }

    /** Runs on the reader thread. */
    private void read() {
      try {
        long skipped = 0;
        if (skip > 0) {
          Chunk c = free.take();
          while (skipped < skip) {
            int n = reader.next(c.batch);
            if (n == 0) {
              throw new IOException("cannot resume: the input has only " + skipped + " records, the interrupted run had"
                  + " written " + skip + "; run without --resume to start over");
            }
            skipped += n;
          }
          free.add(c);
          if (skipped != skip) {
            throw new IOException("cannot resume: the input's records no longer fall as in the interrupted run; run"
                + " without --resume to start over");
          }
        }
        while (true) {
          Chunk c = free.take();
          if (reader.next(c.batch) == 0) {
            break;
          }
          c.reset();
          ordered.put(c);
          work.put(c);
        }
      } catch (InterruptedException e) {
        readFailure = e;
      } catch (IOException | RuntimeException | Error e) {
        readFailure = e;
      } finally {
        // the queues always have room for the end marks: at most `pool` batches are ever in them
        ordered.offer(END);
        for (int i = 0; i < threads; i++) {
          work.offer(END);
        }
      }
    }

    /** Runs on a classification thread. */
    private void classify() {
      try {
        for (Chunk c = work.take(); c != END; c = work.take()) {
          try {
            ClassifyJob.this.classify(c.batch);
            c.finish(null);
          } catch (RuntimeException | Error e) {
            c.finish(e);
          }
        }
      } catch (InterruptedException e) {
        // stopped
      }
    }

    /**
     * The next batch in input order once it is classified, or null after the last.
     *
     * @throws IOException if reading failed (rethrown as it was), or the thread was interrupted
     */
    Chunk nextDone() throws IOException {
      try {
        Chunk c = ordered.take();
        if (c == END) {
          Throwable t = readFailure;
          if (t != null) {
            throw rethrow(t, "reading");
          }
          return null;
        }
        Throwable t = c.await();
        if (t != null) {
          throw rethrow(t, "classifying");
        }
        return c;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        InterruptedIOException io = new InterruptedIOException("interrupted while classifying");
        io.initCause(e);
        throw io;
      }
    }

    void recycle(Chunk c) {
      free.add(c); // never full: only the pool's batches circulate
    }

    /** Stops and waits for the threads, so the reader can be closed. */
    void stop() {
      for (Thread t : running) {
        t.interrupt();
      }
      for (Thread t : running) {
        try {
          t.join(10_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private static IOException rethrow(Throwable t, String stage) {
    if (t instanceof IOException io) {
      return io;
    }
    if (t instanceof Error e) {
      throw e;
    }
    if (t instanceof InterruptedException) {
      InterruptedIOException io = new InterruptedIOException("interrupted while " + stage);
      io.initCause(t);
      return io;
    }
    if (t instanceof UncheckedIOException u) {
      return u.getCause();
    }
    throw new IllegalStateException(stage + " failed: " + t.getClass().getName(), t);
  }

  /** Classifies every row of a batch; runs on a classification thread. */
  private void classify(RecordBatch b) {
    for (int i = 0, n = b.size(); i < n; i++) {
      if (b.isRecordError(i)) {
        b.failed(i, "line " + b.line(i) + ": " + b.recordError(i) + beyondHeader(b, i));
        continue;
      }
      String text = b.text(i);
      try {
        Classification c = text.isBlank() ? Classification.EMPTY : classifier.classify(text);
        b.classified(i, c);
      } catch (RuntimeException | StackOverflowError e) {
        b.failed(i, failure(e, text));
      } catch (OutOfMemoryError e) {
        // what this comment needed is garbage now; the row gets an error and the run goes on
        b.failed(i, "out of memory classifying this comment of " + text.length() + " characters; give Java more"
            + " memory (JAVA_OPTS=-Xmx2g) or lower --max-field-bytes");
      }
    }
  }

  /**
   * For a CSV record with more fields than the header: the fields that have no column, as one CSV record; for a
   * JSON line that is not a JSON object: the line as read. So the error row keeps every input field (in the output's
   * error column only: the run's warnings never show them).
   */
  private static String beyondHeader(RecordBatch b, int i) {
    if (b.format() != FeedbackFormat.CSV) {
      String raw = b.rawLine(i);
      return raw == null ? "" : "; the line as read: " + raw;
    }
    org.verbatim.io.FeedbackRecord r = b.record(i);
    int columns = r.columns().size();
    List<String> values = r.values();
    if (values.size() <= columns) {
      return "";
    }
    String extra = org.verbatim.io.Csv.record(values.subList(columns, values.size()));
    int end = extra.endsWith("\r\n") ? extra.length() - 2 : extra.endsWith("\n") ? extra.length() - 1 : extra.length();
    return "; the fields beyond the header: " + extra.substring(0, end);
  }

  /** The exception class and message, without the message if it quotes the comment. */
  static String failure(Throwable e, String text) {
    String message = e.getMessage();
    String stripped = text.strip();
    boolean quotes = message != null && !stripped.isEmpty() && (message.contains(stripped)
        || (stripped.length() > 20 && message.contains(stripped.substring(0, 20))));
    return e.getClass().getSimpleName() + (message == null || message.isBlank() || quotes ? "" : ": " + message);
  }

  /** Passes bytes on once {@code passing}; before, drops them (the header of a continued run). */
  private static final class HeaderSkip extends java.io.FilterOutputStream {
    boolean passing;

    HeaderSkip(OutputStream out, boolean passing) {
      super(out);
      this.passing = passing;
    }

    @Override
    public void write(int b) throws IOException {
      if (passing) {
        out.write(b);
      }
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (passing) {
        out.write(b, off, len);
      }
    }
  }

  /** The end of the batches. */
  private static final Chunk END = new Chunk(null);

  /** A batch and whether its classification is done. */
  private static final class Chunk {
    final RecordBatch batch;
    private boolean done;
    private Throwable failure;

    Chunk(RecordBatch batch) {
      this.batch = batch;
    }

    synchronized void reset() {
      done = false;
      failure = null;
    }

    synchronized void finish(Throwable t) {
      failure = t;
      done = true;
      notifyAll();
    }

    /** Waits until classified; returns what failed, or null. */
    synchronized Throwable await() throws InterruptedException {
      while (!done) {
        wait();
      }
      return failure;
    }
  }

  /** Counts of the rows written, kept on the writing thread. */
  private final class Counts {
    long rows;
    long tagged;
    long errors;
    final Map<String, long[]> themes = new HashMap<>();
    final List<String> errorSamples = new ArrayList<>();

    Counts(Summary done) {
      rows = done.rows();
      tagged = done.tagged();
      errors = done.errors();
      done.themeCounts().forEach((id, n) -> themes.put(id, new long[] {n}));
      errorSamples.addAll(done.errorSamples());
    }

    void add(RecordBatch b) {
      for (int i = 0, n = b.size(); i < n; i++) {
        rows++;
        String error = b.error(i);
        if (error != null) {
          errors++;
          if (errorSamples.size() < ERROR_SAMPLES) {
            errorSamples.add(describe(b, i));
          }
          continue;
        }
        List<ThemeTag> tags = b.classification(i).tags();
        if (!tags.isEmpty()) {
          tagged++;
          for (int k = 0; k < tags.size(); k++) {
            themes.computeIfAbsent(tags.get(k).themeId(), id -> new long[1])[0]++;
          }
        }
      }
    }

    private String describe(RecordBatch b, int i) {
      String id = settings.idColumn() == null ? null : b.value(i, settings.idColumn());
      String problem = b.isRecordError(i) ? b.recordError(i) : b.error(i);
      return "line " + b.line(i) + (id == null || id.isBlank() ? "" : " (id " + id + ")") + ": " + problem;
    }

    Summary summary() {
      Map<String, Long> counts = new HashMap<>();
      themes.forEach((id, n) -> counts.put(id, n[0]));
      return new Summary(rows, tagged, errors, counts, errorSamples);
    }
  }
}
