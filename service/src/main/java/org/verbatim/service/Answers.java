package org.verbatim.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ModelInfo;
import org.verbatim.ThemeTag;

/**
 * Writes the service's JSON answers with Jackson's streaming generator. A theme is written as
 * {@code {"theme", "score", "polarity", "evidence": [{"start", "end", "text"}]}}, highest score first, with the
 * score rounded as {@code verbatim classify} writes it (two or three decimals, half up). Thread-safe.
 */
final class Answers {

  /** One row of a batch answer: a classification, or an error and no themes. */
  record Row(String id, String text, Classification classification, String error) {}

  private final JsonFactory factory = new JsonFactory();

  /** {@code {"classifier": name, "themes": [...]}}. */
  byte[] single(String classifier, String text, Classification c) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("classifier", classifier);
      themes(g, text, c);
      g.writeEndObject();
    });
  }

  /** {@code {"classifier": name, "results": [{"id", "themes", "error"?}, ...]}}, in request order. */
  byte[] batch(String classifier, List<Row> rows) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("classifier", classifier);
      g.writeArrayFieldStart("results");
      for (Row r : rows) {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        themes(g, r.text(), r.classification());
        if (r.error() != null) {
          g.writeStringField("error", r.error());
        }
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** The error body. */
  byte[] error(ApiError e) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("error", e.code);
      g.writeStringField("message", e.getMessage());
      if (e.field != null) {
        g.writeStringField("field", e.field);
      }
      if (e.limit >= 0) {
        g.writeNumberField("limit", e.limit);
      }
      g.writeEndObject();
    });
  }

  /** {@code GET /v1/classifiers}. */
  byte[] classifiers(ClassifierSet set) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("default", set.defaultClassifier().name());
      g.writeArrayFieldStart("classifiers");
      for (ServedClassifier c : set.all()) {
        ModelInfo info = c.classifier().info();
        g.writeStartObject();
        g.writeStringField("name", c.name());
        g.writeStringField("source", c.source());
        g.writeStringField("kind", info.kind());
        g.writeStringField("model", info.name());
        g.writeStringField("version", info.version());
        g.writeArrayFieldStart("themes");
        for (String t : info.themes()) {
          g.writeString(t);
        }
        g.writeEndArray();
        g.writeObjectFieldStart("scores");
        for (Map.Entry<String, String> p : info.properties().entrySet()) {
          if (p.getKey().startsWith("cv.")) {
            writeNumberOrString(g, p.getKey().substring(3), p.getValue());
          }
        }
        g.writeEndObject();
        g.writeObjectFieldStart("provenance");
        for (Map.Entry<String, String> p : info.properties().entrySet()) {
          if (!p.getKey().startsWith("cv.")) {
            g.writeStringField(p.getKey(), p.getValue());
          }
        }
        g.writeEndObject();
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    });
  }

  /** {@code {"status": status}}. */
  byte[] status(String status) {
    return write(g -> {
      g.writeStartObject();
      g.writeStringField("status", status);
      g.writeEndObject();
    });
  }

  private static void writeNumberOrString(JsonGenerator g, String name, String value) throws IOException {
    try {
      g.writeNumberField(name, new BigDecimal(value));
    } catch (NumberFormatException e) {
      g.writeStringField(name, value);
    }
  }

  private static void themes(JsonGenerator g, String text, Classification c) throws IOException {
    g.writeArrayFieldStart("themes");
    for (ThemeTag t : c.tags()) {
      g.writeStartObject();
      g.writeStringField("theme", t.themeId());
      g.writeFieldName("score");
      g.writeNumber(score(t.score()));
      g.writeStringField("polarity", t.polarity().id());
      g.writeArrayFieldStart("evidence");
      for (Evidence e : t.evidence()) {
        g.writeStartObject();
        g.writeNumberField("start", e.start());
        g.writeNumberField("end", e.end());
        g.writeStringField("text", e.in(text));
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  /**
   * A score as {@code verbatim classify} writes it: {@code DecimalFormat("0.00#")} with half-up rounding of the
   * exact binary value, e.g. {@code 0.60}, {@code 0.667}, {@code 1.00}.
   */
  static String score(double value) {
    BigDecimal d = new BigDecimal(value).setScale(3, RoundingMode.HALF_UP);
    if (d.unscaledValue().mod(java.math.BigInteger.TEN).signum() == 0) {
      d = d.setScale(2, RoundingMode.UNNECESSARY);
    }
    return d.toPlainString();
  }

  private interface Body {
    void write(JsonGenerator g) throws IOException;
  }

  private byte[] write(Body body) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(256);
    try (JsonGenerator g = factory.createGenerator(out)) {
      body.write(g);
    } catch (IOException e) {
      throw new UncheckedIOException(e); // a byte array does not fail
    }
    return out.toByteArray();
  }
}
