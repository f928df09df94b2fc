package org.verbatim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.verbatim.ModelInfo;
import org.verbatim.io.FeedbackFormat;

class RunMetadataTest {

  /** The sidecar is what Jackson's ObjectMapper with INDENT_OUTPUT wrote for the same tree, nulls included. */
  @Test
  void jsonIsIndentedAsObjectMapperWritesIt() throws IOException {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("codebook.id", "social-care");
    props.put("quote\"d", "line\nbreak");
    RunMetadata meta = new RunMetadata(Path.of("in.csv"), Path.of("/tmp/out.csv"), FeedbackFormat.CSV, "comment", null,
        "vb_", 2, new ModelInfo("codebook", "social care", "1", List.of("respect", "listening"), props),
        new ClassifyJob.Summary(10, 4, 1, Map.of("respect", 3L, "listening", 2L), List.of("line 3: x")),
        Instant.parse("2026-01-01T10:00:00Z"), Instant.parse("2026-01-01T10:00:03.250Z"));
    String json = new String(meta.toJson(), StandardCharsets.UTF_8);
    ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    JsonNode tree = mapper.readTree(json);
    assertEquals(mapper.writeValueAsString(tree), json);
    assertTrue(tree.get("idColumn").isNull());
    assertEquals("social-care", tree.get("codebookId").asText());
    assertEquals(3, tree.get("themeCounts").get("respect").asInt());
    assertEquals("line\nbreak", tree.get("classifier").get("properties").get("quote\"d").asText());
    assertEquals(List.of("format", "formatVersion", "verbatimVersion", "input", "output", "inputFormat", "textColumn",
        "idColumn", "columnPrefix", "threads", "classifier", "codebookId", "rows", "tagged", "errors", "themeCounts",
        "started", "finished"), iterable(tree.fieldNames()));
  }

  private static List<String> iterable(java.util.Iterator<String> it) {
    List<String> out = new java.util.ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }
}
