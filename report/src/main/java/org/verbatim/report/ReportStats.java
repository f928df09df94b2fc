package org.verbatim.report;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.verbatim.Evidence;
import org.verbatim.Polarity;
import org.verbatim.io.ThemeResult;

/**
 * The counts and samples behind a report, gathered in one pass with bounded memory: row counts, per-theme counts
 * by polarity, theme co-occurrence, per-day and per-group theme counts, and a seeded reservoir sample of quotes
 * per theme and polarity.
 *
 * <p>Rows are split into error rows (the classifier reported an error), empty rows (blank text) and analysed
 * rows (the rest); themes, dates and groups are counted over analysed rows only.
 *
 * <p>Bounds: at most {@value #MAX_THEMES} distinct themes, {@value #MAX_DAYS} distinct days and
 * {@value #MAX_GROUPS} distinct groups are tracked; rows beyond those are counted as dropped (and reported).
 *
 * <pre>{@code
 * ReportStats stats = new ReportStats(3, 42);
 * stats.add(text, "2024-03-05", "North", "17", themes, null);
 * stats.themeCount("listening");
 * }</pre>
 *
 * <p>Not thread-safe: feed it from one thread.
 */
final class ReportStats {

  static final int MAX_THEMES = 200;
  static final int MAX_DAYS = 40_000;
  static final int MAX_GROUPS = 5_000;
  static final int MAX_QUOTE_CHARS = 600;
  static final int MAX_LABEL_CHARS = 80;
  static final String BLANK_GROUP = "(blank)";

  /** Quote buckets: praise, complaint, and mixed or neutral. */
  enum Bucket {
    PRAISE,
    COMPLAINT,
    OTHER;

    static Bucket of(Polarity polarity) {
      return switch (polarity) {
        case POSITIVE -> PRAISE;
        case NEGATIVE -> COMPLAINT;
        default -> OTHER;
      };
    }
  }

  /** Per-theme counts and quote samples. */
  static final class ThemeStats {
    final String id;
    final int index;
    long count;
    final long[] polarity = new long[Polarity.values().length];
    final Map<Bucket, Reservoir<Quote>> quotes = new LinkedHashMap<>();

    ThemeStats(String id, int index, int quotesPerBucket, SplittableRandom random) {
      this.id = id;
      this.index = index;
      for (Bucket b : Bucket.values()) {
        quotes.put(b, new Reservoir<>(quotesPerBucket, random));
      }
    }

    long polarity(Polarity p) {
      return polarity[p.ordinal()];
    }
  }

  /** Analysed rows and per-theme counts in one day or one group. */
  static final class Counts {
    long rows;
    long[] themes = new long[8];

    void add(List<ThemeStats> rowThemes) {
      rows++;
      for (ThemeStats t : rowThemes) {
        if (t.index >= themes.length) {
          themes = Arrays.copyOf(themes, Math.max(themes.length * 2, t.index + 1));
        }
        themes[t.index]++;
      }
    }

    long theme(int index) {
      return index < themes.length ? themes[index] : 0;
    }

    void addAll(Counts other) {
      rows += other.rows;
      if (other.themes.length > themes.length) {
        themes = Arrays.copyOf(themes, other.themes.length);
      }
      for (int i = 0; i < other.themes.length; i++) {
        themes[i] += other.themes[i];
      }
    }
  }

  private final int quotesPerBucket;
  private final SplittableRandom random;
  private final Map<String, ThemeStats> themes = new LinkedHashMap<>();
  private final long[][] cooccurrence = new long[MAX_THEMES][];
  private final TreeMap<LocalDate, Counts> days = new TreeMap<>();
  private final Map<String, Counts> groups = new HashMap<>();

  private long rows;
  private long errors;
  private long empty;
  private long analysed;
  private long tagged;
  private long themesDropped;
  private long noDate;
  private long badDate;
  private long daysDropped;
  private long noGroup;
  private long groupsDropped;

  /**
   * @param quotesPerBucket how many quotes to keep per theme and polarity bucket, {@code >= 1}
   * @param seed the seed of the quote sample
   */
  ReportStats(int quotesPerBucket, long seed) {
    if (quotesPerBucket < 1) {
      throw new IllegalArgumentException("quotesPerBucket must be >= 1: " + quotesPerBucket);
    }
    this.quotesPerBucket = quotesPerBucket;
    this.random = new SplittableRandom(seed);
  }

  /**
   * Counts one row.
   *
   * @param text the comment text (null is treated as blank)
   * @param date the raw date value, or null when there is no date column
   * @param group the raw group value, or null when there is no group column
   * @param id the raw row id for quote labels, or null
   * @param rowThemes the themes of the row
   * @param error the classifier's error for the row, or null
   */
  void add(String text, String date, String group, String id, List<ThemeResult> rowThemes, String error) {
    Objects.requireNonNull(rowThemes, "rowThemes");
    rows++;
    if (error != null && !error.isBlank()) {
      errors++;
      return;
    }
    if (text == null || text.isBlank()) {
      empty++;
      return;
    }
    analysed++;
    List<ThemeStats> seen = new ArrayList<>(rowThemes.size());
    Set<String> ids = new HashSet<>();
    LocalDate day = null;
    if (date != null) {
      if (date.isBlank()) {
        noDate++;
      } else {
        day = DateParser.parse(date).orElse(null);
        if (day == null) {
          badDate++;
        }
      }
    }
    for (ThemeResult r : rowThemes) {
      if (!ids.add(r.theme())) {
        continue;
      }
      ThemeStats t = theme(r.theme());
      if (t == null) {
        themesDropped++;
        continue;
      }
      seen.add(t);
      t.count++;
      t.polarity[r.polarity().ordinal()]++;
      List<Evidence> spans = r.evidence();
      t.quotes.get(Bucket.of(r.polarity()))
          .offer(() -> Quote.of(text, spans, MAX_QUOTE_CHARS, label(id, date, group)));
    }
    if (!seen.isEmpty()) {
      tagged++;
    }
    for (ThemeStats a : seen) {
      long[] row = cooccurrence[a.index];
      for (ThemeStats b : seen) {
        row[b.index]++;
      }
    }
    if (day != null) {
      Counts c = days.get(day);
      if (c == null && days.size() < MAX_DAYS) {
        c = new Counts();
        days.put(day, c);
      }
      if (c == null) {
        daysDropped++;
      } else {
        c.add(seen);
      }
    }
    if (group != null) {
      String key = group.strip();
      if (key.isEmpty()) {
        noGroup++;
        key = BLANK_GROUP;
      } else if (key.length() > MAX_LABEL_CHARS) {
        key = key.substring(0, MAX_LABEL_CHARS);
      }
      Counts c = groups.get(key);
      if (c == null && groups.size() < MAX_GROUPS) {
        c = new Counts();
        groups.put(key, c);
      }
      if (c == null) {
        groupsDropped++;
      } else {
        c.add(seen);
      }
    }
  }

  private ThemeStats theme(String id) {
    ThemeStats t = themes.get(id);
    if (t == null && themes.size() < MAX_THEMES) {
      t = new ThemeStats(id, themes.size(), quotesPerBucket, random);
      themes.put(id, t);
      cooccurrence[t.index] = new long[MAX_THEMES];
    }
    return t;
  }

  private static String label(String id, String date, String group) {
    StringBuilder b = new StringBuilder();
    for (String part : new String[] {id == null ? null : "#" + id.strip(), date, group}) {
      if (part != null && !part.isBlank() && !part.equals("#")) {
        if (b.length() > 0) {
          b.append(" · ");
        }
        String p = part.strip();
        b.append(p.length() > MAX_LABEL_CHARS ? p.substring(0, MAX_LABEL_CHARS) + "…" : p);
      }
    }
    return b.toString();
  }

  long rows() {
    return rows;
  }

  long errors() {
    return errors;
  }

  long empty() {
    return empty;
  }

  long analysed() {
    return analysed;
  }

  long tagged() {
    return tagged;
  }

  long themesDropped() {
    return themesDropped;
  }

  long noDate() {
    return noDate;
  }

  long badDate() {
    return badDate;
  }

  long daysDropped() {
    return daysDropped;
  }

  long noGroup() {
    return noGroup;
  }

  long groupsDropped() {
    return groupsDropped;
  }

  int groupCount() {
    return groups.size();
  }

  /** Themes by descending count, ties by id. */
  List<ThemeStats> themesByCount() {
    List<ThemeStats> list = new ArrayList<>(themes.values());
    list.sort((a, b) -> a.count != b.count ? Long.compare(b.count, a.count) : a.id.compareTo(b.id));
    return list;
  }

  /** The stats of one theme, or null if it never occurred. */
  ThemeStats themeStats(String id) {
    return themes.get(id);
  }

  /** Analysed rows tagged with the theme (0 when it never occurred). */
  long themeCount(String id) {
    ThemeStats t = themes.get(id);
    return t == null ? 0 : t.count;
  }

  /** Analysed rows tagged with both themes (for {@code a == b}: the theme's count). */
  long cooccurrence(String a, String b) {
    ThemeStats ta = themes.get(a);
    ThemeStats tb = themes.get(b);
    return ta == null || tb == null ? 0 : cooccurrence[ta.index][tb.index];
  }

  /** Per-day counts of analysed rows with a readable date, in date order (unmodifiable view). */
  NavigableMap<LocalDate, Counts> days() {
    return Collections.unmodifiableNavigableMap(days);
  }

  /** One period of the trend: a month or an ISO week. */
  record Period(String label, LocalDate start, Counts counts) {}

  /**
   * Whether trends are shown by ISO week: true when the dated rows span less than three months, false (by month)
   * otherwise or when there are no dates.
   */
  boolean weekly() {
    if (days.isEmpty()) {
      return false;
    }
    return days.firstKey().plusMonths(3).isAfter(days.lastKey());
  }

  /** The dated rows per month or ISO week (see {@link #weekly()}), in time order, skipping empty periods. */
  List<Period> periods() {
    boolean weekly = weekly();
    TreeMap<LocalDate, Counts> merged = new TreeMap<>();
    for (Map.Entry<LocalDate, Counts> e : days.entrySet()) {
      LocalDate start = weekly
          ? e.getKey().minusDays(e.getKey().getDayOfWeek().getValue() - 1L)
          : e.getKey().withDayOfMonth(1);
      merged.computeIfAbsent(start, k -> new Counts()).addAll(e.getValue());
    }
    List<Period> out = new ArrayList<>(merged.size());
    for (Map.Entry<LocalDate, Counts> e : merged.entrySet()) {
      LocalDate start = e.getKey();
      String label = weekly
          ? String.format(java.util.Locale.ROOT, "%d-W%02d",
              start.get(java.time.temporal.IsoFields.WEEK_BASED_YEAR),
              start.get(java.time.temporal.IsoFields.WEEK_OF_WEEK_BASED_YEAR))
          : String.format(java.util.Locale.ROOT, "%d-%02d", start.getYear(), start.getMonthValue());
      out.add(new Period(label, start, e.getValue()));
    }
    return out;
  }

  /** Per-group counts (unmodifiable view). */
  Map<String, Counts> groups() {
    return Collections.unmodifiableMap(groups);
  }
}
