package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;
import org.verbatim.eval.DocumentTheme;

class PolaritySuiteTest {

  @Test
  void predictionsRoundTripAndAgreementCountsWhoIsRight(@TempDir Path tmp) throws IOException {
    Map<DocumentTheme, Polarity> gold = new LinkedHashMap<>();
    gold.put(new DocumentTheme("a1", "food"), Polarity.POSITIVE);
    gold.put(new DocumentTheme("a1", "staff, service"), Polarity.NEGATIVE);   // a comma: quoted in the CSV
    gold.put(new DocumentTheme("a2", "price"), Polarity.NEUTRAL);
    gold.put(new DocumentTheme("a3", "food"), Polarity.NEGATIVE);
    Map<DocumentTheme, Polarity> a = new LinkedHashMap<>(gold);
    a.put(new DocumentTheme("a2", "price"), Polarity.POSITIVE);              // wrong with a only
    a.remove(new DocumentTheme("a3", "food"));                                // missing with a
    Map<DocumentTheme, Polarity> b = new LinkedHashMap<>(gold);
    b.put(new DocumentTheme("a1", "food"), Polarity.NEGATIVE);               // wrong with b only
    b.put(new DocumentTheme("a3", "food"), Polarity.POSITIVE);               // differs, both wrong

    Path fa = tmp.resolve("a.pred.csv");
    Path fb = tmp.resolve("b.pred.csv");
    PolaritySuite.writePredictions(fa, gold, a);
    PolaritySuite.writePredictions(fb, gold, b);
    Map<DocumentTheme, Polarity> readGold = new LinkedHashMap<>();
    assertEquals(a, PolaritySuite.readPredictions(fa, readGold));
    assertEquals(gold, readGold);
    assertEquals(b, PolaritySuite.readPredictions(fb, new LinkedHashMap<>()));

    JsonNode agreement = PolaritySuite.agreement(gold, a, b);
    assertEquals(4, agreement.path("pairs").asInt());
    assertEquals(3, agreement.path("pairs_predicted_differently").asInt());
    assertEquals(1, agreement.path("right_only_with_" + PolaritySuite.OPENNLP).asInt());
    assertEquals(1, agreement.path("right_only_with_" + PolaritySuite.CORENLP).asInt());
    assertTrue(PolaritySuite.agreementText(agreement).contains("3 of 4"));
  }

  @Test
  void ratiosDivideEachPipelineByThePeer() {
    ArrayNode systems = AccuracyReport.JSON.createArrayNode();
    systems.addObject().put("system", "verbatim-polarity").put("pipeline", PolaritySuite.OPENNLP)
        .put("accuracy", 0.7).put("macro_f1", 0.66).put("train_seconds", 20.0).put("pairs_per_second", 4000.0)
        .put("process_peak_rss_mb", 250.0);
    systems.addObject().put("system", PolaritySuite.PEER).put("accuracy", 0.5).put("macro_f1", 0.6)
        .put("train_seconds", 100.0).put("pairs_per_second", 20000.0).put("process_peak_rss_mb", 200.0);
    ArrayNode r = PolaritySuite.ratios(systems);
    assertEquals(1, r.size());
    assertEquals(PolaritySuite.OPENNLP, r.get(0).path("pipeline").asText());
    assertEquals(1.4, r.get(0).path("accuracy").asDouble(), 1e-9);
    assertEquals(1.1, r.get(0).path("macro_f1").asDouble(), 1e-9);
    assertEquals(0.2, r.get(0).path("train_seconds").asDouble(), 1e-9);
    assertEquals(0.2, r.get(0).path("pairs_per_second").asDouble(), 1e-9);
    assertEquals(1.25, r.get(0).path("process_peak_rss_mb").asDouble(), 1e-9);
    systems.remove(1);
    assertTrue(PolaritySuite.ratios(systems).isEmpty(), "no peer, no ratios");
  }

  @Test
  void unknownPipelineIsRefusedByName() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PolaritySuite.pipeline("spacy"));
    assertTrue(e.getMessage().contains("spacy") && e.getMessage().contains(PolaritySuite.CORENLP), e.getMessage());
  }
}
