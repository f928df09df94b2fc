package org.verbatim.text;

/**
 * The words and phrases of the pipeline's rules (contrast markers, negation cues and their idioms), written once
 * here as norms. Every {@link Vocabulary} registers these words first, so they have the same ids in every
 * vocabulary and the rules ({@link ContrastMarker}, {@link NegationMarker}) compare ids. The lists are described
 * in {@link RulePipeline}.
 *
 * <p>Stateless and thread-safe.
 */
final class RuleWords {

  private RuleWords() {}

  /** Flag: a word before "but" that makes it mean "only" or "anything other than" ("nothing but praise"). */
  static final long NOT_CONTRAST_BEFORE_BUT = 1L;
  /** Flag: a degree word after "however" that makes it "to whatever degree" ("however long it takes"). */
  static final long DEGREE_AFTER_HOWEVER = 1L << 1;
  /** Flag: "more", "less", "worse": comparatives that do not end in {@code -er}. */
  static final long COMPARATIVE = 1L << 2;

  /** In a phrase, matches a comparative ({@code more}, {@code less}, {@code worse} or a word of 5+ letters in {@code -er}). */
  static final String ANY_COMPARATIVE = "~comp";

  static final String[] CONTRAST_MARKERS = {
    "but", "although", "though", "even though", "however", "yet", "whereas", "while", "whilst", "despite",
    "in spite of", "except", "except for", "apart from", "other than", "on the other hand", "nevertheless",
    "nonetheless", "albeit", "having said that", "on the contrary", "even so"};

  /** Negation cues, as norms after contractions are split ({@code didn't} gives {@code did} + {@code not}). */
  static final String[] NEGATION_CUES = {
    "not", "no", "never", "nobody", "nothing", "none", "nowhere", "neither", "nor", "without", "hardly",
    "barely", "scarcely", "rarely", "seldom", "noone", "nope", "lack", "lacks", "lacked", "lacking",
    "no one", "no - one", "lack of", "absence of", "anything but",
    "fail to", "fails to", "failed to", "failing to", "unable to",
    "refuse to", "refuses to", "refused to", "refusing to", "neglected to"};

  /** Phrases in which the cue does not negate at all (double negatives, fixed expressions). */
  static final String[] NEGATION_CANCELLED = {
    "not only", "not just", "not merely", "not to mention", "whether or not", "no wonder", "no matter",
    "nothing but", "last but not least",
    "never fail to", "never fails to", "never failed to", "never failing to",
    "not fail to", "not fails to", "not failed to",
    "can not fault", "could not fault", "can not find fault", "could not find fault", "can not wait",
    "nothing too much", "nothing was too much", "nothing is too much", "nothing seemed too much",
    "nothing seems too much", "nothing ever too much", "nothing was ever too much",
    "could not have been ~comp", "could not be ~comp", "can not ask for ~comp", "could not ask for ~comp",
    "could not have asked for ~comp", "could not have wished for ~comp"};

  /** Like {@link #NEGATION_CANCELLED}, but only when "enough" follows later in the clause ("can't thank them enough"). */
  static final String[] NEGATION_CANCELLED_BEFORE_ENOUGH = {
    "can not thank", "could not thank", "can not praise", "could not praise", "can not recommend",
    "could not recommend", "can not say", "could not say", "can not speak", "could not speak"};

  /** Phrases whose first word is a cue that negates only the rest of the phrase, not the rest of the clause. */
  static final String[] NEGATION_LIMITED = {
    "no doubt", "without doubt", "without a doubt", "no problem", "no problems", "no issue", "no issues",
    "no complaint", "no complaints", "no worries", "no bother", "no trouble"};

  private static final String[] NOT_CONTRAST_BEFORE_BUT_WORDS = {"all", "nothing", "anything", "last"};

  private static final String[] DEGREE_AFTER_HOWEVER_WORDS = {
    "long", "much", "many", "hard", "often", "small", "big", "bad", "good", "little", "far", "busy", "difficult"};

  /** Single words the rules compare with (besides those in the phrases). */
  private static final String[] OTHER_WORDS = {",", ";", "also", "as", "and", "can", "could", "enough"};

  /** Registers every rule word; called first by every vocabulary, so the ids are the same everywhere. */
  static void register(Vocabulary.Registrar r) {
    for (String[] list : new String[][] {
        CONTRAST_MARKERS, NEGATION_CUES, NEGATION_CANCELLED, NEGATION_CANCELLED_BEFORE_ENOUGH, NEGATION_LIMITED,
        OTHER_WORDS}) {
      for (String phrase : list) {
        for (String w : phrase.split(" ")) {
          if (!w.equals(ANY_COMPARATIVE)) {
            r.add(w, false, 0);
          }
        }
      }
    }
    for (String w : NOT_CONTRAST_BEFORE_BUT_WORDS) {
      r.add(w, false, NOT_CONTRAST_BEFORE_BUT);
    }
    for (String w : DEGREE_AFTER_HOWEVER_WORDS) {
      r.add(w, false, DEGREE_AFTER_HOWEVER);
    }
    for (String w : new String[] {"more", "less", "worse"}) {
      r.add(w, false, COMPARATIVE);
    }
  }

  /** The id of a rule word in every vocabulary. */
  static int id(String word) {
    int id = Vocabulary.base().word(word);
    if (id < 0) {
      throw new IllegalStateException("not a rule word: " + word);
    }
    return id;
  }
}
