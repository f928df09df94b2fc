package org.verbatim.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;
import org.verbatim.io.ThemeResult;

class ReportStatsTest {

  private static ThemeResult t(String id, Polarity p) {
    return new ThemeResult(id, 0.5, p, List.of());
  }

  @Test
  void countsRowsThemesPolarityAndPairs() {
    ReportStats s = new ReportStats(2, 1);
    s.add("a", "2024-01-05", "North", "1", List.of(t("listening", Polarity.NEGATIVE), t("respect", Polarity.POSITIVE)), null);
    s.add("b", "2024-01-20", "North", "2", List.of(t("listening", Polarity.POSITIVE)), null);
    s.add("c", "bad date", "South", "3", List.of(), null);
    s.add("  ", "2024-02-01", "South", "4", List.of(t("listening", Polarity.POSITIVE)), null);
    s.add("d", "2024-02-01", "", "5", List.of(t("listening", Polarity.MIXED)), "timeout");
    s.add("e", "", "South", "6", List.of(t("respect", Polarity.NEUTRAL), t("respect", Polarity.NEUTRAL)), null);

    assertEquals(6, s.rows());
    assertEquals(1, s.errors());
    assertEquals(1, s.empty());
    assertEquals(4, s.analysed());
    assertEquals(3, s.tagged());
    assertEquals(2, s.themeCount("listening"));
    assertEquals(2, s.themeCount("respect"), "a theme repeated in one row counts once");
    assertEquals(1, s.cooccurrence("listening", "respect"));
    assertEquals(1, s.cooccurrence("respect", "listening"));
    assertEquals(2, s.cooccurrence("listening", "listening"));
    ReportStats.ThemeStats listening = s.themeStats("listening");
    assertEquals(1, listening.polarity(Polarity.NEGATIVE));
    assertEquals(1, listening.polarity(Polarity.POSITIVE));
    assertEquals(0, listening.polarity(Polarity.MIXED), "error rows are not counted");
    assertEquals(1, s.badDate());
    assertEquals(1, s.noDate());
    assertEquals(2, s.days().size());
    assertEquals(2, s.groups().get("North").rows);
    assertEquals(2, s.groups().get("South").rows);
    assertEquals(List.of("listening", "respect"), s.themesByCount().stream().map(x -> x.id).toList());
  }

  @Test
  void trendsAreMonthlyOverThreeMonthsAndWeeklyBelow() {
    ReportStats months = new ReportStats(1, 1);
    months.add("a", "2024-01-31", null, null, List.of(t("x", Polarity.POSITIVE)), null);
    months.add("b", "2024-01-02", null, null, List.of(), null);
    months.add("c", "2024-06-15", null, null, List.of(t("x", Polarity.POSITIVE)), null);
    assertFalse(months.weekly());
    List<ReportStats.Period> p = months.periods();
    assertEquals(List.of("2024-01", "2024-06"), p.stream().map(ReportStats.Period::label).toList());
    assertEquals(2, p.get(0).counts().rows);
    assertEquals(1, p.get(0).counts().theme(months.themeStats("x").index));

    ReportStats weeks = new ReportStats(1, 1);
    weeks.add("a", "2024-01-01", null, null, List.of(), null);
    weeks.add("b", "2024-01-07", null, null, List.of(), null);
    weeks.add("c", "2024-01-08", null, null, List.of(), null);
    weeks.add("d", "2024-03-20", null, null, List.of(), null);
    assertTrue(weeks.weekly());
    List<ReportStats.Period> w = weeks.periods();
    assertEquals(List.of("2024-W01", "2024-W02", "2024-W12"), w.stream().map(ReportStats.Period::label).toList());
    assertEquals(LocalDate.of(2024, 1, 1), w.get(0).start());
    assertEquals(2, w.get(0).counts().rows);
  }

  @Test
  void quoteSamplesAreBoundedPerThemeAndPolarity() {
    ReportStats s = new ReportStats(2, 9);
    for (int i = 0; i < 500; i++) {
      s.add("comment " + i, null, null, null, List.of(t("x", i % 2 == 0 ? Polarity.POSITIVE : Polarity.NEGATIVE)), null);
    }
    ReportStats.ThemeStats x = s.themeStats("x");
    assertEquals(2, x.quotes.get(ReportStats.Bucket.PRAISE).items().size());
    assertEquals(250, x.quotes.get(ReportStats.Bucket.PRAISE).seen());
    assertEquals(2, x.quotes.get(ReportStats.Bucket.COMPLAINT).items().size());
    assertEquals(0, x.quotes.get(ReportStats.Bucket.OTHER).items().size());
  }

  @Test
  void groupsBeyondTheCapAreCountedAsDropped() {
    ReportStats s = new ReportStats(1, 1);
    for (int i = 0; i < ReportStats.MAX_GROUPS + 10; i++) {
      s.add("c", null, "g" + i, null, List.of(), null);
    }
    assertEquals(ReportStats.MAX_GROUPS, s.groupCount());
    assertEquals(10, s.groupsDropped());
  }
}
