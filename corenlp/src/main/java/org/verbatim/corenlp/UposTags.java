package org.verbatim.corenlp;

import java.util.Locale;
import java.util.Set;

/**
 * Maps CoreNLP's Penn Treebank POS tags to the Universal Dependencies UPOS tags that {@link org.verbatim.text.Token#pos()}
 * carries, the way the UD English Web Treebank tags words: {@code MD} and the auxiliary or copula uses of
 * {@code be}, {@code have}, {@code do} are {@code AUX}; {@code not}/{@code n't} is {@code PART}; {@code IN} is
 * {@code SCONJ} when it marks a clause and {@code ADP} otherwise; {@code TO} is {@code PART} before a verb and
 * {@code ADP} as a preposition. The dependency relation, when a parse is available, settles these cases; without
 * one, {@code be} is {@code AUX} and the others fall back to their usual tag.
 *
 * <p>Stateless and thread-safe.
 */
final class UposTags {

  private UposTags() {}

  private static final Set<String> AUX_RELATIONS = Set.of("aux", "aux:pass", "cop");
  private static final Set<String> SUBORDINATORS = Set.of(
      "because", "although", "though", "if", "whether", "since", "unless", "whereas", "while", "whilst", "once",
      "until", "till", "than", "so", "that", "as", "before", "after");

  /**
   * The UPOS tag of a token.
   *
   * @param ptb the Penn Treebank tag from CoreNLP, or null
   * @param lemma CoreNLP's lemma, or null
   * @param relation the token's basic dependency relation to its head ({@code aux}, {@code mark}, ...), or null
   *     when there is no parse
   */
  static String of(String ptb, String lemma, String relation) {
    if (ptb == null || ptb.isEmpty()) {
      return "X";
    }
    String l = lemma == null ? "" : lemma.toLowerCase(Locale.ROOT);
    switch (ptb) {
      case "NN":
      case "NNS":
        return "NOUN";
      case "NNP":
      case "NNPS":
        return "PROPN";
      case "VB":
      case "VBD":
      case "VBG":
      case "VBN":
      case "VBP":
      case "VBZ":
        if (relation != null) {
          return AUX_RELATIONS.contains(relation) ? "AUX" : "VERB";
        }
        return l.equals("be") ? "AUX" : "VERB";
      case "MD":
        return "AUX";
      case "JJ":
      case "JJR":
      case "JJS":
        return "ADJ";
      case "RB":
      case "RBR":
      case "RBS":
        return l.equals("not") || l.equals("n't") || l.equals("nt") ? "PART" : "ADV";
      case "WRB":
        return "ADV";
      case "RP":
        return "ADP";
      case "IN":
        if (relation != null) {
          return relation.equals("mark") ? "SCONJ" : "ADP";
        }
        return SUBORDINATORS.contains(l) ? "SCONJ" : "ADP";
      case "TO":
        return relation != null && relation.equals("case") ? "ADP" : "PART";
      case "DT":
      case "PDT":
        return "DET";
      case "WDT":
        return relation != null && relation.equals("det") ? "DET" : "PRON";
      case "PRP":
      case "PRP$":
      case "WP":
      case "WP$":
      case "EX":
        return "PRON";
      case "CC":
        return "CCONJ";
      case "CD":
        return "NUM";
      case "UH":
        return "INTJ";
      case "POS":
        return "PART";
      case "SYM":
      case "$":
      case "#":
        return "SYM";
      case ".":
      case ",":
      case ":":
      case "``":
      case "''":
      case "-LRB-":
      case "-RRB-":
      case "HYPH":
      case "NFP":
        return "PUNCT";
      default:
        return "X"; // FW, LS, ADD, GW, AFX and anything unknown
    }
  }
}
