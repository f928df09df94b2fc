package org.verbatim.report;

/** The report's style sheet, inlined in the page: screen and print, no web fonts, no external resources. */
final class ReportCss {

  private ReportCss() {}

  static final String CSS = """
      :root {
        --ink: #1f2933; --muted: #52606d; --faint: #7b8794; --rule: #e4e7eb; --wash: #f5f7fa;
        --accent: #0b4f7c; --praise: #0072b2; --praise-bg: #d6eaf8; --complaint: #d55e00;
        --complaint-bg: #fbe1d0; --mixed: #cc79a7; --mixed-bg: #f5e1ec; --neutral: #8a8a8a;
        --neutral-bg: #ececec;
      }
      * { box-sizing: border-box; }
      html { -webkit-text-size-adjust: 100%; }
      body {
        margin: 0; color: var(--ink); background: #fff;
        font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans",
          "Liberation Sans", "DejaVu Sans", sans-serif;
      }
      .masthead, .toc, main, .page-footer { max-width: 1080px; margin: 0 auto; padding-left: 32px; padding-right: 32px; }
      .masthead { padding-top: 40px; padding-bottom: 20px; border-bottom: 1px solid var(--rule); }
      .masthead::before { content: ""; display: block; width: 56px; height: 5px; background: var(--accent);
        border-radius: 3px; margin-bottom: 18px; }
      .eyebrow { margin: 0; color: var(--accent); font-size: 13px; font-weight: 600; letter-spacing: .08em;
        text-transform: uppercase; }
      h1 { margin: 6px 0 6px; font-size: 34px; line-height: 1.2; letter-spacing: -.01em; }
      .byline { margin: 0; color: var(--muted); font-size: 14px; }
      .mono { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, "DejaVu Sans Mono", monospace;
        font-size: .92em; }
      .toc { padding-top: 12px; padding-bottom: 12px; border-bottom: 1px solid var(--rule); }
      .toc ol { list-style: none; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 6px 22px; }
      .toc a { color: var(--accent); text-decoration: none; font-size: 14px; font-weight: 500; }
      .toc a:hover { text-decoration: underline; }
      section { padding: 30px 0 12px; border-bottom: 1px solid var(--rule); }
      section:last-child { border-bottom: 0; }
      h2 { font-size: 24px; line-height: 1.25; margin: 0 0 10px; }
      h3 { font-size: 18px; margin: 22px 0 8px; }
      h4 { font-size: 13px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
      p { margin: 0 0 12px; }
      .note { color: var(--muted); font-size: 15px; max-width: 80ch; }
      .lede { font-size: 17px; max-width: 80ch; }
      .warning { color: #8a3c00; background: #fff4e5; border-left: 4px solid var(--complaint); padding: 8px 12px; }
      .empty { color: var(--faint); font-style: italic; }
      a { color: var(--accent); }
      .cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; margin: 8px 0 18px; }
      .card { background: var(--wash); border: 1px solid var(--rule); border-radius: 8px; padding: 14px 16px; }
      .card .value { font-size: 28px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
      .card .label { font-size: 14px; font-weight: 600; margin-top: 4px; }
      .card .hint { font-size: 12.5px; color: var(--muted); margin-top: 2px; }
      .ci { font-size: 0.8em; color: var(--muted); white-space: nowrap; }
      .card .value .ci { display: block; font-size: 13px; font-weight: 400; }
      .facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr)); gap: 0 24px;
        margin: 0 0 8px; font-size: 14px; }
      .facts div { display: flex; gap: 12px; padding: 5px 0; border-bottom: 1px dotted var(--rule); }
      .facts dt { color: var(--muted); min-width: 40%; overflow-wrap: anywhere; }
      .facts dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
      figure.chart { margin: 10px 0 16px; }
      figure.chart svg { display: block; width: 100%; height: auto; max-width: 960px; }
      figcaption { font-size: 13px; color: var(--muted); margin-top: 4px; }
      .heat-legend { display: flex; align-items: center; gap: 6px; font-size: 12px; color: var(--muted);
        max-width: 960px; justify-content: flex-end; }
      .heat-scale { display: inline-block; width: 160px; height: 10px; border: 1px solid #e4e7eb; }
      table.data { border-collapse: collapse; width: 100%; font-size: 14px; margin: 8px 0 16px;
        font-variant-numeric: tabular-nums; }
      table.data caption { text-align: left; font-weight: 600; padding-bottom: 6px; }
      table.data th, table.data td { padding: 6px 10px; border-bottom: 1px solid var(--rule); text-align: left;
        vertical-align: top; }
      table.data thead th { font-size: 12.5px; color: var(--muted); text-transform: uppercase; letter-spacing: .04em;
        border-bottom: 2px solid var(--ink); }
      table.data tbody th { font-weight: 600; overflow-wrap: anywhere; }
      table.data .num { text-align: right; white-space: nowrap; }
      table.data tbody tr:nth-child(even) { background: var(--wash); }
      details { margin: 4px 0 16px; }
      summary { cursor: pointer; color: var(--accent); font-size: 14px; font-weight: 600; }
      .key { white-space: nowrap; }
      .key::before { content: ""; display: inline-block; width: .8em; height: .8em; border-radius: 2px;
        margin-right: .3em; vertical-align: -.05em; }
      .key.praise::before { background: var(--praise); }
      .key.complaint::before { background: var(--complaint); }
      .key.mixed::before { background: var(--mixed); }
      .key.neutral::before { background: var(--neutral); }
      article.theme { margin: 18px 0 26px; padding-top: 6px; }
      article.theme > header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 16px;
        border-bottom: 2px solid var(--ink); padding-bottom: 6px; margin-bottom: 12px; }
      article.theme h3 { margin: 0; font-size: 20px; }
      .theme-stats { margin: 0; font-size: 14px; color: var(--muted); }
      .theme-stats .key { margin-right: 8px; }
      .columns { display: grid; grid-template-columns: 1fr 1fr; gap: 20px; }
      .columns.single { grid-template-columns: 1fr; margin-top: 12px; }
      .quotes h4 .count { text-transform: none; letter-spacing: 0; font-weight: 400; color: var(--faint); }
      .quotes.praise h4 { color: var(--praise); }
      .quotes.complaint h4 { color: var(--complaint); }
      blockquote.quote { margin: 0 0 10px; padding: 10px 14px; background: var(--wash); border-radius: 0 6px 6px 0;
        border-left: 4px solid var(--neutral); break-inside: avoid; }
      .quotes.praise blockquote.quote { border-left-color: var(--praise); }
      .quotes.complaint blockquote.quote { border-left-color: var(--complaint); }
      .quotes.other blockquote.quote { border-left-color: var(--mixed); }
      blockquote.quote p { margin: 0; font-family: Georgia, Cambria, "Times New Roman", "DejaVu Serif", serif;
        font-size: 15.5px; line-height: 1.5; white-space: pre-wrap; overflow-wrap: anywhere; }
      blockquote.quote footer { margin-top: 6px; font-size: 12.5px; color: var(--faint); overflow-wrap: anywhere; }
      .cut { color: var(--faint); }
      mark { color: inherit; background: var(--neutral-bg); border-bottom: 2px solid var(--neutral);
        padding: 0 1px; border-radius: 2px; }
      mark.praise, .quotes.praise mark { background: var(--praise-bg); border-bottom-color: var(--praise); }
      .quotes.complaint mark { background: var(--complaint-bg); border-bottom-color: var(--complaint); }
      .quotes.other mark { background: var(--mixed-bg); border-bottom-color: var(--mixed); }
      #method ul { padding-left: 20px; max-width: 85ch; }
      #method li { margin-bottom: 8px; }
      #method p { max-width: 85ch; }
      .page-footer { padding-top: 18px; padding-bottom: 40px; color: var(--faint); font-size: 13px;
        border-top: 1px solid var(--rule); }
      @media (max-width: 720px) {
        .masthead, .toc, main, .page-footer { padding-left: 16px; padding-right: 16px; }
        .columns { grid-template-columns: 1fr; }
        h1 { font-size: 27px; }
      }
      @media print {
        @page { size: A4; margin: 14mm 12mm; }
        body { font-size: 10.5pt; }
        .toc, summary { display: none; }
        .masthead, main, .page-footer { max-width: none; padding-left: 0; padding-right: 0; }
        .masthead { padding-top: 0; }
        * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        section { break-inside: auto; padding-top: 16px; }
        h2, h3, h4, h2 + .note { break-after: avoid; }
        figure.chart, .card, blockquote.quote, table.data tr { break-inside: avoid; }
        #quotes, #method { break-before: page; }
        a { color: inherit; text-decoration: none; }
      }
      """;
}
