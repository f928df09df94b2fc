package org.verbatim.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The SHA-256 that seals a manifest (format version 3 on): computed over a canonical form of the parsed manifest
 * without its own {@value #FIELD} field, so any change to a value the loader reads (a theme, a size, an entry's
 * hash, a score) changes it, while white space and the order of the fields do not. Canonical form: objects with
 * their fields sorted by name (by UTF-16 code units), arrays in order, strings and numbers as Jackson writes the
 * parsed values, no white space.
 *
 * <p>Stateless and thread-safe.
 */
final class ManifestDigest {

  /** The manifest field holding the digest. */
  static final String FIELD = "manifestSha256";

  private static final ObjectMapper PLAIN = new ObjectMapper();

  private ManifestDigest() {}

  /** The hex SHA-256 of the canonical form of {@code manifest} without {@value #FIELD}. */
  static String of(JsonNode manifest) {
    StringBuilder b = new StringBuilder();
    JsonNode copy = manifest;
    if (manifest instanceof ObjectNode o && o.has(FIELD)) {
      ObjectNode c = o.deepCopy();
      c.remove(FIELD);
      copy = c;
    }
    canonical(copy, b);
    return ModelWriter.sha256(b.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static void canonical(JsonNode n, StringBuilder b) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      names.sort(null);
      b.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        b.append(quote(names.get(i))).append(':');
        canonical(n.get(names.get(i)), b);
      }
      b.append('}');
    } else if (n.isArray()) {
      b.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          b.append(',');
        }
        canonical(n.get(i), b);
      }
      b.append(']');
    } else {
      try {
        b.append(PLAIN.writeValueAsString(n));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("cannot write a JSON value", e);
      }
    }
  }

  private static String quote(String s) {
    try {
      return PLAIN.writeValueAsString(s);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON string", e);
    }
  }
}
