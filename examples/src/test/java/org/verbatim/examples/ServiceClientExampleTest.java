package org.verbatim.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.service.ClassifierSet;
import org.verbatim.service.ServedClassifier;
import org.verbatim.service.ServiceOptions;
import org.verbatim.service.VerbatimService;
import org.verbatim.text.RulePipeline;

/** The client example against a real service on an ephemeral port of 127.0.0.1. */
class ServiceClientExampleTest {

  private static VerbatimService start(int maxBatch) {
    return VerbatimService.start(ServiceOptions.builder().port(0).maxBatch(maxBatch).build(),
        ClassifierSet.of(List.of(new ServedClassifier("social-care",
            CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create()), "bundled"))));
  }

  @Test
  void classifiesABatchAndPrintsTheThemes() throws Exception {
    try (VerbatimService service = start(10)) {
      Map<String, String> comments = new LinkedHashMap<>();
      comments.put("b", "Kind but useless. She never once listened to us.");
      comments.put("a", "n/a");
      JsonNode results = new ServiceClientExample(service.uri()).classify(comments);
      assertEquals("b", results.get(0).get("id").asText());
      assertEquals("a", results.get(1).get("id").asText());
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      ServiceClientExample.print(results, new PrintStream(out, true, StandardCharsets.UTF_8));
      String printed = out.toString(StandardCharsets.UTF_8);
      assertTrue(printed.contains("b listening negative 0.60 \"never once listened\""), printed);
      assertTrue(printed.contains("a (no theme)"), printed);
    }
  }

  @Test
  void anErrorAnswerBecomesAnExceptionWithTheServicesMessage() {
    try (VerbatimService service = start(1)) {
      Map<String, String> two = Map.of("a", "one", "b", "two");
      IOException e = assertThrows(IOException.class, () -> new ServiceClientExample(service.uri()).classify(two));
      assertTrue(e.getMessage().contains("413") && e.getMessage().contains("field comments"), e.getMessage());
    }
  }
}
