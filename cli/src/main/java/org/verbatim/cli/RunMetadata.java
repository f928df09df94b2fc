package org.verbatim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
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

  private static final JsonFactory JSON = new JsonFactory();

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

  /**
   * The sidecar's JSON, indented as Jackson's default pretty printer does. Written with jackson-core's generator
   * alone: building it with jackson-databind would load some 300 classes (about 0.14 CPU s) that a CSV run does
   * not otherwise need.
   */
  byte[] toJson() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("formatVersion", FORMAT_VERSION);
      g.writeStringField("verbatimVersion", VersionProvider.version());
      g.writeStringField("input", String.valueOf(input.getFileName()));
      g.writeStringField("output", String.valueOf(output.getFileName()));
      g.writeStringField("inputFormat", format.id());
      g.writeStringField("textColumn", textColumn);
      g.writeStringField("idColumn", idColumn);
      g.writeStringField("columnPrefix", columnPrefix);
      g.writeNumberField("threads", threads);
      g.writeObjectFieldStart("classifier");
      g.writeStringField("kind", classifier.kind());
      g.writeStringField("name", classifier.name());
      g.writeStringField("version", classifier.version());
      g.writeArrayFieldStart("themes");
      for (String t : classifier.themes()) {
        g.writeString(t);
      }
      g.writeEndArray();
      g.writeObjectFieldStart("properties");
      for (Map.Entry<String, String> e : classifier.properties().entrySet()) {
        g.writeStringField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeEndObject();
      g.writeStringField("codebookId", classifier.properties().get("codebook.id"));
      g.writeNumberField("rows", summary.rows());
      g.writeNumberField("tagged", summary.tagged());
      g.writeNumberField("errors", summary.errors());
      g.writeObjectFieldStart("themeCounts");
      for (Map.Entry<String, Long> e : summary.themeCounts().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeStringField("started", started.toString());
      g.writeStringField("finished", finished.toString());
      g.writeEndObject();
    }
    return bytes.toByteArray();
  }

  /** Writes the sidecar of {@link #output()} atomically. */
  void write() throws IOException {
    AtomicOutput.write(sidecarOf(output), toJson());
  }
}
