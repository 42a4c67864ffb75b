package io.destkit.testkit;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.networknt.schema.JsonSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The Airbyte protocol's own JSON schema ({@code airbyte_protocol.yaml}, draft-07 written as YAML), used to check
 * what a connector writes. destkit does not ship the file: tests find it through the system property
 * {@code destkit.protocolSchema}, else the environment variable {@code DESTKIT_PROTOCOL_SCHEMA}, and
 * {@link #require()} skips the calling test, naming the path it looked at, when the file is not there.
 *
 * <p>Each file is read once per JVM; the validator of each definition is built once. Thread-safe. Nothing is
 * fetched from the network: the file's {@code $id} is dropped and remote references are refused.
 */
public final class ProtocolSchema {
  private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";
  private static final String LOCATION = "urn:destkit:airbyte-protocol:";
  private static final String MESSAGE = "AirbyteMessage";

  private static final ConcurrentMap<Path, ProtocolSchema> LOADED = new ConcurrentHashMap<>();
  private static final ObjectMapper YAML = new YAMLMapper();
  // One stdout line is one JSON value: anything after it, or a duplicated key, makes the line wrong.
  private static final ObjectMapper LINE = JsonMapper.builder()
      .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private final Path file;
  private final ObjectNode definitions;
  private final ConcurrentMap<String, JsonSchema> validators = new ConcurrentHashMap<>();
  private final ConcurrentMap<MessagePayload, JsonSchema> messageValidators = new ConcurrentHashMap<>();

  private ProtocolSchema(Path file, ObjectNode definitions) {
    this.file = file;
    this.definitions = definitions;
  }

  /** The schema the tests were pointed at, or empty when no path is set or no file is there. */
  public static Optional<ProtocolSchema> locate() {
    return SchemaFileSetting.fromEnvironment().flatMap(setting -> load(setting.file()));
  }

  /**
   * The schema the tests were pointed at; when it cannot be found, aborts the calling test as skipped (a JUnit
   * assumption), with a message that names the path looked at and how to set it.
   */
  public static ProtocolSchema require() {
    Optional<SchemaFileSetting> setting = SchemaFileSetting.fromEnvironment();
    if (setting.isEmpty()) {
      return Assumptions.abort(SchemaFileSetting.unsetReason());
    }
    return load(setting.get().file()).orElseGet(() -> Assumptions.abort(setting.get().missingReason()));
  }

  /** The schema in {@code file}, like {@link #require()} skipping the calling test when there is no such file. */
  public static ProtocolSchema require(Path file) {
    return load(file).orElseGet(() -> Assumptions.abort(
        new SchemaFileSetting(file, "the path given").missingReason()));
  }

  /**
   * The schema in {@code file}; empty when there is no such file.
   *
   * @throws UncheckedIOException when the file is there but cannot be read
   * @throws IllegalArgumentException when the file is not YAML or has no {@code definitions}
   */
  public static Optional<ProtocolSchema> load(Path file) {
    Path key = file.toAbsolutePath().normalize();
    if (!Files.isRegularFile(key)) {
      return Optional.empty();
    }
    return Optional.of(LOADED.computeIfAbsent(key, ProtocolSchema::read));
  }

  private static ProtocolSchema read(Path file) {
    JsonNode document;
    try {
      document = YAML.readTree(file.toFile());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The Airbyte protocol schema " + file + " is not valid YAML: "
          + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException("The Airbyte protocol schema " + file + " cannot be read", e);
    }
    JsonNode definitions = document == null ? null : document.get("definitions");
    if (definitions == null || !definitions.isObject() || !definitions.has(MESSAGE)) {
      throw new IllegalArgumentException("The file " + file + " is not the Airbyte protocol schema: it has no "
          + "definitions." + MESSAGE + ". " + SchemaFileSetting.HOW_TO_SET);
    }
    // Only the definitions are kept: the file's $id (a github URL) would become the base of every $ref.
    return new ProtocolSchema(file, ((ObjectNode) definitions).deepCopy());
  }

  /** The file this schema was read from. */
  public Path file() {
    return file;
  }

  /** Names of the definitions in the file, sorted: what {@link #problems(String, JsonNode)} accepts. */
  public Set<String> definitionNames() {
    Set<String> names = new TreeSet<>();
    definitions.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /**
   * Problems of {@code json} against {@code #/definitions/<definition>}, each with its JSON path; empty when valid.
   *
   * @throws IllegalArgumentException when the file has no such definition
   */
  public List<String> problems(String definition, JsonNode json) {
    return Draft07Validator.problems(validator(definition), json);
  }

  /** Fails, listing every problem and the JSON, unless {@code json} is valid against the definition. */
  public void assertValid(String definition, JsonNode json) {
    List<String> problems = problems(definition, json);
    if (!problems.isEmpty()) {
      Assertions.fail("JSON does not match #/definitions/" + definition + " of the Airbyte protocol schema "
          + file + ":\n" + Draft07Validator.bullets(problems) + "JSON: " + json);
    }
  }

  /**
   * Problems of one line of a connector's standard output as an AirbyteMessage: it must be one JSON object valid
   * against AirbyteMessage, and carry the payload its {@code type} calls for ({@code spec} for SPEC,
   * {@code connectionStatus} for CONNECTION_STATUS, ...) valid against that payload's definition.
   */
  public List<String> messageLineProblems(String line) {
    JsonNode json;
    try {
      json = LINE.readTree(line);
    } catch (JsonProcessingException e) {
      return List.of("the line is not JSON: " + e.getOriginalMessage());
    }
    if (json == null || json.isMissingNode()) {
      return List.of("the line is empty; each line of a connector's output must be one JSON object");
    }
    if (!json.isObject()) {
      return List.of("the line is a JSON " + json.getNodeType().name().toLowerCase(Locale.ROOT)
          + ", not an object");
    }
    JsonSchema schema = MessagePayload.of(json.get("type"))
        .filter(payload -> definitions.has(payload.definition))
        .map(payload -> messageValidators.computeIfAbsent(payload, this::compileMessage))
        // No known type: AirbyteMessage alone says what is wrong with it.
        .orElseGet(() -> validator(MESSAGE));
    return Draft07Validator.problems(schema, json);
  }

  /** Fails, listing every problem and the line, unless {@code line} is a valid AirbyteMessage (see above). */
  public void assertValidMessageLine(String line) {
    List<String> problems = messageLineProblems(line);
    if (!problems.isEmpty()) {
      Assertions.fail("Not a valid Airbyte protocol message (schema " + file + "):\n"
          + Draft07Validator.bullets(problems) + "Line: " + line);
    }
  }

  private JsonSchema validator(String definition) {
    if (!definitions.has(definition)) {
      throw new IllegalArgumentException("The Airbyte protocol schema " + file + " has no definition '" + definition
          + "'; it has " + definitionNames());
    }
    return validators.computeIfAbsent(definition,
        name -> Draft07Validator.compile(LOCATION + name, document(List.of(ref(name)))));
  }

  /**
   * AirbyteMessage of the given type: its payload field is required and valid against the payload's definition.
   * The latter repeats what AirbyteMessage's properties say today; it keeps the check right should they change, and
   * the problems are de-duplicated.
   */
  private JsonSchema compileMessage(MessagePayload payload) {
    ObjectNode typed = JsonNodeFactory.instance.objectNode();
    typed.putArray("required").add(payload.field);
    typed.putObject("properties").set(payload.field, ref(payload.definition));
    return Draft07Validator.compile(LOCATION + MESSAGE + ":" + payload.name(), document(List.of(ref(MESSAGE), typed)));
  }

  /** A document that holds the file's definitions and is valid when all {@code parts} are. */
  private ObjectNode document(List<ObjectNode> parts) {
    ObjectNode document = JsonNodeFactory.instance.objectNode();
    document.put("$schema", DRAFT_07);
    document.set("definitions", definitions);
    // allOf, not a top-level $ref: in draft-07 a $ref makes its siblings be ignored.
    ArrayNode allOf = document.putArray("allOf");
    parts.forEach(allOf::add);
    return document;
  }

  private static ObjectNode ref(String definition) {
    return JsonNodeFactory.instance.objectNode().put("$ref", "#/definitions/" + definition);
  }
}
