package org.verbatim.eval;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Objects;
import org.verbatim.io.AtomicOutput;

/**
 * The JSON mapper of the evaluation records. An undefined statistic ({@code NaN}, e.g. a kappa whose
 * expected agreement is 1) is written as {@code null}, never as the non-standard token {@code NaN}.
 * Thread-safe; internal.
 */
final class EvalJson {

  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .addModule(new SimpleModule("verbatim-eval")
          .addSerializer(Double.class, new NanAsNull())
          .addSerializer(Double.TYPE, new NanAsNull()))
      .build();

  private EvalJson() {}

  /** One-line JSON of {@code value}. */
  static String compact(Object value) {
    try {
      return MAPPER.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /** Indented JSON of {@code value}, ending with a newline. */
  static String pretty(Object value) {
    try {
      return MAPPER.writer().with(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value)
          + "\n";
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  /**
   * Writes {@code text} to {@code target} atomically with {@link AtomicOutput} (owner-only permissions). On
   * failure the temporary file is removed and the target is left as it was.
   */
  static void writeAtomically(Path target, String text) throws IOException {
    Objects.requireNonNull(target, "target");
    AtomicOutput.write(target, text.getBytes(StandardCharsets.UTF_8), AtomicOutput.Access.OWNER_ONLY);
  }

  private static final class NanAsNull extends JsonSerializer<Double> {
    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
      if (value == null || value.isNaN() || value.isInfinite()) {
        gen.writeNull();
      } else {
        gen.writeNumber(value);
      }
    }
  }
}
