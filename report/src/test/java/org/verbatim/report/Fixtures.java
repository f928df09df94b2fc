package org.verbatim.report;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.StringJoiner;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Generates classified rows in the format {@code verbatim classify} writes, together with the counts a report
 * should show for them (so tests compare the report with what was generated, not with hard-coded numbers).
 */
final class Fixtures {

  static final String SCRIPT = "<script>alert(1)</script>";

  /** A phrase that carries one theme with one polarity. */
  record Phrase(String text, String theme, String polarity) {}

  static final List<Phrase> PHRASES = List.of(
      new Phrase("She really listened to what we said.", "listening", "positive"),
      new Phrase("Nobody listened to my son.", "listening", "negative"),
      new Phrase("The worker was always polite & respectful.", "respect", "positive"),
      new Phrase("I felt talked down to in meetings.", "respect", "negative"),
      new Phrase("They never called back when they said they would.", "reliability", "negative"),
      new Phrase("Visits were on time every week.", "reliability", "positive"),
      new Phrase("The plan was explained in plain words.", "clarity", "positive"),
      new Phrase("Nobody told us what the report meant.", "clarity", "negative"),
      new Phrase("She was kind but the letters were confusing.", "empathy", "mixed"),
      new Phrase("We talked about the support plan.", "support", "neutral"),
      new Phrase("They were honest about their worries.", "honesty", "positive"));

  /** One generated row and what it should count as. */
  record Row(Map<String, String> columns, String text, List<String> themes, List<String> polarities,
      List<int[]> spans, String error, String date, String team) {}

  /** Rows and the expected counts. */
  record Data(List<Row> rows, long errors, long empty, long analysed, long tagged, Map<String, Long> themeCounts,
      Map<String, Map<String, Long>> polarityCounts, long badDates) {}

  private Fixtures() {}

  /**
   * Generates {@code n} rows: dates across 14 months (a few unreadable), four teams, one comment with a script
   * tag (and a team name with one), some empty comments, some error rows, some untagged comments.
   */
  static Data generate(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    String[] teams = {"North", "South", "East & Coast", "<b>West</b>"};
    LocalDate start = LocalDate.of(2023, 1, 2);
    List<Row> rows = new ArrayList<>(n);
    long errors = 0;
    long empty = 0;
    long tagged = 0;
    long badDates = 0;
    Map<String, Long> themeCounts = new LinkedHashMap<>();
    Map<String, Map<String, Long>> polarityCounts = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      String team = teams[random.nextInt(teams.length)];
      LocalDate day = start.plusDays(random.nextInt(420));
      String date;
      int style = random.nextInt(10);
      if (i % 97 == 5) {
        date = "sometime last spring";
        badDates++;
      } else if (style < 6) {
        date = day.toString();
      } else if (style < 9) {
        date = String.format(Locale.ROOT, "%02d/%02d/%d", day.getDayOfMonth(), day.getMonthValue(), day.getYear());
      } else {
        date = day + " 14:" + String.format(Locale.ROOT, "%02d", random.nextInt(60));
      }
      StringBuilder text = new StringBuilder();
      List<String> themes = new ArrayList<>();
      List<String> polarities = new ArrayList<>();
      List<int[]> spans = new ArrayList<>();
      String error = "";
      if (i % 50 == 7) {
        error = "classifier failed on this row";
        errors++;
      } else if (i % 40 == 3) {
        empty++;
      } else if (i % 13 == 11) {
        text.append("Nothing much to say about it.");
      } else {
        if (i == 1) {
          text.append(SCRIPT).append(' ');
        }
        int phrases = 1 + random.nextInt(3);
        for (int p = 0; p < phrases; p++) {
          Phrase phrase = PHRASES.get(random.nextInt(PHRASES.size()));
          if (themes.contains(phrase.theme())) {
            continue;
          }
          if (text.length() > 0 && text.charAt(text.length() - 1) != ' ') {
            text.append(' ');
          }
          int s = text.length();
          text.append(phrase.text());
          themes.add(phrase.theme());
          polarities.add(phrase.polarity());
          spans.add(new int[] {s, s + phrase.text().length() - 1});
        }
      }
      if (i == 1) {
        team = SCRIPT;
      }
      if (error.isEmpty() && text.length() > 0) {
        if (!themes.isEmpty()) {
          tagged++;
        }
        for (int t = 0; t < themes.size(); t++) {
          themeCounts.merge(themes.get(t), 1L, Long::sum);
          polarityCounts.computeIfAbsent(themes.get(t), k -> new LinkedHashMap<>())
              .merge(polarities.get(t), 1L, Long::sum);
        }
      }
      Map<String, String> columns = new LinkedHashMap<>();
      columns.put("id", Integer.toString(i + 1));
      columns.put("date", date);
      columns.put("team", team);
      columns.put("comment", text.toString());
      rows.add(new Row(columns, text.toString(), themes, polarities, spans, error, date, team));
    }
    long analysed = n - errors - empty;
    return new Data(rows, errors, empty, analysed, tagged, themeCounts, polarityCounts, badDates);
  }

  /** Writes the rows as a classified CSV with the given column prefix. */
  static Path writeCsv(Data data, Path file, String prefix) throws IOException {
    List<String> header = new ArrayList<>(data.rows().get(0).columns().keySet());
    for (String c : List.of("themes", "scores", "polarity", "evidence", "error")) {
      header.add(prefix + c);
    }
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(w, CSVFormat.DEFAULT)) {
      printer.printRecord(header);
      for (Row row : data.rows()) {
        List<String> values = new ArrayList<>(row.columns().values());
        StringJoiner themes = new StringJoiner(";");
        StringJoiner scores = new StringJoiner(";");
        StringJoiner polarity = new StringJoiner(";");
        StringJoiner evidence = new StringJoiner(";");
        for (int t = 0; t < row.themes().size(); t++) {
          String id = row.themes().get(t);
          themes.add(id);
          scores.add(id + ":0." + (50 + t * 7));
          polarity.add(id + ":" + row.polarities().get(t));
          evidence.add(id + ":" + row.spans().get(t)[0] + "-" + row.spans().get(t)[1]);
        }
        values.add(themes.toString());
        values.add(scores.toString());
        values.add(polarity.toString());
        values.add(evidence.toString());
        values.add(row.error());
        printer.printRecord(values);
      }
    }
    return file;
  }

  /** Writes the rows as classified JSONL (no prefix). */
  static Path writeJsonl(Data data, Path file) throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      for (Row row : data.rows()) {
        Map<String, Object> obj = new LinkedHashMap<>(row.columns());
        Map<String, Object> scores = new LinkedHashMap<>();
        Map<String, Object> polarity = new LinkedHashMap<>();
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int t = 0; t < row.themes().size(); t++) {
          String id = row.themes().get(t);
          int[] s = row.spans().get(t);
          scores.put(id, 0.5 + t * 0.07);
          polarity.put(id, row.polarities().get(t));
          evidence.put(id, List.of(Map.of("start", s[0], "end", s[1], "text", row.text().substring(s[0], s[1]))));
        }
        obj.put("themes", row.themes());
        obj.put("scores", scores);
        obj.put("polarity", polarity);
        obj.put("evidence", evidence);
        obj.put("error", row.error().isEmpty() ? null : row.error());
        w.write(json.writeValueAsString(obj));
        w.write('\n');
      }
    }
    return file;
  }
}
