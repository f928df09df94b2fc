/**
 * The {@code verbatim} command line: {@link org.verbatim.cli.Main} and its subcommands.
 *
 * <pre>{@code
 * bin/verbatim classify --input feedback.csv                         # launcher, after mvn package
 * java -jar cli/target/verbatim.jar classify --input feedback.csv     # the same, slower to start
 * }</pre>
 *
 * <p>{@code mvn package} also makes the installed directory {@code cli/target/verbatim/} ({@code bin/verbatim},
 * {@code lib/verbatim.jar}, the AppCDS archive {@code lib/verbatim.jsa} and the runtime that made it in
 * {@code lib/verbatim.jsa.properties}); the launcher's header says how it picks its JVM flags.
 *
 * <p>Messages go to stderr as {@code verbatim: error: ...}; they name files, lines and columns, never comment
 * text.
 */
package org.verbatim.cli;
