package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SocialCareAgreementTest {

  private static Map<String, SocialCareAgreement.Codes> codes(String csv) throws IOException {
    return SocialCareAgreement.read("test.csv", new StringReader("id,labels,polarity\n" + csv));
  }

  @Test
  void countsAgreementPerThemeAndPolarity() throws Exception {
    var a = codes("c1,respect;power,respect:negative;power:negative\nc2,power,power:positive\nc3,,\nc4,respect,respect:positive\n");
    var b = codes("c1,respect,respect:negative\nc2,power,power:negative\nc3,,\nc4,respect,respect:positive\n");
    SocialCareAgreement.Figures f = SocialCareAgreement.compare(a, b, List.of("respect", "power"));
    assertEquals(4, f.comments());
    SocialCareAgreement.ThemeAgreement respect = f.themes().get(0);
    assertEquals(2, respect.both());
    assertEquals(1.0, respect.kappa(), 1e-12);
    SocialCareAgreement.ThemeAgreement power = f.themes().get(1);
    assertEquals(1, power.both());
    assertEquals(1, power.firstOnly());
    assertEquals(0, power.secondOnly());
    // power: a=1 b=1 c=0 d=2: p_o = 3/4, p_e = (2*1 + 2*3)/16 = 1/2, kappa = 1/2
    assertEquals(0.5, power.kappa(), 1e-12);
    // micro: tp 3, one coding has one more: F1 = 6/7
    assertEquals(6.0 / 7.0, f.microF1(), 1e-12);
    assertEquals(3, f.polarityPairs());
    assertEquals(2, f.polarityAgree());
    assertEquals(0.75, f.exactComments(), 1e-12);
    assertTrue(SocialCareAgreement.markdown("A vs B", f).contains("| power | 1 | 1 | 0 | 0.500 |"));
  }

  @Test
  void refusesPolarityOfAnUncodedThemeWithTheLine() {
    IOException e = assertThrows(IOException.class, () -> codes("c1,respect,power:negative\n"));
    assertTrue(e.getMessage().startsWith("test.csv: line 2:"), e.getMessage());
  }

  @Test
  void refusesDisjointCodings() throws Exception {
    var a = codes("c1,respect,respect:negative\n");
    var b = codes("c2,respect,respect:negative\n");
    assertThrows(IllegalArgumentException.class, () -> SocialCareAgreement.compare(a, b, List.of("respect")));
  }
}
