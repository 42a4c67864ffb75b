package io.destkit.runtime.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.secret.SecretMasker;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigInputTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final ConfigInput in = new ConfigInput(new SecretMasker());

  @Test
  void pathsAreJsonPathWithOddNamesBracketed() {
    assertEquals("$.host", ConfigInput.child("$", "host"));
    assertEquals("$.a.ssl-mode", ConfigInput.child("$.a", "ssl-mode"));
    assertEquals("$['odd name']", ConfigInput.child("$", "odd name"));
    assertEquals("$['it\\'s']", ConfigInput.child("$", "it's"));
    assertEquals("$['1st']", ConfigInput.child("$", "1st"));
  }

  @Test
  void integersMustBeWholeAndFit() throws Exception {
    assertEquals(5, in.int32(node("5.0"), "$.a"));
    assertNull(in.int32(node("2147483648"), "$.b"));
    assertEquals(2147483648L, in.int64(node("2147483648"), "$.c"));
    assertNull(in.int64(node("1.5"), "$.d"));
    assertNull(in.int32(node("\"5\""), "$.e"));
    assertEquals(List.of(
        new ConfigProblem("$.b", "must be an integer from -2147483648 to 2147483647"),
        new ConfigProblem("$.d", "must be a whole number"),
        new ConfigProblem("$.e", "must be an integer, not a string")), in.problems());
  }

  @Test
  void rangesSayTheirBounds() {
    in.range(0, "$.a", 1, 65535);
    in.range(-1L, "$.b", 0, Double.POSITIVE_INFINITY);
    in.range(1.5, "$.c", Double.NEGATIVE_INFINITY, 1);
    in.range(null, "$.d", 1, 2);
    in.range(7, "$.e", 1, 10);
    assertEquals(List.of(
        new ConfigProblem("$.a", "must be from 1 to 65535"),
        new ConfigProblem("$.b", "must be at least 0"),
        new ConfigProblem("$.c", "must be at most 1")), in.problems());
  }

  @Test
  void missingAndNullRequiredMembersAreReported() throws Exception {
    JsonNode object = node("{\"a\": null}");
    assertNull(in.member(object, "a", "$.a", true));
    assertNull(in.member(object, "b", "$.b", true));
    assertNull(in.member(object, "c", "$.c", false));
    assertEquals(List.of(new ConfigProblem("$.a", "is required"), new ConfigProblem("$.b", "is required")),
        in.problems());
  }

  @Test
  void listsReportEachBadElementByIndex() throws Exception {
    assertNull(in.list(node("[\"a\", 1, null]"), "$.l", (item, path) -> in.string(item, path)));
    assertEquals(List.of(new ConfigProblem("$.l[1]", "must be a string, not a number"),
        new ConfigProblem("$.l[2]", "must not be null")), in.problems());
  }

  @Test
  void secretsAreRegisteredAndNeverQuotedInProblems() throws Exception {
    SecretMasker masker = new SecretMasker();
    ConfigInput input = new ConfigInput(masker);
    input.secret(node("\"hunter2\""), "$.password");
    input.oneOf(node("\"hunter2x\""), "$.mode", List.of("a", "b"));
    assertEquals("****", masker.mask("hunter2"));
    assertEquals("[$.mode: must be one of a, b]", input.problems().toString());
  }

  private static JsonNode node(String json) throws Exception {
    return JSON.readTree(json);
  }
}
