package org.verbatim.corenlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UposTagsTest {

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @CsvSource(nullValues = "null", quoteCharacter = '"', value = {
      "NN, staff, null, NOUN",
      "NNPS, Smiths, nsubj, PROPN",
      "VBD, listen, root, VERB",
      "VBD, do, aux, AUX",
      "VBD, be, cop, AUX",
      "VBZ, have, root, VERB",
      "VBD, be, null, AUX",
      "VBD, do, null, VERB",
      "MD, can, aux, AUX",
      "RB, not, advmod, PART",
      "RB, n't, null, PART",
      "RB, always, advmod, ADV",
      "IN, because, mark, SCONJ",
      "IN, because, null, SCONJ",
      "IN, with, case, ADP",
      "IN, with, null, ADP",
      "TO, to, mark, PART",
      "TO, to, case, ADP",
      "WDT, which, nsubj, PRON",
      "WDT, which, det, DET",
      "PRP$, my, nmod:poss, PRON",
      "POS, 's, case, PART",
      "CC, but, cc, CCONJ",
      "CD, 5, nummod, NUM",
      "-LRB-, (, punct, PUNCT",
      "HYPH, -, punct, PUNCT",
      "$, £, null, SYM",
      "FW, per, null, X",
      "null, x, null, X",
      "'', ', punct, PUNCT",
      "\"\", x, null, X",
  })
  void mapsPennTagsToUniversalTags(String ptb, String lemma, String relation, String expected) {
    assertEquals(expected, UposTags.of(ptb, lemma, relation));
  }
}
