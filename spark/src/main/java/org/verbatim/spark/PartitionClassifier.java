package org.verbatim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.util.LongAccumulator;
import org.verbatim.Classification;
import scala.jdk.javaapi.CollectionConverters;
import org.verbatim.Evidence;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.eval.LabelSets;
import org.verbatim.io.Csv;
import org.verbatim.io.FlatColumns;

/**
 * Classifies the rows of one partition with the executor's classifier (built once per JVM from the broadcast spec
 * by {@link ExecutorClassifiers}), appending the columns of a {@link Layout}. Every input row gives one output row:
 * a null or blank text gets no themes and no error (as an empty CSV field does in {@code verbatim classify}); a text
 * whose classification throws gets an error (the exception's class and message, never the comment) and no themes.
 */
final class PartitionClassifier<U> implements MapPartitionsFunction<Row, U> {

  private static final long serialVersionUID = 1L;

  /** The columns appended to each row. */
  enum Layout {
    /** {@code themes} as an array of structs, and {@code error}. */
    TYPED,
    /** The six text columns of {@code verbatim classify}'s CSV. */
    FLAT,
    /** For evaluation: the gold labels and the predicted theme ids as string arrays, and {@code error}. */
    LABELS,
    /**
     * The row as one CSV record ({@code byte[]}, UTF-8, no line end): the input columns as text (null as empty)
     * and the five columns of {@code FLAT}, quoted as {@code verbatim classify} quotes them.
     */
    CSV
  }

  /** Counters of the rows seen (a summary: a retried task counts twice). */
  record Counters(LongAccumulator rows, LongAccumulator tagged, LongAccumulator errors) implements Serializable {}

  private final Broadcast<ClassifierSpec> spec;
  private final int textIndex;
  private final int labelsIndex;
  private final Layout layout;
  private final Counters counters;

  PartitionClassifier(Broadcast<ClassifierSpec> spec, int textIndex, int labelsIndex, Layout layout, Counters counters) {
    this.spec = spec;
    this.textIndex = textIndex;
    this.labelsIndex = labelsIndex;
    this.layout = layout;
    this.counters = counters;
  }

  @Override
  public Iterator<U> call(Iterator<Row> rows) {
    ThemeClassifier classifier = ExecutorClassifiers.get(spec.value());
    FlatColumns flat = layout == Layout.FLAT || layout == Layout.CSV ? new FlatColumns() : null;
    Csv.RecordBuilder csv = layout == Layout.CSV ? new Csv.RecordBuilder() : null;
    return new Iterator<>() {
      long seen;
      long tagged;
      long errors;

      @Override
      public boolean hasNext() {
        boolean more = rows.hasNext();
        if (!more && counters != null && seen > 0) {
          counters.rows().add(seen);
          counters.tagged().add(tagged);
          counters.errors().add(errors);
          seen = 0;
        }
        return more;
      }

      @Override
      public U next() {
        if (!rows.hasNext()) {
          throw new NoSuchElementException();
        }
        Row row = rows.next();
        String text = row.isNullAt(textIndex) ? null : row.getString(textIndex);
        Classification c = Classification.EMPTY;
        String error = null;
        if (text != null && !text.isBlank()) {
          try {
            c = classifier.classify(text);
          } catch (RuntimeException | StackOverflowError e) {
            error = failure(e, text);
          }
        }
        seen++;
        if (error != null) {
          errors++;
        } else if (!c.tags().isEmpty()) {
          tagged++;
        }
        @SuppressWarnings("unchecked") // Row for the row layouts, byte[] for CSV: the encoder given with the layout
        U out = (U) append(row, text, c, error, flat, csv);
        return out;
      }
    };
  }

  private Object append(Row row, String text, Classification c, String error, FlatColumns flat, Csv.RecordBuilder csv) {
    int n = row.length();
    return switch (layout) {
      case FLAT -> {
        Object[] v = copy(row, n + 6);
        v[n] = flat.themes(c);
        v[n + 1] = flat.scores(c);
        v[n + 2] = flat.polarity(c);
        v[n + 3] = flat.evidence(c);
        v[n + 4] = c.tags().isEmpty() ? "" : flat.evidenceText(c, text);
        v[n + 5] = error == null ? "" : error;
        yield RowFactory.create(v);
      }
      case TYPED -> {
        Object[] v = copy(row, n + 2);
        v[n] = typed(text, c);
        v[n + 1] = error;
        yield RowFactory.create(v);
      }
      case CSV -> {
        for (int i = 0; i < n; i++) {
          Object v = row.get(i); // a string, number or boolean (VerbatimSpark.csvRecords checks the schema)
          csv.add(v == null ? "" : v.toString());
        }
        yield csv.add(flat.themes(c)).add(flat.scores(c)).add(flat.polarity(c)).add(flat.evidence(c))
            .add(c.tags().isEmpty() ? "" : flat.evidenceText(c, text)).add(error == null ? "" : error).take();
      }
      case LABELS -> {
        String gold = row.isNullAt(labelsIndex) ? null : row.getString(labelsIndex);
        yield RowFactory.create(LabelSets.parse(gold).toArray(String[]::new), c.themeIds().toArray(String[]::new), error);
      }
    };
  }

  private static Object[] copy(Row row, int size) {
    Object[] v = new Object[size];
    for (int i = 0, n = row.length(); i < n; i++) {
      v[i] = row.get(i);
    }
    return v;
  }

  private static scala.collection.Seq<Row> typed(String text, Classification c) {
    List<Row> tags = new ArrayList<>(c.tags().size());
    for (ThemeTag t : c.tags()) {
      List<Row> evidence = new ArrayList<>(t.evidence().size());
      for (Evidence e : t.evidence()) {
        evidence.add(RowFactory.create(e.start(), e.end(), e.in(text)));
      }
      tags.add(RowFactory.create(t.themeId(), t.score(), t.polarity().id(), CollectionConverters.asScala(evidence)));
    }
    // the row encoder takes Scala sequences for array columns
    return CollectionConverters.asScala(tags);
  }

  /** The exception class and message, without the message if it quotes the comment (as {@code verbatim classify}). */
  static String failure(Throwable e, String text) {
    String message = e.getMessage();
    String stripped = text.strip();
    boolean quotes = message != null && !stripped.isEmpty() && (message.contains(stripped)
        || (stripped.length() > 20 && message.contains(stripped.substring(0, 20))));
    return e.getClass().getSimpleName() + (message == null || message.isBlank() || quotes ? "" : ": " + message);
  }
}
