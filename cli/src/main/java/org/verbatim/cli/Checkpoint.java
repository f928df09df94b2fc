package org.verbatim.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.verbatim.io.AtomicOutput;

/**
 * Where a resumable {@code classify} run got to: the records written (always a whole number of batches), the
 * length of the partial output holding exactly their rows, the counts of its summary so far, and a fingerprint of
 * everything that decides the output (input file, options, classifier), so a run is only ever continued by the
 * same command on the same input. Kept beside the partial output as {@code .<output>.verbatim-partial.json},
 * owner-only; it never holds comment text (the error samples are ids, lines and reasons).
 *
 * <pre>{@code
 * Checkpoint c = new Checkpoint(fingerprint, 4096, 1_234_567, summary);
 * c.write(Checkpoint.fileOf(partial));
 * Optional<Checkpoint> back = Checkpoint.read(Checkpoint.fileOf(partial));
 * }</pre>
 *
 * @param fingerprint SHA-256 of what decides the output (see {@link #fingerprint})
 * @param records input records whose rows are in the partial output
 * @param outputBytes length of the partial output holding exactly those rows
 * @param summary the summary of those rows
 */
record Checkpoint(String fingerprint, long records, long outputBytes, ClassifyJob.Summary summary) {

  private static final String FORMAT = "verbatim-checkpoint";
  private static final int VERSION = 1;
  private static final JsonFactory JSON = new JsonFactory();

  Checkpoint {
    Objects.requireNonNull(fingerprint, "fingerprint");
    Objects.requireNonNull(summary, "summary");
  }

  /** The partial output of a resumable run writing {@code output}: hidden, beside it. */
  static Path partialOf(Path output) {
    Path abs = output.toAbsolutePath();
    return abs.resolveSibling("." + abs.getFileName() + ".verbatim-partial");
  }

  /** The checkpoint beside a partial output. */
  static Path fileOf(Path partial) {
    return partial.resolveSibling(partial.getFileName() + ".json");
  }

  /** SHA-256 of the parts, each preceded by its length, so no two lists of parts give the same text. */
  static String fingerprint(List<String> parts) {
    StringBuilder b = new StringBuilder();
    for (String p : parts) {
      String s = String.valueOf(p);
      b.append(s.length()).append(':').append(s).append('\n');
    }
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.toString().getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }

  /** Writes the checkpoint atomically, readable by the owner only. */
  void write(Path file) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JsonGenerator g = JSON.createGenerator(bytes)) {
      g.useDefaultPrettyPrinter();
      g.writeStartObject();
      g.writeStringField("format", FORMAT);
      g.writeNumberField("formatVersion", VERSION);
      g.writeStringField("fingerprint", fingerprint);
      g.writeNumberField("records", records);
      g.writeNumberField("outputBytes", outputBytes);
      g.writeNumberField("rows", summary.rows());
      g.writeNumberField("tagged", summary.tagged());
      g.writeNumberField("errors", summary.errors());
      g.writeObjectFieldStart("themes");
      for (Map.Entry<String, Long> e : summary.themeCounts().entrySet()) {
        g.writeNumberField(e.getKey(), e.getValue());
      }
      g.writeEndObject();
      g.writeArrayFieldStart("errorSamples");
      for (String s : summary.errorSamples()) {
        g.writeString(s);
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    AtomicOutput.write(file, bytes.toByteArray(), AtomicOutput.Access.OWNER_ONLY);
  }

  /**
   * The checkpoint in {@code file}, or empty when there is none or it cannot be read as one (a run killed before
   * its first checkpoint leaves none).
   *
   * @throws IOException if the file exists but cannot be read
   */
  static Optional<Checkpoint> read(Path file) throws IOException {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
    try {
      JsonNode n = new ObjectMapper().readTree(bytes);
      if (n == null || !FORMAT.equals(n.path("format").asText()) || n.path("formatVersion").asInt() != VERSION) {
        return Optional.empty();
      }
      Map<String, Long> themes = new HashMap<>();
      n.path("themes").properties().forEach(e -> themes.put(e.getKey(), e.getValue().asLong()));
      List<String> samples = new ArrayList<>();
      n.path("errorSamples").forEach(s -> samples.add(s.asText()));
      ClassifyJob.Summary summary = new ClassifyJob.Summary(n.path("rows").asLong(), n.path("tagged").asLong(),
          n.path("errors").asLong(), themes, samples);
      long records = n.path("records").asLong(-1);
      long outputBytes = n.path("outputBytes").asLong(-1);
      String fp = n.path("fingerprint").asText("");
      if (records < 0 || outputBytes < 0 || fp.isEmpty()) {
        return Optional.empty();
      }
      return Optional.of(new Checkpoint(fp, records, outputBytes, summary));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
