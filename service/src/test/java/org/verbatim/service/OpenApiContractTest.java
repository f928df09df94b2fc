package org.verbatim.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.swagger.parser.OpenAPIParser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document kept in the repository against the running service: the document is valid OpenAPI 3, it
 * lists exactly the routes the service answers, and real answers (successes and errors) have a documented status
 * and validate against the documented schema.
 */
class OpenApiContractTest {

  static ServiceFixture fx;
  static JsonNode doc;
  static String docText;

  @BeforeAll
  static void start() throws Exception {
    fx = new ServiceFixture(ServiceOptions.builder().maxBatch(3).maxBodyBytes(2048));
    docText = new String(VerbatimService.openApi(), StandardCharsets.UTF_8);
    doc = ServiceFixture.JSON.readTree(docText);
  }

  @AfterAll
  static void stop() {
    fx.close();
  }

  @Test
  void documentIsValidOpenApi3() {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    SwaggerParseResult result = new OpenAPIParser().readContents(docText, null, options);
    assertNotNull(result.getOpenAPI(), String.valueOf(result.getMessages()));
    assertEquals(List.of(), result.getMessages());
    assertTrue(result.getOpenAPI().getOpenapi().startsWith("3."));
  }

  @Test
  void documentListsExactlyTheServedRoutes() throws Exception {
    Set<String> documented = new TreeSet<>();
    for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
      Map.Entry<String, JsonNode> p = paths.next();
      p.getValue().fieldNames().forEachRemaining(m -> documented.add(m.toUpperCase(java.util.Locale.ROOT) + " " + p.getKey()));
    }
    Set<String> served = new TreeSet<>();
    for (VerbatimService.Route r : VerbatimService.ROUTES) {
      served.add(r.method() + " " + r.path());
    }
    assertEquals(served, documented);
    // and each documented route is really answered (not 404 or 405)
    for (VerbatimService.Route r : VerbatimService.ROUTES) {
      int status = r.method().equals("GET") ? fx.get(r.path()).status() : fx.post(r.path(), "{}").status();
      assertTrue(status != 404 && status != 405, r + " answered " + status);
    }
  }

  @Test
  void documentedExamplesAreAccepted() throws Exception {
    JsonNode single = doc.at("/components/schemas/ClassifyRequest/example");
    assertValid("ClassifyRequest", single.toString());
    check("POST", "/v1/classify", single.toString(), 200);
    JsonNode batch = doc.at("/components/schemas/BatchRequest/example");
    assertValid("BatchRequest", batch.toString());
    check("POST", "/v1/classify/batch", batch.toString(), 200);
  }

  @Test
  void answersMatchTheirDocumentedSchemas() throws Exception {
    check("POST", "/v1/classify", "{\"text\": \"Staff were rude and never listened to my mum.\"}", 200);
    check("POST", "/v1/classify", "{\"text\": \"\"}", 200);
    check("POST", "/v1/classify", "{\"text\": ", 400);
    check("POST", "/v1/classify", "{\"text\": 1}", 400);
    check("POST", "/v1/classify", "{\"text\": " + ServiceFixture.quote("x".repeat(3000)) + "}", 413);
    check("POST", "/v1/classify/batch",
        "{\"comments\": [{\"id\": \"a\", \"text\": \"Kind staff.\"}, {\"id\": \"b\", \"text\": \"\"}]}", 200);
    check("POST", "/v1/classify/batch", "{\"comments\": [{\"id\": 1, \"text\": \"x\"}]}", 400);
    check("POST", "/v1/classify/batch", "{\"comments\": [{}, {}, {}, {}]}", 413);
    check("GET", "/v1/classifiers", null, 200);
    check("GET", "/health", null, 200);
    check("GET", "/ready", null, 200);
    check("GET", "/metrics", null, 200);
    check("GET", "/openapi.json", null, 200);
    ServiceFixture.Answer wrongType = fx.post("/v1/classify", "text/plain", "hello");
    assertDocumented("POST", "/v1/classify", wrongType);
    assertEquals(415, wrongType.status());
  }

  private static void check(String method, String path, String body, int expected) throws Exception {
    ServiceFixture.Answer a = method.equals("GET") ? fx.get(path) : fx.post(path, body);
    assertEquals(expected, a.status(), method + " " + path + ": " + a.body());
    assertDocumented(method, path, a);
  }

  /** The answer's status is documented for the route, and its body validates against that status's schema. */
  private static void assertDocumented(String method, String path, ServiceFixture.Answer a) throws Exception {
    JsonNode op = doc.get("paths").get(path).get(method.toLowerCase(java.util.Locale.ROOT));
    JsonNode response = op.get("responses").get(Integer.toString(a.status()));
    assertNotNull(response, method + " " + path + " answered " + a.status() + ", which is not documented");
    if (response.has("$ref")) {
      response = doc.at(response.get("$ref").asText().substring(1));
    }
    String type = a.header("Content-Type").split(";")[0].strip();
    JsonNode media = response.get("content").get(type);
    assertNotNull(media, method + " " + path + " " + a.status() + " answered " + type + ", which is not documented");
    JsonNode schema = media.get("schema");
    if (type.equals("application/json")) {
      List<Error> errors = schema(schema.toString()).validate(parse3(a.body()));
      assertEquals(List.of(), errors.stream().map(Error::toString).toList(), method + " " + path + ": " + a.body());
    } else {
      assertEquals("string", schema.get("type").asText());
    }
  }

  private static void assertValid(String schemaName, String json) throws Exception {
    Schema schema = schema("{\"$ref\": \"#/components/schemas/" + schemaName + "\"}");
    assertEquals(List.of(), schema.validate(parse3(json)).stream().map(Error::toString).toList());
  }

  /** A JSON Schema for a schema of the document, with the document's components beside it for its references. */
  private static Schema schema(String schemaJson) throws Exception {
    JsonNode s = ServiceFixture.JSON.readTree(schemaJson);
    com.fasterxml.jackson.databind.node.ObjectNode root = ServiceFixture.JSON.createObjectNode();
    root.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    root.set("allOf", ServiceFixture.JSON.createArrayNode().add(s));
    root.set("components", doc.get("components"));
    return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(root.toString());
  }

  private static tools.jackson.databind.JsonNode parse3(String json) {
    return new tools.jackson.databind.ObjectMapper().readTree(json);
  }
}
