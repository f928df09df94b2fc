package org.verbatim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import org.verbatim.ModelInfo;
import org.verbatim.io.AtomicOutput;
import org.verbatim.io.FeedbackFormat;

/**
 * The sidecar {@code OUTPUT.meta.json} written next to a classified file, read by the report command when
 * present.
 *
 * <pre>{@code
 * {
 *   "format" : "verbatim-classify-run", "formatVersion" : 1, "verbatimVersion" : "0.1.0",
 *   "input" : "feedback.csv", "output" : "feedback.classified.csv", "inputFormat" : "csv",
 *   "textColumn" : "comment", "idColumn" : "id", "columnPrefix" : "", "threads" : 8,
 *   "classifier" : { "kind" : "codebook", "name" : "...", "version" : "...", "themes" : [ ... ], "properties" : { ... } },
 *   "codebookId" : "social-care",
 *   "rows" : 2000, "tagged" : 1534, "errors" : 0, "themeCounts" : { "listening" : 310, ... },
 *   "started" : "2025-01-01T10:00:00Z", "finished" : "2025-01-01T10:00:03.2Z"
 * }
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 */
record RunMetadata(
    Path input,
    Path output,
    FeedbackFormat format,
    String textColumn,
    String idColumn,
    String columnPrefix,
    int threads,
    ModelInfo classifier,
    ClassifyJob.Summary summary,
    Instant started,
    Instant finished) {

  /** The value of {@code format} in the file. */
  static final String FORMAT = "verbatim-classify-run";
  /** The value of {@code formatVersion} in the file. */
  static final int FORMAT_VERSION = 1;

  private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  RunMetadata {
    Objects.requireNonNull(input, "input");
    Objects.requireNonNull(output, "output");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(classifier, "classifier");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(started, "started");
    Objects.requireNonNull(finished, "finished");
  }

  /** The sidecar path of an output file: the output's name followed by {@code .meta.json}. */
  static Path sidecarOf(Path output) {
    return output.resolveSibling(output.getFileName() + ".meta.json");
  }

  ObjectNode toJson() {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("formatVersion", FORMAT_VERSION);
    root.put("verbatimVersion", VersionProvider.version());
    root.put("input", String.valueOf(input.getFileName()));
    root.put("output", String.valueOf(output.getFileName()));
    root.put("inputFormat", format.id());
    root.put("textColumn", textColumn);
    root.put("idColumn", idColumn);
    root.put("columnPrefix", columnPrefix);
    root.put("threads", threads);
    ObjectNode c = root.putObject("classifier");
    c.put("kind", classifier.kind());
    c.put("name", classifier.name());
    c.put("version", classifier.version());
    ArrayNode themes = c.putArray("themes");
    classifier.themes().forEach(themes::add);
    ObjectNode props = c.putObject("properties");
    classifier.properties().forEach(props::put);
    root.put("codebookId", classifier.properties().get("codebook.id"));
    root.put("rows", summary.rows());
    root.put("tagged", summary.tagged());
    root.put("errors", summary.errors());
    ObjectNode counts = root.putObject("themeCounts");
    for (Map.Entry<String, Long> e : summary.themeCounts().entrySet()) {
      counts.put(e.getKey(), e.getValue());
    }
    root.put("started", started.toString());
    root.put("finished", finished.toString());
    return root;
  }

  /** Writes the sidecar of {@link #output()} atomically. */
  void write() throws IOException {
    byte[] bytes = JSON.writeValueAsBytes(toJson());
    AtomicOutput.write(sidecarOf(output), bytes);
  }
}
