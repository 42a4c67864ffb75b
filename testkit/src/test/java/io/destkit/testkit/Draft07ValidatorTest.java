package io.destkit.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Checking generated connectionSpecifications and configs. Needs no schema file and no network. */
class Draft07ValidatorTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final JsonNode CONNECTION_SPECIFICATION = json("""
      {"$schema":"http://json-schema.org/draft-07/schema#","title":"SQLite Destination Spec","type":"object",
       "required":["path"],"additionalProperties":true,
       "properties":{
         "path":{"type":"string","title":"Path","order":0,"minLength":1},
         "port":{"type":"integer","minimum":1,"maximum":65535,"default":5432},
         "mode":{"type":"string","enum":["fast","safe"]},
         "password":{"type":"string","airbyte_secret":true,"maxLength":8},
         "endpoint":{"type":"string","format":"uri"}}}""");

  @Test
  void generatedConnectionSpecificationIsValid() {
    assertEquals(List.of(), Draft07Validator.schemaProblems(CONNECTION_SPECIFICATION));
    Draft07Validator.assertValidSchema(CONNECTION_SPECIFICATION);
  }

  @Test
  void typeThatIsANumberIsRejected() {
    List<String> problems = Draft07Validator.schemaProblems(json("{\"type\":12}"));

    assertFalse(problems.isEmpty());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.type")), problems.toString());
    AssertionError failure = assertThrows(AssertionError.class,
        () -> Draft07Validator.assertValidSchema(json("{\"type\":12}")));
    assertTrue(failure.getMessage().contains("{\"type\":12}"), failure.getMessage());
  }

  @Test
  void nestedMistakesAreRejected() {
    List<String> problems = Draft07Validator.schemaProblems(
        json("{\"type\":\"object\",\"properties\":{\"port\":{\"type\":\"integer\",\"minimum\":\"one\"},"
            + "\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"strnig\"}}}}"));

    assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.properties.port.minimum")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.properties.tags.items")), problems.toString());
  }

  @Test
  void danglingReferenceIsRejected() {
    List<String> problems = Draft07Validator.schemaProblems(
        json("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"#/definitions/missing\"}}}"));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("/definitions/missing"), problems.toString());
  }

  @Test
  void remoteReferenceIsRefusedNotFetched() {
    List<String> problems = Draft07Validator.schemaProblems(
        json("{\"type\":\"object\",\"properties\":{\"a\":{\"$ref\":\"https://example.com/a.json\"}}}"));

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).contains("https://example.com/a.json"), problems.toString());
    assertTrue(problems.get(0).contains("not allowed to be loaded"), problems.toString());
  }

  @Test
  void configMatchingTheSpecificationIsValid() {
    JsonNode config = json("{\"path\":\"/local/db.sqlite\",\"port\":5432,\"mode\":\"safe\",\"password\":\"pw\","
        + "\"endpoint\":\"https://db.example.com\",\"unrelated\":true}");

    assertEquals(List.of(), Draft07Validator.problems(CONNECTION_SPECIFICATION, config));
  }

  @Test
  void configProblemsNameTheirPaths() {
    JsonNode config = json("{\"port\":\"5432\",\"mode\":\"quick\",\"endpoint\":\"not a uri\"}");

    List<String> problems = Draft07Validator.problems(CONNECTION_SPECIFICATION, config);

    assertEquals(4, problems.size(), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("$: required property 'path'")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.port: ")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.mode: ")), problems.toString());
    assertTrue(problems.stream().anyMatch(p -> p.startsWith("$.endpoint: ")), problems.toString());
  }

  @Test
  void problemsDoNotQuoteTheSecret() {
    JsonNode config = json("{\"path\":\"/db\",\"password\":\"hunter2-is-too-long\"}");

    List<String> problems = Draft07Validator.problems(CONNECTION_SPECIFICATION, config);

    assertEquals(1, problems.size(), problems.toString());
    assertTrue(problems.get(0).startsWith("$.password: "), problems.toString());
    assertFalse(problems.get(0).contains("hunter2"), problems.toString());
  }

  @Test
  void validatingAgainstAnInvalidSchemaIsAnError() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Draft07Validator.problems(json("{\"type\":12}"), json("{}")));

    assertTrue(e.getMessage().contains("$.type"), e.getMessage());
  }

  private static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (Exception e) {
      throw new IllegalArgumentException(text, e);
    }
  }
}
