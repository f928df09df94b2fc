/** The self-contained HTML report of classified comments (charts, quotes, trends); no command-line code. */
module org.verbatim.report {
  requires transitive org.verbatim.core;
  requires com.fasterxml.jackson.databind;
  requires org.knowm.xchart;
  requires java.desktop;

  exports org.verbatim.report;
}
