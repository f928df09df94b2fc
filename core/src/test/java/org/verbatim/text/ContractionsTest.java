package org.verbatim.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContractionsTest {

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
      "didn't|3", "DIDN'T|3", "can’t|2", "won't|2", "don´t|2", "I'm|1", "they're|4", "we've|2", "you'll|3",
      "he'd|2", "it's|2", "didnt|3", "Dont|2", "cant|2", "shouldnt|6", "cannot|3", "CANNOT|3",
      "O'Brien|-1", "rock'n'roll|-1", "n't|-1", "'s|-1", "want|-1", "front|-1", "paint|-1", "can|-1", "t|-1",
      "don't't|-1", "'re|-1", "l'll|1"})
  void splitPoint(String token, int expected) {
    assertEquals(expected, Contractions.splitPoint(token));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"n't|not", "N’T|not", "nt|not", "not|not", "'m|am", "’re|are", "'VE|have", "'ll|will", "'d|would", "'s|'s"})
  void cliticNorms(String clitic, String norm) {
    assertEquals(norm, Contractions.cliticNorm(clitic));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '"', value = {"ca|true|can", "Wo|true|will", "sha|true|shall", "ai|true|is", "did|true|did", "wo|false|wo"})
  void stemNorms(String stem, boolean negated, String norm) {
    assertEquals(norm, Contractions.stemNorm(stem, negated));
  }
}
