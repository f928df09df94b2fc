package org.verbatim.report;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import org.verbatim.Polarity;
import org.verbatim.report.ReportStats.Bucket;
import org.verbatim.report.ReportStats.Counts;
import org.verbatim.report.ReportStats.Period;
import org.verbatim.report.ReportStats.ThemeStats;

/**
 * Renders {@link ReportStats} as one self-contained HTML document: inline CSS, inline SVG charts, no script, no
 * external resource (a Content-Security-Policy forbids both), every piece of input text escaped.
 *
 * <p>Numbers that tests and tools may want to read carry {@code data-metric} / {@code data-theme} attributes
 * with plain integer values.
 *
 * <p>Not thread-safe; used once per render.
 */
final class HtmlReport {

  /** Sidecar keys shown in the summary, with their labels; other keys stay in the sidecar file. */
  private static final String[][] KNOWN_META = {
    {"classifier.kind", "Classifier"},
    {"classifier.name", "Model or codebook"},
    {"classifier.version", "Version"},
    {"classifier.properties.codebook.id", "Codebook id"},
    {"classifier.properties.pipeline.profile", "Pipeline profile"},
    {"classifier.properties.threshold", "Threshold"},
    {"input", "Input file"},
    {"finished", "Classified at"},
    {"verbatimVersion", "Verbatim version"},
  };


  static final int MAX_CHART_THEMES = 20;
  static final int MAX_TREND_THEMES = 6;
  static final int MAX_GROUP_THEMES = 10;

  private final ReportOptions options;
  private final ReportStats stats;
  private final String textColumn;
  private final Clock clock;
  private final StringBuilder out = new StringBuilder(256 * 1024);
  private final List<ThemeStats> themes;

  HtmlReport(ReportOptions options, ReportStats stats, String textColumn, Clock clock) {
    this.options = Objects.requireNonNull(options, "options");
    this.stats = Objects.requireNonNull(stats, "stats");
    this.textColumn = textColumn;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.themes = stats.themesByCount();
  }

  String render() {
    out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
        .append("style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
        .append("<meta name=\"generator\" content=\"Verbatim report\">\n")
        .append("<title>").append(esc(options.title())).append("</title>\n<style>\n")
        .append(ReportCss.CSS).append("</style>\n</head>\n<body>\n");
    masthead();
    toc();
    out.append("<main>\n");
    summary();
    themeSections();
    trends();
    groups();
    quotes();
    if (options.accuracy() != null) {
      new AccuracySection(out, options.accuracy()).render();
    }
    method();
    out.append("</main>\n<footer class=\"page-footer\"><p>Made with Verbatim. This file is self-contained: it ")
        .append("loads nothing from the network and runs no scripts, so it can be opened offline, printed or ")
        .append("sent on as it is. It contains comment text: share it as you would the comments.</p></footer>\n")
        .append("</body>\n</html>\n");
    return out.toString();
  }

  // ---------------------------------------------------------------- header

  private void masthead() {
    String generated = ZonedDateTime.now(clock.withZone(java.time.ZoneOffset.UTC)).format(Numbers.MINUTE);
    out.append("<header class=\"masthead\">\n<p class=\"eyebrow\">Verbatim · feedback themes</p>\n<h1>")
        .append(esc(options.title())).append("</h1>\n<p class=\"byline\">");
    if (options.source() != null) {
      out.append("Source <span class=\"mono\">").append(esc(options.source())).append("</span> · ");
    }
    out.append(num(stats.rows())).append(stats.rows() == 1 ? " row" : " rows").append(" · generated ")
        .append(esc(generated)).append("</p>\n</header>\n");
  }

  private void toc() {
    out.append("<nav class=\"toc\" aria-label=\"Contents\"><ol>")
        .append("<li><a href=\"#summary\">Summary</a></li>")
        .append("<li><a href=\"#prevalence\">Themes</a></li>")
        .append("<li><a href=\"#polarity\">Praise and complaint</a></li>")
        .append("<li><a href=\"#cooccurrence\">Themes together</a></li>");
    if (options.dateColumn() != null) {
      out.append("<li><a href=\"#trends\">Trends</a></li>");
    }
    if (options.groupColumn() != null) {
      out.append("<li><a href=\"#groups\">By ").append(esc(options.groupColumn())).append("</a></li>");
    }
    out.append("<li><a href=\"#quotes\">Quotes</a></li>");
    if (options.accuracy() != null) {
      out.append(AccuracySection.toc(options.accuracy()));
    }
    out.append("<li><a href=\"#method\">Method</a></li></ol></nav>\n");
  }

  // ---------------------------------------------------------------- summary

  private void summary() {
    out.append("<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n");
    card("rows", stats.rows(), "rows in the file", null);
    card("analysed", stats.analysed(), "comments analysed", "non-empty, classified without error");
    card("tagged", stats.tagged(), "with at least one theme", pct(stats.tagged(), stats.analysed())
        + " of analysed");
    card("untagged", stats.analysed() - stats.tagged(), "with no theme", pct(stats.analysed() - stats.tagged(),
        stats.analysed()) + " of analysed");
    card("empty", stats.empty(), "empty comments", "blank text, not analysed");
    card("errors", stats.errors(), "error rows", "the classifier reported an error");
    out.append("</div>\n");
    if (!themes.isEmpty()) {
      ThemeStats top = themes.get(0);
      out.append("<p class=\"lede\">The most frequent theme is <strong>").append(esc(top.id)).append("</strong>, in ")
          .append(pct(top.count, stats.analysed())).append(" of analysed comments (").append(num(top.count))
          .append(")");
      ThemeStats worst = mostComplained();
      if (worst != null) {
        out.append("; the theme with the largest share of complaints is <strong>").append(esc(worst.id))
            .append("</strong> (").append(pct(worst.polarity(Polarity.NEGATIVE), worst.count))
            .append(" of its comments)");
      }
      out.append(".</p>\n");
    } else {
      out.append("<p class=\"lede\">No comment in this file has a theme.</p>\n");
    }
    out.append("<dl class=\"facts\">\n");
    fact("Text column", textColumn == null ? "(none found yet)" : textColumn);
    ReportMeta meta = options.meta();
    if (meta != null) {
      SortedMap<String, String> details = meta.details();
      boolean known = false;
      for (String[] k : KNOWN_META) {
        String v = details.get(k[0]);
        if (v != null && !v.isBlank()) {
          fact(k[1], Numbers.forPeople(v));
          known = true;
        }
      }
      if (!known) {
        for (Map.Entry<String, String> e : details.entrySet()) {
          fact(e.getKey(), Numbers.forPeople(e.getValue()));
        }
      }
    }
    out.append("</dl>\n");
    SortedMap<String, String> accuracy = meta == null ? null : meta.accuracy();
    out.append("<h3>Accuracy</h3>\n");
    if (accuracy == null || accuracy.isEmpty()) {
      out.append("<p class=\"note\">No accuracy figures were recorded for this run. The counts below are what the ")
          .append("classifier found; check a sample of comments by hand before relying on small differences.</p>\n");
    } else {
      out.append("<p class=\"note\">As recorded for the classifier (measured on coded comments, not on this file; ")
          .append("see <a href=\"#method\">Method</a>).</p>\n<dl class=\"facts accuracy\">\n");
      for (Map.Entry<String, String> e : accuracy.entrySet()) {
        fact(e.getKey(), Numbers.forPeople(e.getValue()));
      }
      out.append("</dl>\n");
    }
    out.append("</section>\n");
  }

  private ThemeStats mostComplained() {
    ThemeStats best = null;
    double bestShare = 0;
    long minimum = Math.max(5, stats.analysed() / 200);
    for (ThemeStats t : themes) {
      if (t.count < minimum) {
        continue;
      }
      double share = t.polarity(Polarity.NEGATIVE) / (double) t.count;
      if (share > bestShare) {
        best = t;
        bestShare = share;
      }
    }
    return best;
  }

  private void card(String metric, long value, String label, String hint) {
    out.append("<div class=\"card\"><div class=\"value\" data-metric=\"").append(metric).append("\" data-value=\"")
        .append(value).append("\">").append(num(value)).append("</div><div class=\"label\">").append(esc(label))
        .append("</div>");
    if (hint != null) {
      out.append("<div class=\"hint\">").append(esc(hint)).append("</div>");
    }
    out.append("</div>\n");
  }

  private void fact(String key, String value) {
    out.append("<div><dt>").append(esc(key)).append("</dt><dd>").append(esc(value)).append("</dd></div>\n");
  }

  // ---------------------------------------------------------------- theme charts

  private void themeSections() {
    List<ThemeStats> shown = themes.subList(0, Math.min(MAX_CHART_THEMES, themes.size()));
    out.append("<section id=\"prevalence\">\n<h2>How often each theme comes up</h2>\n");
    if (shown.isEmpty()) {
      out.append("<p class=\"empty\">No themes to show.</p>\n</section>\n");
      out.append("<section id=\"polarity\">\n<h2>Praise and complaint by theme</h2>\n")
          .append("<p class=\"empty\">No themes to show.</p>\n</section>\n");
      out.append("<section id=\"cooccurrence\">\n<h2>Themes that come up together</h2>\n")
          .append("<p class=\"empty\">No themes to show.</p>\n</section>\n");
      return;
    }
    out.append("<p class=\"note\">Share of the ").append(num(stats.analysed()))
        .append(" analysed comments that mention each theme. A comment can mention several themes, so the bars ")
        .append("add up to more than 100%.");
    if (themes.size() > shown.size()) {
      out.append(" The ").append(shown.size()).append(" most frequent of ").append(themes.size())
          .append(" themes are charted; the table lists all.");
    }
    out.append("</p>\n");
    List<String> ids = new ArrayList<>();
    List<Double> shares = new ArrayList<>();
    List<long[]> polarity = new ArrayList<>();
    for (ThemeStats t : shown) {
      ids.add(chartLabel(t.id));
      shares.add(Numbers.round(100.0 * t.count / Math.max(1, stats.analysed()), Numbers.PERCENT));
      polarity.add(new long[] {t.polarity(Polarity.POSITIVE), t.polarity(Polarity.NEGATIVE),
          t.polarity(Polarity.MIXED), t.polarity(Polarity.NEUTRAL)});
    }
    figure(Charts.bars("chart-prevalence", "Share of analysed comments per theme", ids, shares,
        "% of analysed comments", Charts.SLATE), "Share of analysed comments mentioning each theme (%).");
    out.append("</section>\n");

    out.append("<section id=\"polarity\">\n<h2>Praise and complaint by theme</h2>\n<p class=\"note\">")
        .append("Comments per theme by polarity: <span class=\"key praise\">praise</span> ")
        .append("<span class=\"key complaint\">complaint</span> <span class=\"key mixed\">mixed</span> ")
        .append("<span class=\"key neutral\">neutral</span> (mentions the theme without judging).</p>\n");
    figure(Charts.polarityBars("chart-polarity", "Comments per theme by polarity", ids, polarity),
        "Comments per theme, stacked by polarity.");
    themeTable();
    out.append("</section>\n");

    out.append("<section id=\"cooccurrence\">\n<h2>Themes that come up together</h2>\n");
    List<ThemeStats> co = themes.subList(0, Math.min(15, themes.size()));
    if (co.size() < 2) {
      out.append("<p class=\"empty\">Only one theme was found, so there is nothing to pair.</p>\n");
    } else {
      out.append("<p class=\"note\">Each cell counts the analysed comments that mention both the row's and the ")
          .append("column's theme. Darker cells are pairs that come up together more often.</p>\n");
      List<String> labels = new ArrayList<>();
      for (ThemeStats t : co) {
        labels.add(chartLabel(t.id));
      }
      double[][] values = new double[co.size()][co.size()];
      for (int y = 0; y < co.size(); y++) {
        for (int x = 0; x < co.size(); x++) {
          values[y][x] = x == y ? Double.NaN : stats.cooccurrence(co.get(x).id, co.get(y).id);
        }
      }
      figure(Charts.heatMap("chart-cooccurrence", "Theme co-occurrence", labels, labels, values, 0,
          Math.max(360, 110 + 34 * co.size())) + Charts.heatLegend(Charts.heatMax(values, 0), 0, ""),
          "Comments mentioning both themes (diagonal left blank).");
    }
    out.append("</section>\n");
  }

  private void themeTable() {
    out.append("<table class=\"data\">\n<caption>Comments per theme</caption>\n<thead><tr><th scope=\"col\">Theme")
        .append("</th><th scope=\"col\" class=\"num\">Comments</th><th scope=\"col\" class=\"num\">% of analysed</th>")
        .append("<th scope=\"col\" class=\"num\">Praise</th><th scope=\"col\" class=\"num\">Complaint</th>")
        .append("<th scope=\"col\" class=\"num\">Mixed</th><th scope=\"col\" class=\"num\">Neutral</th></tr></thead>")
        .append("\n<tbody>\n");
    for (ThemeStats t : themes) {
      String id = esc(t.id);
      out.append("<tr data-theme=\"").append(id).append("\"><th scope=\"row\">").append(id).append("</th>")
          .append("<td class=\"num\" data-count=\"").append(t.count).append("\">").append(num(t.count)).append("</td>")
          .append("<td class=\"num\">").append(pct(t.count, stats.analysed())).append("</td>");
      for (Polarity p : new Polarity[] {Polarity.POSITIVE, Polarity.NEGATIVE, Polarity.MIXED, Polarity.NEUTRAL}) {
        out.append("<td class=\"num\" data-polarity=\"").append(p.id()).append("\" data-count=\"")
            .append(t.polarity(p)).append("\">").append(num(t.polarity(p))).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n");
    if (stats.themesDropped() > 0) {
      out.append("<p class=\"warning\">").append(num(stats.themesDropped())).append(" theme mentions were not ")
          .append("counted because the file has more than ").append(ReportStats.MAX_THEMES)
          .append(" distinct themes.</p>\n");
    }
  }

  // ---------------------------------------------------------------- trends

  private void trends() {
    if (options.dateColumn() == null) {
      return;
    }
    String column = esc(options.dateColumn());
    out.append("<section id=\"trends\">\n<h2>Trends over time</h2>\n");
    List<Period> periods = stats.periods();
    long dated = 0;
    for (Period p : periods) {
      dated += p.counts().rows;
    }
    boolean weekly = stats.weekly();
    out.append("<p class=\"note\">From column <span class=\"mono\">").append(column).append("</span>: ")
        .append("<span data-metric=\"dated\" data-value=\"").append(dated).append("\">").append(num(dated))
        .append("</span> of ").append(num(stats.analysed())).append(" analysed comments have a readable date");
    if (stats.noDate() > 0) {
      out.append("; <span data-metric=\"no-date\" data-value=\"").append(stats.noDate()).append("\">")
          .append(num(stats.noDate())).append("</span> have none");
    }
    if (stats.badDate() > 0) {
      out.append("; <span data-metric=\"bad-date\" data-value=\"").append(stats.badDate()).append("\">")
          .append(num(stats.badDate())).append("</span> have a date that could not be read (and are left out)");
    }
    if (stats.daysDropped() > 0) {
      out.append("; ").append(num(stats.daysDropped())).append(" fall on more than ").append(ReportStats.MAX_DAYS)
          .append(" distinct days and are left out");
    }
    out.append(".");
    if (!periods.isEmpty()) {
      out.append(weekly ? " The dates span less than three months, so comments are grouped by ISO week."
          : " Comments are grouped by calendar month.");
    }
    out.append("</p>\n");
    if (periods.isEmpty() || themes.isEmpty()) {
      out.append("<p class=\"empty\">No trend to show.</p>\n</section>\n");
      return;
    }
    List<ThemeStats> top = themes.subList(0, Math.min(MAX_TREND_THEMES, themes.size()));
    List<String> labels = new ArrayList<>();
    List<String> names = new ArrayList<>();
    List<List<Double>> values = new ArrayList<>();
    for (Period p : periods) {
      labels.add(p.label());
    }
    for (ThemeStats t : top) {
      names.add(chartLabel(t.id));
      List<Double> series = new ArrayList<>();
      for (Period p : periods) {
        series.add(Numbers.round(100.0 * p.counts().theme(t.index) / Math.max(1, p.counts().rows), Numbers.PERCENT));
      }
      values.add(series);
    }
    figure(Charts.lines("chart-trends", "Theme share over time", labels, names, values, "% of comments in period"),
        "Share of each period's comments mentioning the " + top.size() + " most frequent themes (%). Periods with "
            + "few comments swing widely: check the counts in the table.");
    out.append("<details><summary>Figures by ").append(weekly ? "week" : "month").append("</summary>\n")
        .append("<table class=\"data\">\n<thead><tr><th scope=\"col\">").append(weekly ? "Week" : "Month")
        .append("</th><th scope=\"col\" class=\"num\">Comments</th>");
    for (ThemeStats t : top) {
      out.append("<th scope=\"col\" class=\"num\">").append(esc(t.id)).append(" %</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (Period p : periods) {
      out.append("<tr data-period=\"").append(p.label()).append("\"><th scope=\"row\">").append(p.label())
          .append("</th><td class=\"num\" data-count=\"").append(p.counts().rows).append("\">")
          .append(num(p.counts().rows)).append("</td>");
      for (ThemeStats t : top) {
        out.append("<td class=\"num\">").append(pct(p.counts().theme(t.index), p.counts().rows)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</details>\n</section>\n");
  }

  // ---------------------------------------------------------------- groups

  private void groups() {
    if (options.groupColumn() == null) {
      return;
    }
    String column = esc(options.groupColumn());
    out.append("<section id=\"groups\">\n<h2>By ").append(column).append("</h2>\n");
    List<Map.Entry<String, Counts>> groups = new ArrayList<>(stats.groups().entrySet());
    groups.sort(Comparator.<Map.Entry<String, Counts>>comparingLong(e -> -e.getValue().rows)
        .thenComparing(Map.Entry::getKey));
    int total = groups.size();
    List<Map.Entry<String, Counts>> shown = groups.subList(0, Math.min(options.topGroups(), total));
    out.append("<p class=\"note\">Share of each group's analysed comments that mention each theme, for the ")
        .append(shown.size() == total ? "" : shown.size() + " largest of ")
        .append("<span data-metric=\"groups\" data-value=\"").append(total).append("\">").append(num(total))
        .append("</span> ").append(total == 1 ? "group" : "groups").append(" in column <span class=\"mono\">")
        .append(column).append("</span>.");
    if (stats.noGroup() > 0) {
      out.append(" ").append(num(stats.noGroup())).append(" comments have no value there (shown as ")
          .append(esc(ReportStats.BLANK_GROUP)).append(").");
    }
    if (stats.groupsDropped() > 0) {
      out.append(" ").append(num(stats.groupsDropped())).append(" comments in groups beyond the first ")
          .append(num(ReportStats.MAX_GROUPS)).append(" distinct values are not counted.");
    }
    out.append(" Small groups give unstable percentages: read them with the counts.</p>\n");
    if (shown.isEmpty() || themes.isEmpty()) {
      out.append("<p class=\"empty\">No comparison to show.</p>\n</section>\n");
      return;
    }
    List<ThemeStats> top = themes.subList(0, Math.min(MAX_GROUP_THEMES, themes.size()));
    List<String> xs = new ArrayList<>();
    for (ThemeStats t : top) {
      xs.add(chartLabel(t.id));
    }
    List<String> ys = new ArrayList<>();
    double[][] values = new double[shown.size()][top.size()];
    for (int y = 0; y < shown.size(); y++) {
      Counts c = shown.get(y).getValue();
      ys.add(chartLabel(shown.get(y).getKey()) + " (" + c.rows + ")");
      for (int x = 0; x < top.size(); x++) {
        values[y][x] = 100.0 * c.theme(top.get(x).index) / Math.max(1, c.rows);
      }
    }
    figure(Charts.heatMap("chart-groups", "Theme share by group", xs, ys, values, Numbers.PERCENT,
        Math.max(300, 150 + 34 * shown.size()))
        + Charts.heatLegend(Charts.heatMax(values, Numbers.PERCENT), Numbers.PERCENT, "%"),
        "Share of each group's comments mentioning each theme (%); the group's number of comments in brackets.");
    out.append("<details><summary>Figures by group</summary>\n<table class=\"data\">\n<thead><tr>")
        .append("<th scope=\"col\">").append(column).append("</th><th scope=\"col\" class=\"num\">Comments</th>");
    for (ThemeStats t : top) {
      out.append("<th scope=\"col\" class=\"num\">").append(esc(t.id)).append(" %</th>");
    }
    out.append("</tr></thead>\n<tbody>\n");
    for (Map.Entry<String, Counts> g : shown) {
      Counts c = g.getValue();
      out.append("<tr data-group=\"").append(esc(g.getKey())).append("\"><th scope=\"row\">").append(esc(g.getKey()))
          .append("</th><td class=\"num\" data-count=\"").append(c.rows).append("\">").append(num(c.rows))
          .append("</td>");
      for (ThemeStats t : top) {
        out.append("<td class=\"num\">").append(pct(c.theme(t.index), c.rows)).append("</td>");
      }
      out.append("</tr>\n");
    }
    out.append("</tbody>\n</table>\n</details>\n</section>\n");
  }

  // ---------------------------------------------------------------- quotes

  private void quotes() {
    out.append("<section id=\"quotes\">\n<h2>What people said, theme by theme</h2>\n<p class=\"note\">")
        .append("Up to ").append(options.quotes()).append(" comments per theme and polarity, drawn at random ")
        .append("(not the most typical ones). <mark class=\"praise\">Highlighted words</mark> are the evidence the ")
        .append("classifier gave for the theme. Long comments are cut to the passage around the evidence.</p>\n");
    if (themes.isEmpty()) {
      out.append("<p class=\"empty\">No themes, so no quotes.</p>\n</section>\n");
      return;
    }
    for (ThemeStats t : themes) {
      String id = esc(t.id);
      out.append("<article class=\"theme\" id=\"theme-").append(t.index).append("\" data-theme=\"").append(id)
          .append("\">\n<header><h3>").append(id).append("</h3><p class=\"theme-stats\">")
          .append(num(t.count)).append(t.count == 1 ? " comment" : " comments").append(" (")
          .append(pct(t.count, stats.analysed())).append(" of analysed) · ")
          .append("<span class=\"key praise\">").append(num(t.polarity(Polarity.POSITIVE))).append(" praise</span> ")
          .append("<span class=\"key complaint\">").append(num(t.polarity(Polarity.NEGATIVE)))
          .append(" complaint</span> <span class=\"key mixed\">").append(num(t.polarity(Polarity.MIXED)))
          .append(" mixed</span> <span class=\"key neutral\">").append(num(t.polarity(Polarity.NEUTRAL)))
          .append(" neutral</span></p></header>\n");
      if (t.quotes.get(Bucket.PRAISE).seen() + t.quotes.get(Bucket.COMPLAINT).seen() > 0) {
        out.append("<div class=\"columns\">\n");
        column(t, Bucket.PRAISE, "Praise", "praise");
        column(t, Bucket.COMPLAINT, "Complaints", "complaint");
        out.append("</div>\n");
      }
      if (t.quotes.get(Bucket.OTHER).seen() > 0) {
        out.append("<div class=\"columns single\">\n");
        column(t, Bucket.OTHER, "Mixed or neutral", "other");
        out.append("</div>\n");
      }
      out.append("</article>\n");
    }
    out.append("</section>\n");
  }

  private void column(ThemeStats t, Bucket bucket, String title, String css) {
    Reservoir<Quote> sample = t.quotes.get(bucket);
    List<Quote> quotes = sample.items();
    out.append("<div class=\"quotes ").append(css).append("\"><h4>").append(title);
    if (sample.seen() > quotes.size()) {
      out.append(" <span class=\"count\">").append(quotes.size()).append(" of ").append(num(sample.seen()))
          .append("</span>");
    }
    out.append("</h4>\n");
    if (quotes.isEmpty()) {
      out.append("<p class=\"empty\">No ").append(bucket == Bucket.PRAISE ? "praise" : "complaints")
          .append(" about this theme.</p>\n");
    }
    for (Quote q : quotes) {
      // each quote is isolated for text direction: a right-to-left comment neither takes the page's direction nor
      // reorders what follows it
      out.append("<blockquote class=\"quote\"><p dir=\"auto\"><bdi>");
      if (q.cutBefore()) {
        out.append("<span class=\"cut\">…</span>");
      }
      out.append(Highlighter.highlight(q.text(), q.spans()));
      out.append("</bdi>");
      if (q.cutAfter()) {
        out.append("<span class=\"cut\">…</span>");
      }
      out.append("</p>");
      if (!q.label().isEmpty()) {
        out.append("<footer><bdi>").append(esc(q.label())).append("</bdi></footer>");
      }
      out.append("</blockquote>\n");
    }
    out.append("</div>\n");
  }

  // ---------------------------------------------------------------- method

  private void method() {
    ReportMeta meta = options.meta();
    String kind = meta == null ? null : meta.classifierKind().orElse(null);
    out.append("<section id=\"method\">\n<h2>Method</h2>\n<h3>How themes were assigned</h3>\n");
    if (kind == null) {
      out.append("<p>Each comment was tagged by <span class=\"mono\">verbatim classify</span>. No record of the ")
          .append("classifier was found beside the input, so this report cannot say which one: a codebook ")
          .append("classifier matches each theme's cue words and phrases from a codebook, with rules for negation ")
          .append("and contrast; a trained model learns the themes from comments that people have coded.</p>\n");
    } else if (kind.equals("codebook")) {
      out.append("<p>Themes were assigned by a <strong>codebook</strong> classifier: each theme in the codebook ")
          .append("has a definition and cue words and phrases, and a comment is tagged with a theme when its ")
          .append("wording matches the theme's cues. Negation and contrast (\"not\", \"but\") decide whether the ")
          .append("mention is praise or complaint. No comments from this file were used to build it.</p>\n");
    } else {
      out.append("<p>Themes were assigned by a <strong>trained model</strong> (").append(esc(kind))
          .append("): it learned each theme from comments that people had coded with the codebook's themes, and ")
          .append("tags a new comment with a theme when its score passes the theme's threshold.</p>\n");
    }
    out.append("<p>Each tag comes with a polarity (praise, complaint, mixed, neutral) and the words that ")
        .append("justify it; the quotes highlight those words so you can judge each tag for yourself.</p>\n")
        .append("<h3>What the figures mean</h3>\n<ul>\n")
        .append("<li>Percentages are of <em>analysed</em> comments: rows with text and no classification error. ")
        .append("A comment can have several themes.</li>\n")
        .append("<li>Accuracy figures, when shown, were measured by comparing the classifier with people's coding ")
        .append("on comments it had not been trained on. <em>Precision</em> is the share of the classifier's tags ")
        .append("that the coders also gave; <em>recall</em> is the share of the coders' tags that the classifier ")
        .append("found; <em>F1</em> balances the two (1 is perfect). Agreement statistics such as Cohen's kappa ")
        .append("correct for chance. They describe the classifier on that coded sample, not this file: on comments ")
        .append("about other services or written differently, accuracy can be lower.</li>\n")
        .append("<li>Counts include the classifier's mistakes. A theme with low precision is over-counted; one with ")
        .append("low recall is under-counted. Compare themes, groups and periods with that in mind.</li>\n")
        .append("<li>The quotes are a random sample (reservoir sampling with seed ").append(options.seed())
        .append(", so the same file gives the same quotes), at most ").append(options.quotes())
        .append(" per theme and polarity. They illustrate a theme; they do not show how common a view is.</li>\n");
    if (options.dateColumn() != null) {
      out.append("<li>Dates are read as written (day first: 05/03/2024 is 5 March), with ISO dates ")
          .append("(2024-03-05) and times accepted; comments whose date cannot be read are left out of the trend ")
          .append("and counted above.</li>\n");
    }
    out.append("</ul>\n</section>\n");
  }

  // ---------------------------------------------------------------- helpers

  private void figure(String svg, String caption) {
    out.append("<figure class=\"chart\">\n").append(svg).append("\n<figcaption>").append(esc(caption))
        .append("</figcaption>\n</figure>\n");
  }

  /** Labels drawn inside charts are outlines, not markup, but keep them short. */
  private static String chartLabel(String value) {
    String v = value.strip();
    return v.length() <= 28 ? v : v.substring(0, 27) + "…";
  }

  private static String esc(String value) {
    return Html.escape(value);
  }

  static String num(long value) {
    return String.format(Locale.UK, "%,d", value);
  }

  static String pct(long part, long whole) {
    return Numbers.percent(part, whole);
  }
}
