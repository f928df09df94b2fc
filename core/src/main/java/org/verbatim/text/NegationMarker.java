package org.verbatim.text;

import java.util.List;

/**
 * Marks negation cues ({@link Token#negator()}) and their scope ({@link Token#negated()}): the rest of the clause
 * after the cue. See {@link OpenNlpPipeline} for the cue list and the idioms.
 *
 * <p>Stateless and thread-safe.
 */
final class NegationMarker {

  private NegationMarker() {}

  /** Negation cues, as norms after contractions are split ({@code didn't} gives {@code did} + {@code not}). */
  static final PhraseTable CUES = new PhraseTable(
      "not", "no", "never", "nobody", "nothing", "none", "nowhere", "neither", "nor", "without", "hardly",
      "barely", "scarcely", "rarely", "seldom", "noone", "nope", "lack", "lacks", "lacked", "lacking",
      "no one", "no - one", "lack of", "absence of", "anything but",
      "fail to", "fails to", "failed to", "failing to", "unable to",
      "refuse to", "refuses to", "refused to", "refusing to", "neglected to");

  /** Phrases in which the cue does not negate at all (double negatives, fixed expressions). */
  static final PhraseTable CANCELLED = new PhraseTable(
      "not only", "not just", "not merely", "not to mention", "whether or not", "no wonder", "no matter",
      "nothing but", "last but not least",
      "never fail to", "never fails to", "never failed to", "never failing to",
      "not fail to", "not fails to", "not failed to",
      "can not fault", "could not fault", "can not find fault", "could not find fault", "can not wait",
      "nothing too much", "nothing was too much", "nothing is too much", "nothing seemed too much",
      "nothing seems too much", "nothing ever too much", "nothing was ever too much",
      "could not have been ~comp", "could not be ~comp", "can not ask for ~comp", "could not ask for ~comp",
      "could not have asked for ~comp", "could not have wished for ~comp");

  /** Like {@link #CANCELLED}, but only when "enough" follows later in the clause ("can't thank them enough"). */
  static final PhraseTable CANCELLED_BEFORE_ENOUGH = new PhraseTable(
      "can not thank", "could not thank", "can not praise", "could not praise", "can not recommend",
      "could not recommend", "can not say", "could not say", "can not speak", "could not speak");

  /** Phrases whose first word is a cue that negates only the rest of the phrase, not the rest of the clause. */
  static final PhraseTable LIMITED = new PhraseTable(
      "no doubt", "without doubt", "without a doubt", "no problem", "no problems", "no issue", "no issues",
      "no complaint", "no complaints", "no worries", "no bother", "no trouble");

  static void mark(TokenDraft d, List<Clause> clauses) {
    for (Clause c : clauses) {
      markClause(d, c.firstToken(), c.endToken());
    }
  }

  private static void markClause(TokenDraft d, int first, int limit) {
    String[] norm = d.norm;
    int i = first;
    boolean inScope = false;
    while (i < limit) {
      if (!inScope) {
        int len = CANCELLED.match(norm, i, limit);
        if (len == 0 && enoughFollows(norm, i, limit)) {
          len = CANCELLED_BEFORE_ENOUGH.match(norm, i, limit);
        }
        if (len > 0) {
          i += len;
          continue;
        }
        len = LIMITED.match(norm, i, limit);
        if (len > 0) {
          d.negator[i] = true;
          for (int k = i + 1; k < i + len; k++) {
            d.negated[k] = true;
          }
          i += len;
          continue;
        }
      }
      int len = CUES.match(norm, i, limit);
      if (len > 0) {
        for (int k = i; k < i + len; k++) {
          d.negator[k] = true;
          d.negated[k] = inScope && !d.punctuation[k];
        }
        inScope = true;
        i += len;
        continue;
      }
      if (inScope && !d.punctuation[i]) {
        d.negated[i] = true;
      }
      i++;
    }
  }

  private static boolean enoughFollows(String[] norm, int from, int limit) {
    if (!norm[from].equals("can") && !norm[from].equals("could")) {
      return false;
    }
    for (int k = from + 1; k < limit; k++) {
      if (norm[k].equals("enough")) {
        return true;
      }
    }
    return false;
  }
}
