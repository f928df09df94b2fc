package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SocialCareDevTest {

  @Test
  void readsTheDevelopmentSetWithItsCodes() throws Exception {
    List<ZeroShotGold.Row> rows = SocialCareDev.rows();
    assertEquals(320, rows.size());
    // dev.csv holds 519 theme codes, each with a polarity; 44 comments have none
    assertEquals(519, rows.stream().mapToInt(r -> r.labels().size()).sum());
    assertEquals(44, rows.stream().filter(r -> r.labels().isEmpty()).count());
    assertTrue(rows.stream().allMatch(r -> r.polarity().keySet().equals(r.labels())));
  }
}
