/**
 * The {@code verbatim report} command and its library API: reads a file written by {@code verbatim classify}
 * (CSV or JSONL) in one streaming pass and writes one self-contained HTML report (summary, theme prevalence,
 * polarity per theme, co-occurrence, trends, group comparison, sampled quotes with highlighted evidence).
 *
 * <p>Entry points: {@link org.verbatim.report.ReportBuilder} (feed rows, write HTML) and
 * {@link org.verbatim.report.ReportCommand} (picocli command).
 */
package org.verbatim.report;
