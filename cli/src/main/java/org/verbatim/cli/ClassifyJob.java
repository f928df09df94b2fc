package org.verbatim.cli;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import org.verbatim.Classification;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.io.ClassifiedRow;
import org.verbatim.io.ClassifiedWriter;
import org.verbatim.io.FeedbackFormat;
import org.verbatim.io.FeedbackReader;
import org.verbatim.io.FeedbackRecord;
import org.verbatim.io.OutputColumns;

/**
 * Classifies a feedback file into a writer: reads chunks of records on the calling thread, classifies chunks in
 * parallel, and writes the rows strictly in input order. At most {@code 2 * threads} chunks are in flight, so
 * memory does not grow with the file. Every input record gives exactly one output row.
 *
 * <pre>{@code
 * ClassifyJob.Summary s = new ClassifyJob(classifier, settings).run(writer, (rows, read, size) -> {});
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
   * @param chunkSize records per task, at least 1
   */
  record Settings(
      Path input, FeedbackFormat format, String textColumn, String idColumn, OutputColumns columns, int threads, int chunkSize) {
    Settings {
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

  /** Told after each chunk is written; called on the thread that runs the job. */
  interface Listener {
    void progress(long rows, long bytesRead, long size);
  }

  private final ThemeClassifier classifier;
  private final Settings settings;

  ClassifyJob(ThemeClassifier classifier, Settings settings) {
    this.classifier = Objects.requireNonNull(classifier, "classifier");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  /**
   * Runs the job, writing to {@code out} (which it closes).
   *
   * @throws org.verbatim.io.FeedbackFileException if the input is not UTF-8 or has malformed CSV quoting
   * @throws org.verbatim.io.ColumnClashException if a JSON record has a field named like an added column
   * @throws IOException if reading or writing fails, or the thread is interrupted
   */
  Summary run(Writer out, Listener listener) throws IOException {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(listener, "listener");
    ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), new Workers());
    long rows = 0;
    long tagged = 0;
    long errors = 0;
    Map<String, Long> themeCounts = new TreeMap<>();
    List<String> errorSamples = new ArrayList<>();
    try (FeedbackReader reader = FeedbackReader.open(settings.input(), settings.format());
        ClassifiedWriter writer =
            ClassifiedWriter.open(settings.format(), out, reader.header(), settings.columns(), reader.hadByteOrderMark())) {
      ArrayDeque<Future<List<ClassifiedRow>>> pending = new ArrayDeque<>();
      int maxPending = 2 * settings.threads();
      boolean more = true;
      while (more || !pending.isEmpty()) {
        while (more && pending.size() < maxPending) {
          List<FeedbackRecord> chunk = new ArrayList<>(settings.chunkSize());
          for (FeedbackRecord r = null; chunk.size() < settings.chunkSize() && (r = reader.next()) != null; ) {
            chunk.add(r);
          }
          more = chunk.size() == settings.chunkSize();
          if (!chunk.isEmpty()) {
            pending.add(pool.submit(() -> classify(chunk)));
          }
        }
        if (pending.isEmpty()) {
          break;
        }
        for (ClassifiedRow row : await(pending.poll())) {
          writer.write(row);
          rows++;
          if (row.isError()) {
            errors++;
            if (errorSamples.size() < ERROR_SAMPLES) {
              errorSamples.add(describe(row));
            }
          } else if (!row.classification().isEmpty()) {
            tagged++;
            for (ThemeTag t : row.classification().tags()) {
              themeCounts.merge(t.themeId(), 1L, Long::sum);
            }
          }
        }
        listener.progress(rows, reader.bytesRead(), reader.size());
      }
    } finally {
      pool.shutdownNow();
    }
    return new Summary(rows, tagged, errors, themeCounts, errorSamples);
  }

  private static List<ClassifiedRow> await(Future<List<ClassifiedRow>> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      InterruptedIOException io = new InterruptedIOException("interrupted while classifying");
      io.initCause(e);
      throw io;
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException("classification task failed: " + cause.getClass().getName(), cause);
    }
  }

  private String describe(ClassifiedRow row) {
    FeedbackRecord r = row.record();
    String id = settings.idColumn() == null ? null : r.get(settings.idColumn()).orElse(null);
    String problem = r.isError() ? r.error().orElseThrow() : row.error();
    return "line " + r.line() + (id == null || id.isBlank() ? "" : " (id " + id + ")") + ": " + problem;
  }

  /** Runs on a worker thread. */
  private List<ClassifiedRow> classify(List<FeedbackRecord> chunk) {
    List<ClassifiedRow> out = new ArrayList<>(chunk.size());
    for (FeedbackRecord r : chunk) {
      if (r.isError()) {
        out.add(ClassifiedRow.failed(r, "line " + r.line() + ": " + r.error().orElseThrow()));
        continue;
      }
      String text = r.get(settings.textColumn()).orElse("");
      try {
        Classification c = text.isBlank() ? Classification.EMPTY : classifier.classify(text);
        out.add(ClassifiedRow.of(r, text, c));
      } catch (RuntimeException | StackOverflowError e) {
        out.add(ClassifiedRow.failed(r, failure(e, text)));
      }
    }
    return out;
  }

  /** The exception class and message, without the message if it quotes the comment. */
  static String failure(Throwable e, String text) {
    String message = e.getMessage();
    String stripped = text.strip();
    boolean quotes = message != null && !stripped.isEmpty() && (message.contains(stripped)
        || (stripped.length() > 20 && message.contains(stripped.substring(0, 20))));
    return e.getClass().getSimpleName() + (message == null || message.isBlank() || quotes ? "" : ": " + message);
  }

  private static final class Workers implements ThreadFactory {
    private final AtomicInteger n = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "verbatim-classify-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
