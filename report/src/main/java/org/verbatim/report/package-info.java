/**
 * The HTML report library behind {@code verbatim report} (the command itself lives in the {@code cli} module):
 * reads a file written by {@code verbatim classify}
 * (CSV or JSONL) in one streaming pass and writes one self-contained HTML report (summary, theme prevalence,
 * polarity per theme, co-occurrence, trends, group comparison, sampled quotes with highlighted evidence).
 *
 * <p>Entry point: {@link org.verbatim.report.ReportBuilder} (feed rows, write HTML), configured by
 * {@link org.verbatim.report.ReportOptions}.
 */
package org.verbatim.report;
