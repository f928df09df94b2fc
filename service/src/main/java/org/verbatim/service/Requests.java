package org.verbatim.service;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses and checks request bodies. Every problem is an {@link ApiError} naming the field (as a JSON path such as
 * {@code comments[3].text}) and what was expected; no message quotes the body, which holds comment text.
 * Thread-safe.
 */
final class Requests {

  /** A single comment to classify. */
  record Single(String text, String classifier) {}

  /** One comment of a batch. */
  record Comment(String id, String text) {}

  /** A batch of comments to classify. */
  record Batch(List<Comment> comments, String classifier) {}

  private static final Set<String> SINGLE_FIELDS = Set.of("text", "classifier");
  private static final Set<String> BATCH_FIELDS = Set.of("comments", "classifier");
  private static final Set<String> COMMENT_FIELDS = Set.of("id", "text");

  private final ObjectMapper json;
  private final int maxBatch;
  private final int maxTextChars;

  Requests(int maxBatch, int maxTextChars) {
    this.maxBatch = maxBatch;
    this.maxTextChars = maxTextChars;
    JsonFactory factory = JsonFactory.builder()
        .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(16).build())
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();
    // no source excerpt in locations: a parse error must not carry comment text anywhere
    this.json = JsonMapper.builder(factory).disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION).build();
  }

  Single single(byte[] body) throws ApiError {
    JsonNode root = parse(body);
    checkFields(root, SINGLE_FIELDS, "", "text, classifier");
    String text = text(root.get("text"), "text");
    return new Single(text, classifier(root));
  }

  Batch batch(byte[] body) throws ApiError {
    JsonNode root = parse(body);
    checkFields(root, BATCH_FIELDS, "", "comments, classifier");
    JsonNode comments = root.get("comments");
    if (comments == null || comments.isNull()) {
      throw ApiError.badRequest("comments", "comments is required: an array of {\"id\": string, \"text\": string}");
    }
    if (!comments.isArray()) {
      throw ApiError.badRequest("comments", "comments must be an array, not " + type(comments));
    }
    if (comments.size() > maxBatch) {
      throw ApiError.tooLarge("comments",
          "comments has " + comments.size() + " elements; the limit is " + maxBatch + " per request", maxBatch);
    }
    List<Comment> list = new ArrayList<>(comments.size());
    for (int i = 0; i < comments.size(); i++) {
      JsonNode c = comments.get(i);
      String path = "comments[" + i + "]";
      if (!c.isObject()) {
        throw ApiError.badRequest(path, path + " must be an object {\"id\": string, \"text\": string}, not " + type(c));
      }
      checkFields(c, COMMENT_FIELDS, path + ".", "id, text");
      JsonNode id = c.get("id");
      if (id == null || id.isNull()) {
        throw ApiError.badRequest(path + ".id", path + ".id is required: a string");
      }
      if (!id.isTextual()) {
        throw ApiError.badRequest(path + ".id", path + ".id must be a string, not " + type(id));
      }
      list.add(new Comment(id.textValue(), text(c.get("text"), path + ".text")));
    }
    return new Batch(List.copyOf(list), classifier(root));
  }

  private JsonNode parse(byte[] body) throws ApiError {
    if (body.length == 0) {
      throw ApiError.badRequest("", "the body is empty; expected a JSON object");
    }
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JsonProcessingException e) {
      JsonLocation at = e.getLocation();
      String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
      // the parser's own message may quote the body: only its kind and the position are given
      String what = e.getClass().getSimpleName().replace("Exception", "");
      throw ApiError.badRequest("", "malformed JSON" + where + " (" + what + "); expected a JSON object");
    } catch (IOException e) {
      throw ApiError.badRequest("", "the body could not be read as JSON");
    }
    if (root == null || root.isMissingNode()) {
      throw ApiError.badRequest("", "the body is empty; expected a JSON object");
    }
    if (!root.isObject()) {
      throw ApiError.badRequest("", "the body must be a JSON object, not " + type(root));
    }
    return root;
  }

  private static void checkFields(JsonNode object, Set<String> known, String prefix, String expected) throws ApiError {
    Iterator<Map.Entry<String, JsonNode>> it = object.fields();
    while (it.hasNext()) {
      String name = it.next().getKey();
      if (!known.contains(name)) {
        // field names are the client's, not comment text; cut long ones
        String shown = name.length() > 40 ? name.substring(0, 40) + "..." : name;
        throw ApiError.badRequest(prefix + shown, "unknown field '" + prefix + shown + "'; expected " + expected);
      }
    }
  }

  private String text(JsonNode node, String field) throws ApiError {
    if (node == null || node.isNull()) {
      throw ApiError.badRequest(field, field + " is required: a string");
    }
    if (!node.isTextual()) {
      throw ApiError.badRequest(field, field + " must be a string, not " + type(node));
    }
    String text = node.textValue();
    if (text.length() > maxTextChars) {
      throw ApiError.tooLarge(field,
          field + " has " + text.length() + " characters; the limit is " + maxTextChars, maxTextChars);
    }
    return text;
  }

  private static String classifier(JsonNode root) throws ApiError {
    JsonNode c = root.get("classifier");
    if (c == null || c.isNull()) {
      return null;
    }
    if (!c.isTextual()) {
      throw ApiError.badRequest("classifier", "classifier must be a string, not " + type(c));
    }
    return c.textValue();
  }

  private static String type(JsonNode n) {
    switch (n.getNodeType()) {
      case ARRAY: return "an array";
      case OBJECT: return "an object";
      case STRING: return "a string";
      case NUMBER: return "a number";
      case BOOLEAN: return "a boolean";
      case NULL: return "null";
      default: return n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
