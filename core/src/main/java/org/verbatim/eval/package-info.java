/**
 * Evaluation of theme tagging against gold labels: multi-label scores, bootstrap confidence intervals,
 * agreement statistics, polarity scores and cross-validation folds.
 *
 * <p>Every number follows the conventions of the shared peer scorer {@code metrics.py} (label parsing, label
 * universe, {@code zero_division = 0}, the both-empty convention of {@code samples_f1}), so that figures from
 * Verbatim and from the peer systems can be compared directly. The entry points are
 * {@link org.verbatim.eval.Evaluator} (everything at once, from lists or from CSV files),
 * {@link org.verbatim.eval.MultiLabelMetrics} (point estimates only), {@link org.verbatim.eval.Bootstrap},
 * {@link org.verbatim.eval.Agreement}, {@link org.verbatim.eval.PolarityMetrics} and
 * {@link org.verbatim.eval.Folds}.
 *
 * <pre>{@code
 * Evaluation ev = Evaluator.evaluate(goldSets, predictedSets, EvaluationOptions.defaults());
 * System.out.println(ev.toMarkdown());
 * ev.writeJson(Path.of("scores.json"));
 * }</pre>
 */
package org.verbatim.eval;
