/**
 * Reading feedback files (CSV and JSON Lines) and writing classified rows, with strict UTF-8 decoding,
 * line numbers in every error, text-column detection and atomic output files.
 *
 * <pre>{@code
 * try (FeedbackReader reader = FeedbackReader.open(Path.of("feedback.csv"))) {
 *   for (FeedbackRecord r = reader.next(); r != null; r = reader.next()) {
 *     System.out.println(r.line() + " " + r.get("comment").orElse(""));
 *   }
 * }
 * }</pre>
 *
 * <p>Nothing in this package logs, and no exception message contains a comment's text: messages name the
 * file, the line, the record number or the column instead.
 */
package org.verbatim.io;
