package org.verbatim.codebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.verbatim.Polarity;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.Cue;
import org.verbatim.codebook.CuePattern;
import org.verbatim.codebook.Example;
import org.verbatim.codebook.Source;
import org.verbatim.codebook.Theme;

class DefaultCodebooksTest {

  private static final List<String> THEME_IDS =
      List.of("respect", "honesty", "power", "listening", "clarity", "reliability", "empathy", "fairness", "support", "competence");

  /**
   * Single words that would fire on almost any social-care comment, or that are mostly used in another sense
   * ("to be fair", "to be honest", the noun "patient"), if used alone as a cue. ("kind" is allowed: in 13,408
   * NHS feedback comments it occurs on 393 lines and fewer than ten are "kind of" or "any kind".)
   */
  private static final Set<String> TOO_GENERIC =
      Set.of("care", "help", "time", "service", "services", "social", "worker", "staff", "good", "bad", "not", "no", "fair", "honest", "patient");

  /**
   * Generic words allowed as single-word cues because the codebook's ignore list takes out their other sense:
   * "fair" (not "to be fair", "in fairness") and "honest" (not "to be honest").
   */
  private static final Map<String, List<String>> GENERIC_WITH_IGNORES = Map.of(
      "fair", List.of("to be fair", "in fairness", "fair enough"),
      "honest", List.of("to be honest", "in all honesty"));

  private final Codebook cb = DefaultCodebooks.socialCare();

  @Test
  void hasTheTenMissionThemesInOrder() {
    assertEquals("social-care", cb.id());
    assertEquals("en", cb.language());
    assertEquals(THEME_IDS, cb.themeIds());
    for (Theme t : cb.themes()) {
      assertFalse(t.name().isBlank(), t.id());
      assertTrue(t.definition().length() > 80, t.id() + ": definition too short");
      assertTrue(t.includes().size() >= 3, t.id() + ": includes");
      assertTrue(t.excludes().size() >= 2, t.id() + ": excludes");
    }
  }

  @Test
  void isLoadedOnceAndShared() {
    assertSame(cb, DefaultCodebooks.socialCare());
  }

  @Test
  void everyThemeHasManyCuesOfBothPolarities() {
    for (Theme t : cb.themes()) {
      assertTrue(t.cues().size() >= 40, t.id() + " has only " + t.cues().size() + " cues");
      assertTrue(t.cues().stream().anyMatch(c -> c.polarity() == Polarity.POSITIVE), t.id() + ": no positive cue");
      assertTrue(t.cues().stream().anyMatch(c -> c.polarity() == Polarity.NEGATIVE), t.id() + ": no negative cue");
      assertTrue(t.cues().stream().anyMatch(c -> c.polarity() == null), t.id() + ": no context cue");
      long positive = t.cues().stream().filter(c -> c.polarity() == Polarity.POSITIVE).count();
      long negative = t.cues().stream().filter(c -> c.polarity() == Polarity.NEGATIVE).count();
      assertTrue(positive >= 10 && negative >= 10, t.id() + ": " + positive + " positive, " + negative + " negative");
      for (Cue c : t.cues()) {
        assertTrue(c.weight() >= 0.5 && c.weight() <= 2, t.id() + ": weight " + c.weight() + " of " + c.pattern());
        assertTrue(c.polarity() == null || c.polarity() == Polarity.POSITIVE || c.polarity() == Polarity.NEGATIVE, t.id());
      }
    }
  }

  @Test
  void everyThemeHasExamplesOfPraiseAndComplaint() {
    for (Theme t : cb.themes()) {
      assertTrue(t.examples().size() >= 5, t.id() + ": examples");
      Set<Polarity> polarities = new HashSet<>();
      for (Example e : t.examples()) {
        polarities.add(e.polarity());
      }
      assertTrue(polarities.contains(Polarity.POSITIVE) && polarities.contains(Polarity.NEGATIVE), t.id() + ": " + polarities);
    }
  }

  @Test
  void sourcesAreCitedAndResolved() {
    Set<String> ids = new HashSet<>();
    for (Source s : cb.sources()) {
      ids.add(s.id());
      assertTrue(s.citation().length() > 30, s.id());
    }
    Set<String> cited = new HashSet<>();
    for (Theme t : cb.themes()) {
      assertFalse(t.sources().isEmpty(), t.id() + ": no source");
      assertTrue(ids.containsAll(t.sources()), t.id());
      cited.addAll(t.sources());
    }
    assertEquals(ids, cited, "every listed source is cited by some theme");
  }

  /**
   * Patterns that signal two themes at once, so the codebook deliberately gives both themes the pattern (the
   * documented way to tag two themes from one phrase): "moved the goalposts" is both confusing (clarity) and unfair
   * (fairness); "unanswered" covers questions (clarity) and calls and emails (reliability); being looked down on is
   * both disrespect (respect) and prejudice (fairness). Any other pattern repeated across themes is a mistake.
   */
  private static final Set<String> SHARED_ON_PURPOSE = Set.of("goalposts", "unanswered", "look* down on");

  @Test
  void noPatternIsRepeatedAnywhereInTheCodebookExceptOnPurpose() {
    Map<List<CuePattern.Element>, String> seen = new HashMap<>();
    for (Theme t : cb.themes()) {
      Set<List<CuePattern.Element>> inTheme = new HashSet<>();
      for (Cue c : t.cues()) {
        assertTrue(inTheme.add(c.pattern().elements()), "pattern repeated within " + t.id() + ": " + c.pattern());
        String previous = seen.put(c.pattern().elements(), t.id() + ": " + c.pattern());
        if (!SHARED_ON_PURPOSE.contains(c.pattern().source())) {
          assertEquals(null, previous, "pattern repeated: " + previous + " and " + t.id() + ": " + c.pattern());
        }
      }
    }
  }

  @Test
  void runsOnTheFastProfile() {
    assertFalse(cb.needsLemmas());
  }

  @Test
  void avoidsCuesThatWouldFireOnEverything() {
    for (Theme t : cb.themes()) {
      for (Cue c : t.cues()) {
        List<CuePattern.Element> els = c.pattern().elements();
        if (els.size() == 1) {
          CuePattern.Element e = els.get(0);
          List<String> ignores = GENERIC_WITH_IGNORES.get(e.value());
          if (ignores != null) {
            Set<String> ignored = new HashSet<>();
            cb.ignore().forEach(p -> ignored.add(p.source()));
            assertTrue(ignored.containsAll(ignores), t.id() + ": generic cue " + c.pattern() + " needs the ignore patterns " + ignores);
          } else {
            assertFalse(TOO_GENERIC.contains(e.value()), t.id() + ": generic cue " + c.pattern());
          }
          if (e.kind() == CuePattern.Kind.PREFIX) {
            assertTrue(e.value().length() >= 4, t.id() + ": prefix too short " + c.pattern());
          }
        }
        for (CuePattern.Element e : els) {
          // the possessive "'s" is a token of its own ("the hospital's side"); contractions are split into words
          assertFalse(e.value().contains("'") && !e.value().equals("'s"),
              t.id() + ": apostrophe in " + c.pattern() + " (write contractions as two words)");
          assertEquals(e.value(), e.value().toLowerCase(Locale.ROOT), t.id());
        }
      }
    }
  }

  @Test
  void coversSpellingVariantsAndContractions() {
    Set<String> sources = new HashSet<>();
    cb.themes().forEach(t -> t.cues().forEach(c -> sources.add(c.pattern().source())));
    for (String s : List.of("apologis*", "apologiz*", "organised", "organized", "patronis*", "patroniz*", "judgemental", "judgmental",
        "favouritism", "favoritism", "non - judg*", "non judg*", "tick box", "tick - box",
        // hyphens are tokens of their own: "kind-hearted" is analysed as "kind - hearted"
        "kind - hearted", "one - sided",
        // contractions in split form: the pipeline turns "didn't", "didnt" and "did not" into "did" + "not"
        "not listen*", "not care", "not explain*", "not have a clue")) {
      assertTrue(sources.contains(s), "missing variant " + s);
    }
  }

  @Test
  void aBrokenOrMissingBundledCodebookIsAnIllegalStateException() {
    IllegalStateException missing =
        assertThrows(IllegalStateException.class, () -> DefaultCodebooks.loadBundled("/org/verbatim/codebooks/no-such-codebook.yaml"));
    assertTrue(missing.getMessage().contains("no-such-codebook.yaml"), missing.getMessage());
    // A resource that exists but is not a codebook (compiled bytecode is not UTF-8 YAML).
    IllegalStateException broken =
        assertThrows(IllegalStateException.class, () -> DefaultCodebooks.loadBundled("/org/verbatim/codebooks/DefaultCodebooks.class"));
    assertNotNull(broken.getCause());
    assertTrue(broken.getMessage().contains("DefaultCodebooks.class"), broken.getMessage());
  }
}
