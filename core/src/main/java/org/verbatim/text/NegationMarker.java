package org.verbatim.text;

/**
 * Marks negation cues ({@link Token#negator()}) and their scope ({@link Token#negated()}): the rest of the clause
 * after the cue. See {@link RulePipeline} for the cue list and the idioms.
 *
 * <p>Stateless and thread-safe.
 */
final class NegationMarker {

  private NegationMarker() {}

  static final PhraseTable CUES = new PhraseTable(RuleWords.NEGATION_CUES);
  static final PhraseTable CANCELLED = new PhraseTable(RuleWords.NEGATION_CANCELLED);
  static final PhraseTable CANCELLED_BEFORE_ENOUGH = new PhraseTable(RuleWords.NEGATION_CANCELLED_BEFORE_ENOUGH);
  static final PhraseTable LIMITED = new PhraseTable(RuleWords.NEGATION_LIMITED);

  /** By word id: true when a phrase of {@link #CUES}, {@link #CANCELLED}, {@link #CANCELLED_BEFORE_ENOUGH} or {@link #LIMITED} starts with it. */
  private static final boolean[] STARTS = starts(CUES, CANCELLED, CANCELLED_BEFORE_ENOUGH, LIMITED);

  private static boolean[] starts(PhraseTable... tables) {
    boolean[] starts = new boolean[Vocabulary.base().size()];
    for (int w = 0; w < starts.length; w++) {
      for (PhraseTable t : tables) {
        starts[w] |= t.starts(w);
      }
    }
    return starts;
  }

  private static final int CAN = RuleWords.id("can");
  private static final int COULD = RuleWords.id("could");
  private static final int ENOUGH = RuleWords.id("enough");

  static void mark(Analysis d) {
    for (int c = 0; c < d.clauses; c++) {
      markClause(d, d.clauseFirst[c], d.clauseEnd[c]);
    }
  }

  private static void markClause(Analysis d, int first, int limit) {
    int[] flags = d.flags;
    int[] id = d.id;
    int i = first;
    boolean inScope = false;
    while (i < limit) {
      int word = id[i];
      if (word < 0 || word >= STARTS.length || !STARTS[word]) { // no phrase of the four tables starts here
        if (inScope && (flags[i] & Analysis.PUNCT) == 0) {
          flags[i] |= Analysis.NEGATED;
        }
        i++;
        continue;
      }
      if (!inScope) {
        int len = CANCELLED.match(d, i, limit);
        if (len == 0 && enoughFollows(id, i, limit)) {
          len = CANCELLED_BEFORE_ENOUGH.match(d, i, limit);
        }
        if (len > 0) {
          i += len;
          continue;
        }
        len = LIMITED.match(d, i, limit);
        if (len > 0) {
          flags[i] |= Analysis.NEGATOR;
          for (int k = i + 1; k < i + len; k++) {
            flags[k] |= Analysis.NEGATED;
          }
          i += len;
          continue;
        }
      }
      int len = CUES.match(d, i, limit);
      if (len > 0) {
        for (int k = i; k < i + len; k++) {
          flags[k] |= Analysis.NEGATOR;
          if (inScope && (flags[k] & Analysis.PUNCT) == 0) {
            flags[k] |= Analysis.NEGATED;
          } else {
            flags[k] &= ~Analysis.NEGATED;
          }
        }
        inScope = true;
        i += len;
        continue;
      }
      if (inScope && (flags[i] & Analysis.PUNCT) == 0) {
        flags[i] |= Analysis.NEGATED;
      }
      i++;
    }
  }

  private static boolean enoughFollows(int[] id, int from, int limit) {
    if (id[from] != CAN && id[from] != COULD) {
      return false;
    }
    for (int k = from + 1; k < limit; k++) {
      if (id[k] == ENOUGH) {
        return true;
      }
    }
    return false;
  }
}
