/**
 * Every file format of feedback and classified rows: reading feedback files (delimited text with a sniffed or
 * given delimiter, JSON Lines, {@code .xlsx} workbooks; {@link org.verbatim.io.ReadOptions}) with strict decoding
 * (UTF-8, or another encoding transcoded to UTF-8) and line numbers in every error, text- and id-column detection ({@link
 * org.verbatim.io.ColumnSelector}), writing classified rows in CSV, JSON Lines or {@code .xlsx}
 * and in the wide, long or one-hot {@link org.verbatim.io.Layout} ({@link org.verbatim.io.ClassifiedWriter},
 * {@link org.verbatim.io.WriteOptions}) and reading
 * them back ({@link org.verbatim.io.ClassifiedReader}), CSV quoting ({@link org.verbatim.io.Csv}), atomic
 * output files ({@link org.verbatim.io.AtomicOutput}) and "did you mean" for names
 * ({@link org.verbatim.io.Suggestions}).
 *
 * <p>Record by record:
 * <pre>{@code
 * try (FeedbackReader reader = FeedbackReader.open(Path.of("feedback.csv"))) {
 *   for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) {
 *     System.out.println(r.line() + " " + r.get("comment").orElse(""));
 *   }
 * }
 * }</pre>
 *
 * <p>The batch path for large files reads the bytes through one reused buffer into reusable
 * {@link org.verbatim.io.RecordBatch}es, turns only the text column into a string, and writes the other CSV fields
 * back as the bytes they were, with the added columns formatted straight into a byte buffer:
 * <pre>{@code
 * RecordBatch batch = reader.newBatch(1024, "comment");
 * while (reader.next(batch) > 0) {
 *   for (int i = 0; i < batch.size(); i++) batch.classified(i, classifier.classify(batch.text(i)));
 *   writer.write(batch);
 * }
 * }</pre>
 *
 * <p>Nothing in this package logs, and no exception message contains a comment's text: messages name the
 * file, the line, the record number or the column instead.
 */
package org.verbatim.io;
