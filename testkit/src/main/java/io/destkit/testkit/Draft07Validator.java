package io.destkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.resource.AllowSchemaLoader;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Assertions;

/**
 * JSON Schema draft-07, offline: checks that a document is a draft-07 schema (against the meta-schema bundled with the
 * validator) and validates instances against such a schema. No schema is ever fetched from the network: a remote
 * {@code $ref} is reported as a problem of the schema.
 */
public final class Draft07Validator {
  private static final String META_SCHEMA = "http://json-schema.org/draft-07/schema#";

  private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7,
      builder -> builder
          // Connector specs carry Airbyte's own keywords (airbyte_secret, order, ...) and the protocol file carries
          // existingJavaType: keep them as annotations without the library's warning for each.
          .metaSchema(JsonMetaSchema.builder(JsonMetaSchema.getV7())
              .unknownKeywordFactory((keyword, context) -> new AnnotationKeyword(keyword))
              .build())
          // The library maps json-schema.org meta-schemas to classpath: IRIs before loaders see them; everything
          // else (https://github.com/..., file:...) is refused instead of fetched.
          .schemaLoaders(loaders -> loaders.add(
              new AllowSchemaLoader(iri -> iri.toString().startsWith("classpath:")))));

  private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
      .formatAssertionsEnabled(true)
      // "$.streams[0].sync_mode" (the builder's default is a JSON pointer, which leaves the root an empty string)
      .pathType(PathType.LEGACY)
      .build();

  private Draft07Validator() {}

  /** Problems of {@code schema} as a draft-07 schema: meta-schema violations, else references that do not resolve. */
  public static List<String> schemaProblems(JsonNode schema) {
    List<String> problems = problems(MetaSchema.INSTANCE, schema);
    if (!problems.isEmpty()) {
      return problems;
    }
    try {
      // Resolves every $ref now, so that a dangling or remote one is a problem of the schema, not of a later check.
      FACTORY.getSchema(schema, CONFIG).initializeValidators();
      return List.of();
    } catch (RuntimeException e) {
      // The library's message starts with the instance location, which is empty for a schema: ": Reference ...".
      String reason = String.valueOf(e.getMessage());
      return List.of("the schema cannot be used: " + (reason.startsWith(": ") ? reason.substring(2) : reason));
    }
  }

  /** Fails, listing every problem and the schema, unless {@code schema} is a usable draft-07 schema. */
  public static void assertValidSchema(JsonNode schema) {
    List<String> problems = schemaProblems(schema);
    if (!problems.isEmpty()) {
      Assertions.fail("Not a valid JSON Schema draft-07 document:\n" + bullets(problems) + "Schema: " + schema);
    }
  }

  /**
   * Problems of {@code instance} against the draft-07 {@code schema}, empty when it is valid. The instance is not
   * quoted in them (a config holds secrets), only its JSON paths.
   *
   * @throws IllegalArgumentException when {@code schema} itself is not a usable draft-07 schema
   */
  public static List<String> problems(JsonNode schema, JsonNode instance) {
    List<String> schemaProblems = schemaProblems(schema);
    if (!schemaProblems.isEmpty()) {
      throw new IllegalArgumentException("The schema to validate against is not valid draft-07:\n"
          + bullets(schemaProblems));
    }
    return problems(FACTORY.getSchema(schema, CONFIG), instance);
  }

  /** A schema in {@code document}, which sits at {@code location} so that its {@code #/...} references resolve. */
  static JsonSchema compile(String location, JsonNode document) {
    return FACTORY.getSchema(SchemaLocation.of(location), document, CONFIG);
  }

  /** Messages of {@code schema} against {@code instance}: distinct, sorted (by JSON path first), each one line. */
  static List<String> problems(JsonSchema schema, JsonNode instance) {
    TreeSet<String> messages = new TreeSet<>();
    for (ValidationMessage message : schema.validate(instance)) {
      messages.add(message.getMessage());
    }
    return List.copyOf(messages);
  }

  static String bullets(List<String> lines) {
    StringBuilder text = new StringBuilder();
    for (String line : lines) {
      text.append("  - ").append(line).append('\n');
    }
    return text.toString();
  }

  /** Loaded on first use, from the validator's jar. */
  private static final class MetaSchema {
    static final JsonSchema INSTANCE = FACTORY.getSchema(SchemaLocation.of(META_SCHEMA), CONFIG);
  }
}
