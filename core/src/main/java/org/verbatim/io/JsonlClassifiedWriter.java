package org.verbatim.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Classification;
import org.verbatim.Evidence;
import org.verbatim.ThemeTag;

/** JSON Lines form of {@link ClassifiedWriter}. Not thread-safe. */
final class JsonlClassifiedWriter implements ClassifiedWriter {

  private static final ObjectMapper JSON = JsonMapper.builder().build();

  private final Writer out;
  private final JsonGenerator gen;
  private final OutputColumns columns;
  private final Formats formats = new Formats();
  /** The mapper's provider for serialising tree values (created once, not per value). */
  private final SerializerProvider provider = JSON.getSerializerProviderInstance();
  /** The last set of keys found free of clashes. */
  private List<String> checked;

  JsonlClassifiedWriter(Writer out, OutputColumns columns) throws IOException {
    this.out = Objects.requireNonNull(out, "out");
    this.columns = Objects.requireNonNull(columns, "columns");
    // a lone surrogate read from a \\uD800 escape is written back as that escape, not as '?'
    this.gen = JSON.getFactory().createGenerator(new SurrogateEscapingWriter(out));
    gen.setRootValueSeparator(null);
    gen.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
  }

  @Override
  public void write(ClassifiedRow r) throws IOException {
    Objects.requireNonNull(r, "r");
    FeedbackRecord record = r.record();
    List<String> keys = record.columns();
    if (!keys.equals(checked)) {
      // rows of a file mostly have the same keys: check each new set once
      List<String> clashes = columns.clashes(keys);
      if (!clashes.isEmpty()) {
        throw new ColumnClashException(record.line(), clashes);
      }
      checked = keys;
    }
    gen.writeStartObject();
    ObjectNode json = record.json();
    if (json != null) {
      for (Map.Entry<String, JsonNode> field : json.properties()) {
        gen.writeFieldName(field.getKey());
        // what JSON.writeTree(gen, value) writes, without looking up a serializer per value
        field.getValue().serialize(gen, provider);
      }
    } else if (!record.columns().isEmpty()) {
      for (Map.Entry<String, String> field : record.asMap().entrySet()) {
        gen.writeStringField(field.getKey(), field.getValue());
      }
    } else {
      gen.writeNumberField(columns.line(), record.line());
    }
    Classification c = r.classification();
    gen.writeArrayFieldStart(columns.themes());
    for (ThemeTag t : c.tags()) {
      gen.writeString(t.themeId());
    }
    gen.writeEndArray();
    gen.writeObjectFieldStart(columns.scores());
    for (ThemeTag t : c.tags()) {
      gen.writeFieldName(t.themeId());
      gen.writeNumber(formats.score(t.score()));
    }
    gen.writeEndObject();
    gen.writeObjectFieldStart(columns.polarity());
    for (ThemeTag t : c.tags()) {
      gen.writeStringField(t.themeId(), t.polarity().id());
    }
    gen.writeEndObject();
    gen.writeObjectFieldStart(columns.evidence());
    for (ThemeTag t : c.tags()) {
      gen.writeArrayFieldStart(t.themeId());
      for (Evidence e : t.evidence()) {
        gen.writeStartObject();
        gen.writeNumberField("start", e.start());
        gen.writeNumberField("end", e.end());
        gen.writeStringField("text", e.in(r.text()));
        gen.writeEndObject();
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
    if (r.error() == null) {
      gen.writeNullField(columns.error());
    } else {
      gen.writeStringField(columns.error(), r.error());
    }
    gen.writeEndObject();
    gen.writeRaw('\n');
  }

  @Override
  public void flush() throws IOException {
    gen.flush();
    out.flush();
  }

  @Override
  public void close() throws IOException {
    try {
      gen.close();
    } finally {
      out.close();
    }
  }
}
