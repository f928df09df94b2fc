package org.verbatim.text;

import java.util.Set;

/**
 * Marks contrast markers ({@link Token#contrast()}). See {@link OpenNlpPipeline} for the list and the rules.
 *
 * <p>Stateless and thread-safe.
 */
final class ContrastMarker {

  private ContrastMarker() {}

  static final PhraseTable MARKERS = new PhraseTable(
      "but", "although", "though", "even though", "however", "yet", "whereas", "while", "whilst", "despite",
      "in spite of", "except", "except for", "apart from", "other than", "on the other hand", "nevertheless",
      "nonetheless", "albeit", "having said that", "on the contrary", "even so");

  /** Words before "but" that make it mean "only" or "anything other than" ("nothing but praise", "all but"). */
  private static final Set<String> NOT_CONTRAST_BEFORE_BUT = Set.of("all", "nothing", "anything", "last");

  /** Degree words after "however" that make it "to whatever degree" ("however long it takes"). */
  private static final Set<String> DEGREE_AFTER_HOWEVER = Set.of(
      "long", "much", "many", "hard", "often", "small", "big", "bad", "good", "little", "far", "busy", "difficult");

  static void mark(TokenDraft d) {
    int[] starts = d.sentenceStarts();
    for (int s = 0; s < d.sentences; s++) {
      int first = starts[s];
      int limit = starts[s + 1];
      for (int i = first; i < limit; i++) {
        int len = MARKERS.match(d.norm, i, limit);
        if (len > 0 && accept(d, i, len, first, limit)) {
          for (int k = i; k < i + len; k++) {
            d.contrast[k] = true;
          }
          i += len - 1;
        }
      }
    }
  }

  private static boolean accept(TokenDraft d, int i, int len, int first, int limit) {
    int after = i + len;
    // a marker must introduce something: a word, or a comma and then a word
    if (after >= limit) {
      return false;
    }
    boolean wordNext = !d.punctuation[after];
    boolean commaThenWord = d.norm[after].equals(",") && after + 1 < limit && !d.punctuation[after + 1];
    if (!wordNext && !commaThenWord) {
      return false;
    }
    String prev = i > first ? d.norm[i - 1] : null;
    String next = d.norm[after];
    if (len > 1) {
      return true;
    }
    switch (d.norm[i]) {
      case "but":
        return !(prev != null && NOT_CONTRAST_BEFORE_BUT.contains(prev)) && !next.equals("also");
      case "yet":
        // a conjunction: sentence-initial or after a comma, semicolon, "and" or "but"; not "not yet", "as yet"
        return prev == null || prev.equals(",") || prev.equals(";") || prev.equals("and") || prev.equals("but");
      case "while":
      case "whilst":
        // "while" is often temporal; only after a comma or semicolon is it read as contrast
        return prev != null && (prev.equals(",") || prev.equals(";"));
      case "though":
        return prev == null || !prev.equals("as");
      case "however":
        return !DEGREE_AFTER_HOWEVER.contains(next);
      default:
        return true;
    }
  }
}
