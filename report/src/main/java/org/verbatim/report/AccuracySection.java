package org.verbatim.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders the accuracy section (from an {@code evaluate} JSON: per-theme scores with bootstrap intervals, the
 * confusion tables) and the agreement section (the classifier's kappa and alpha against the coders, and, from an
 * {@code agree} JSON, agreement between coders). Internal; not thread-safe.
 */
final class AccuracySection {

  private final StringBuilder out;
  private final AccuracyInputs in;

  AccuracySection(StringBuilder out, AccuracyInputs in) {
    this.out = out;
    this.in = in;
  }

  /** Table-of-contents entries for what will be rendered. */
  static String toc(AccuracyInputs in) {
    StringBuilder sb = new StringBuilder();
    if (in.evaluation().isPresent()) {
      sb.append("<li><a href=\"#accuracy\">Accuracy</a></li>");
    }
    sb.append("<li><a href=\"#agreement\">Agreement</a></li>");
    return sb.toString();
  }

  void render() {
    in.evaluation().ifPresent(this::accuracy);
    agreement();
  }

  // ---------------------------------------------------------------- accuracy

  private void accuracy(JsonNode root) {
    JsonNode themes = root.path("themes");
    JsonNode metrics = themes.path("metrics");
    JsonNode ci = themes.path("confidence_intervals");
    out.append("<section id=\"accuracy\">\n<h2>How accurate the themes are</h2>\n<p class=\"note\">From <span class=\"mono\">")
        .append(esc(in.evaluationName())).append("</span>: ").append(esc(root.path("evaluated").asText("a classifier")))
        .append(" scored against people's coding of ").append(esc(root.path("input").asText("a coded file"))).append(" (")
        .append(metrics.path("n_docs").asInt()).append(" comments). Brackets: ");
    if (ci.isObject()) {
      out.append(Math.round(ci.path("level").asDouble(0.95) * 100)).append("% bootstrap interval over comments (")
          .append(ci.path("resamples").asInt()).append(" resamples).");
    } else {
      out.append("none computed.");
    }
    out.append("</p>\n<div class=\"cards\">\n");
    card(withCi(metrics.path("micro_f1"), ci.path("micro_f1")), "micro F1", "all tags pooled");
    card(withCi(metrics.path("macro_f1"), ci.path("macro_f1")), "macro F1", "mean over themes");
    card(withCi(metrics.path("micro_precision"), ci.path("micro_precision")), "precision", "tags the coders also gave");
    card(withCi(metrics.path("micro_recall"), ci.path("micro_recall")), "recall", "coders' tags found");
    out.append("</div>\n");
    out.append("<table>\n<caption>Per theme</caption>\n<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Precision</th>"
        + "<th scope=\"col\">Recall</th><th scope=\"col\">F1</th><th scope=\"col\">Coded</th><th scope=\"col\">TP</th>"
        + "<th scope=\"col\">FP</th><th scope=\"col\">FN</th><th scope=\"col\">TN</th></tr></thead>\n<tbody>\n");
    JsonNode confusion = root.path("confusion").path("per_theme");
    for (Iterator<Map.Entry<String, JsonNode>> it = metrics.path("per_label").fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> e = it.next();
      JsonNode s = e.getValue();
      JsonNode lc = ci.path("per_label").path(e.getKey());
      JsonNode c = confusion.path(e.getKey());
      out.append("<tr><th scope=\"row\">").append(esc(e.getKey())).append("</th><td>")
          .append(withCi(s.path("precision"), lc.path("precision"))).append("</td><td>")
          .append(withCi(s.path("recall"), lc.path("recall"))).append("</td><td>")
          .append(withCi(s.path("f1"), lc.path("f1"))).append("</td><td>").append(s.path("support").asInt())
          .append("</td><td>").append(s.path("tp").asInt()).append("</td><td>").append(s.path("fp").asInt())
          .append("</td><td>").append(s.path("fn").asInt()).append("</td><td>")
          .append(c.has("tn") ? Integer.toString(c.path("tn").asInt()) : "–").append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    coConfusion(root.path("confusion").path("co_confusion"));
    polarity(root.path("polarityConfusion"));
    out.append("</section>\n");
  }

  private void coConfusion(JsonNode co) {
    if (!co.isObject() || co.isEmpty()) {
      return;
    }
    List<String[]> cells = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = co.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> row = it.next();
      for (Iterator<Map.Entry<String, JsonNode>> c = row.getValue().fields(); c.hasNext();) {
        Map.Entry<String, JsonNode> cell = c.next();
        cells.add(new String[] {row.getKey(), cell.getKey(), Integer.toString(cell.getValue().asInt())});
      }
    }
    cells.sort((a, b) -> Integer.compare(Integer.parseInt(b[2]), Integer.parseInt(a[2])));
    out.append("<h3>Which theme was predicted when another was coded</h3>\n<p class=\"note\">Comments where the coders' "
        + "theme was missed and the other theme was tagged instead; (none) means nothing on that side. The largest "
        + "cells name the themes the classifier confuses.</p>\n<table>\n<thead><tr><th scope=\"col\">Coded, missed</th>"
        + "<th scope=\"col\">Tagged instead</th><th scope=\"col\">Comments</th></tr></thead>\n<tbody>\n");
    for (String[] c : cells.subList(0, Math.min(15, cells.size()))) {
      out.append("<tr><td>").append(esc(c[0])).append("</td><td>").append(esc(c[1])).append("</td><td>").append(c[2])
          .append("</td></tr>\n");
    }
    out.append("</tbody>\n</table>\n");
  }

  private void polarity(JsonNode pc) {
    if (!pc.isObject()) {
      return;
    }
    JsonNode matrix = pc.path("matrix");
    List<String> columns = new ArrayList<>();
    matrix.elements().next().fieldNames().forEachRemaining(columns::add);
    out.append("<h3>Praise and complaint: coded against tagged</h3>\n<table>\n<thead><tr><th scope=\"col\">Coded \\ tagged"
        + "</th>");
    columns.forEach(c -> out.append("<th scope=\"col\">").append(esc(c)).append("</th>"));
    out.append("</tr></thead>\n<tbody>\n");
    for (Iterator<Map.Entry<String, JsonNode>> it = matrix.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> row = it.next();
      out.append("<tr><th scope=\"row\">").append(esc(row.getKey())).append("</th>");
      columns.forEach(c -> out.append("<td>").append(row.getValue().path(c).asInt()).append("</td>"));
      out.append("</tr>\n");
    }
    JsonNode s = pc.path("scores");
    JsonNode ci = pc.path("intervals");
    out.append("</tbody>\n</table>\n<p>Polarity right on ").append(withCi(s.path("accuracy_found"), ci.path("accuracy_found")))
        .append(" of the ").append(s.path("n_found_pairs").asInt()).append(" coded themes found (macro-F1 ")
        .append(withCi(s.path("macro_f1_found"), ci.path("macro_f1_found"))).append("); counting a missed theme as wrong, ")
        .append(withCi(s.path("accuracy_all"), ci.path("accuracy_all"))).append(" of all ").append(s.path("n_gold_pairs").asInt())
        .append(".</p>\n");
  }

  // ---------------------------------------------------------------- agreement

  private void agreement() {
    out.append("<section id=\"agreement\">\n<h2>Agreement</h2>\n");
    in.evaluation().ifPresent(root -> {
      JsonNode themes = root.path("themes");
      out.append("<h3>The classifier and the coders</h3>\n<p>Treating the classifier as one more coder, its chance-"
          + "corrected agreement with the coders over every comment × theme decision is Krippendorff's alpha <strong>")
          .append(num(themes.path("krippendorff_alpha"))).append("</strong> (1 is perfect, 0 no better than chance). "
          + "Cohen's kappa per theme:</p>\n<table>\n<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Kappa</th>"
          + "</tr></thead>\n<tbody>\n");
      for (Iterator<Map.Entry<String, JsonNode>> it = themes.path("kappa").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        out.append("<tr><th scope=\"row\">").append(esc(e.getKey())).append("</th><td>").append(num(e.getValue()))
            .append("</td></tr>\n");
      }
      out.append("</tbody>\n</table>\n");
    });
    if (in.agreement().isPresent()) {
      JsonNode a = in.agreement().get();
      List<String> coders = new ArrayList<>();
      a.path("coders").forEach(c -> coders.add(c.asText()));
      out.append("<h3>Between coders</h3>\n<p class=\"note\">From <span class=\"mono\">").append(esc(in.agreementName()))
          .append("</span>: ").append(esc(String.join(", ", coders))).append(" coded the same ")
          .append(a.path("documents").asInt()).append(" comments. Agreement between people is the ceiling for any "
          + "classifier: a theme the coders disagree on cannot be learned well. Brackets: bootstrap intervals over "
          + "comments.</p>\n<table>\n<thead><tr><th scope=\"col\">Theme</th><th scope=\"col\">Agreement</th>"
          + "<th scope=\"col\">Cohen's kappa</th><th scope=\"col\">Fleiss' kappa</th><th scope=\"col\">Krippendorff's "
          + "alpha</th></tr></thead>\n<tbody>\n");
      for (Iterator<Map.Entry<String, JsonNode>> it = a.path("themes").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> e = it.next();
        agreeRow(esc(e.getKey()), e.getValue());
      }
      agreeRow("<strong>all comment × theme decisions</strong>", a.path("overall"));
      if (a.path("polarity").isObject()) {
        agreeRow("<strong>polarity of shared themes</strong>", a.path("polarity"));
      }
      out.append("</tbody>\n</table>\n<p>").append(a.path("disagreements").size())
          .append(" comment × theme decisions and ").append(a.path("polarity_disagreements").size())
          .append(" polarities differ between the coders (listed by id in the agreement file).</p>\n");
    } else if (in.evaluation().isPresent()) {
      out.append("<p class=\"note\">No agreement between coders was given; <span class=\"mono\">verbatim agree --json</span> "
          + "computes it from two or more coders' files and <span class=\"mono\">--agreement</span> adds it here.</p>\n");
    }
    out.append("</section>\n");
  }

  private void agreeRow(String name, JsonNode s) {
    JsonNode ci = s.path("intervals");
    out.append("<tr><th scope=\"row\">").append(name).append("</th><td>")
        .append(withCi(s.path("percent_agreement"), ci.path("percent_agreement"))).append("</td><td>")
        .append(withCi(s.path("cohen_kappa"), ci.path("cohen_kappa"))).append("</td><td>")
        .append(withCi(s.path("fleiss_kappa"), ci.path("fleiss_kappa"))).append("</td><td>")
        .append(withCi(s.path("krippendorff_alpha"), ci.path("krippendorff_alpha"))).append("</td></tr>\n");
  }

  // ---------------------------------------------------------------- helpers

  private void card(String value, String label, String hint) {
    out.append("<div class=\"card\"><div class=\"value\" data-metric=\"").append(esc(label)).append("\">").append(value)
        .append("</div><div class=\"label\">").append(esc(label)).append("</div><div class=\"hint\">").append(esc(hint))
        .append("</div></div>\n");
  }

  private static String num(JsonNode v) {
    return v.isNumber() ? Numbers.fixed(v.asDouble(), Numbers.FIGURE) : "n/a";
  }

  private static String withCi(JsonNode v, JsonNode ci) {
    String s = num(v);
    if (!v.isNumber() || !ci.path("lower").isNumber()) {
      return s;
    }
    return s + " <span class=\"ci\">[" + num(ci.path("lower")) + ", " + num(ci.path("upper")) + "]</span>";
  }

  private static String esc(String s) {
    return Html.escape(s == null ? "" : s);
  }
}
