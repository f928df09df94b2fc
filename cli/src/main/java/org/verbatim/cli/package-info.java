/**
 * The {@code verbatim} command line: {@link org.verbatim.cli.Main} and its subcommands.
 *
 * <pre>{@code
 * java -jar cli/target/verbatim.jar classify --input feedback.csv
 * }</pre>
 *
 * <p>Messages go to stderr as {@code verbatim: error: ...}; they name files, lines and columns, never comment
 * text.
 */
package org.verbatim.cli;
