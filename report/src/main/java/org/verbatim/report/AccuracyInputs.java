package org.verbatim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * The accuracy figures a report can show beside the themes: the JSON that {@code verbatim evaluate --json} writes
 * (scores with bootstrap intervals, kappa and alpha against the coders, the confusion tables) and the JSON that
 * {@code verbatim agree --json} writes (agreement between coders).
 *
 * <pre>{@code
 * AccuracyInputs acc = AccuracyInputs.read(Path.of("eval.json"), Path.of("agreement.json"));
 * ReportOptions o = ReportOptions.builder().accuracy(acc).build();
 * }</pre>
 *
 * <p>Immutable after reading; thread-safe.
 */
public final class AccuracyInputs {

  private static final long MAX_BYTES = 64L * 1024 * 1024;

  private final JsonNode evaluation;
  private final JsonNode agreement;
  private final String evaluationName;
  private final String agreementName;

  private AccuracyInputs(JsonNode evaluation, String evaluationName, JsonNode agreement, String agreementName) {
    this.evaluation = evaluation;
    this.agreement = agreement;
    this.evaluationName = evaluationName;
    this.agreementName = agreementName;
  }

  /**
   * Reads the files; either may be null, not both.
   *
   * @param evaluationJson a file written by {@code verbatim evaluate --json}, or null
   * @param agreementJson a file written by {@code verbatim agree --json}, or null
   * @throws ReportInputException naming the file when it is missing, not JSON, or lacks the expected fields
   * @throws IllegalArgumentException if both are null
   */
  public static AccuracyInputs read(Path evaluationJson, Path agreementJson) throws ReportInputException {
    if (evaluationJson == null && agreementJson == null) {
      throw new IllegalArgumentException("give an evaluation JSON, an agreement JSON or both");
    }
    JsonNode e = evaluationJson == null ? null : parse(evaluationJson);
    if (e != null && !(e.path("themes").path("metrics").isObject() && e.path("themes").path("metrics").path("per_label").isObject())) {
      throw new ReportInputException(evaluationJson + ": not a 'verbatim evaluate --json' file (expected themes.metrics"
          + ".per_label)");
    }
    JsonNode a = agreementJson == null ? null : parse(agreementJson);
    if (a != null && !(a.path("themes").isObject() && a.path("coders").isArray() && a.has("krippendorff_alpha"))) {
      throw new ReportInputException(agreementJson + ": not a 'verbatim agree --json' file (expected coders, themes and "
          + "krippendorff_alpha)");
    }
    return new AccuracyInputs(e, evaluationJson == null ? null : evaluationJson.getFileName().toString(), a,
        agreementJson == null ? null : agreementJson.getFileName().toString());
  }

  private static JsonNode parse(Path file) throws ReportInputException {
    Objects.requireNonNull(file, "file");
    try {
      if (!Files.isRegularFile(file)) {
        throw new ReportInputException(file + ": file not found");
      }
      if (Files.size(file) > MAX_BYTES) {
        throw new ReportInputException(file + ": larger than " + MAX_BYTES + " bytes");
      }
      return new ObjectMapper().readTree(file.toFile());
    } catch (ReportInputException e) {
      throw e;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new ReportInputException(file + ": not valid JSON (line " + (e.getLocation() == null ? 0
          : e.getLocation().getLineNr()) + ")", e);
    } catch (IOException e) {
      throw new ReportInputException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  /** The evaluation JSON, if one was given. */
  Optional<JsonNode> evaluation() {
    return Optional.ofNullable(evaluation);
  }

  /** The agreement JSON, if one was given. */
  Optional<JsonNode> agreement() {
    return Optional.ofNullable(agreement);
  }

  String evaluationName() {
    return evaluationName;
  }

  String agreementName() {
    return agreementName;
  }
}
