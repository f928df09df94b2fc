package org.verbatim.text;

/**
 * Marks contrast markers ({@link Token#contrast()}). See {@link RulePipeline} for the list and the rules.
 *
 * <p>Stateless and thread-safe.
 */
final class ContrastMarker {

  private ContrastMarker() {}

  static final PhraseTable MARKERS = new PhraseTable(RuleWords.CONTRAST_MARKERS);

  /** By word id: true when a marker starts with it (as {@link PhraseTable#starts}, read without a call). */
  private static final boolean[] STARTS = new boolean[Vocabulary.base().size()];

  static {
    for (int w = 0; w < STARTS.length; w++) {
      STARTS[w] = MARKERS.starts(w);
    }
  }

  private static final int BUT = RuleWords.id("but");
  private static final int YET = RuleWords.id("yet");
  private static final int WHILE = RuleWords.id("while");
  private static final int WHILST = RuleWords.id("whilst");
  private static final int THOUGH = RuleWords.id("though");
  private static final int HOWEVER = RuleWords.id("however");
  private static final int COMMA = RuleWords.id(",");
  private static final int SEMICOLON = RuleWords.id(";");
  private static final int AND = RuleWords.id("and");
  private static final int ALSO = RuleWords.id("also");
  private static final int AS = RuleWords.id("as");

  static void mark(Analysis d) {
    int[] starts = d.sentenceStart;
    for (int s = 0; s < d.sentences; s++) {
      int first = starts[s];
      int limit = starts[s + 1];
      int[] id = d.id;
      for (int i = first; i < limit; i++) {
        int word = id[i];
        if (word < 0 || word >= STARTS.length || !STARTS[word]) {
          continue;
        }
        int len = MARKERS.match(d, i, limit);
        if (len > 0 && accept(d, i, len, first, limit)) {
          for (int k = i; k < i + len; k++) {
            d.flags[k] |= Analysis.CONTRAST;
          }
          i += len - 1;
        }
      }
    }
  }

  private static boolean accept(Analysis d, int i, int len, int first, int limit) {
    int after = i + len;
    // a marker must introduce something: a word, or a comma and then a word
    if (after >= limit) {
      return false;
    }
    boolean wordNext = (d.flags[after] & Analysis.PUNCT) == 0;
    boolean commaThenWord = d.id[after] == COMMA && after + 1 < limit && (d.flags[after + 1] & Analysis.PUNCT) == 0;
    if (!wordNext && !commaThenWord) {
      return false;
    }
    if (len > 1) {
      return true;
    }
    int prev = i > first ? d.id[i - 1] : Vocabulary.NONE;
    boolean hasPrev = i > first;
    int next = d.id[after];
    int word = d.id[i];
    if (word == BUT) {
      return !(hasPrev && (d.vocabulary.flags(prev) & RuleWords.NOT_CONTRAST_BEFORE_BUT) != 0) && next != ALSO;
    }
    if (word == YET) {
      // a conjunction: sentence-initial or after a comma, semicolon, "and" or "but"; not "not yet", "as yet"
      return !hasPrev || prev == COMMA || prev == SEMICOLON || prev == AND || prev == BUT;
    }
    if (word == WHILE || word == WHILST) {
      // "while" is often temporal; only after a comma or semicolon is it read as contrast
      return hasPrev && (prev == COMMA || prev == SEMICOLON);
    }
    if (word == THOUGH) {
      return !hasPrev || prev != AS;
    }
    if (word == HOWEVER) {
      return (d.vocabulary.flags(next) & RuleWords.DEGREE_AFTER_HOWEVER) == 0;
    }
    return true;
  }
}
