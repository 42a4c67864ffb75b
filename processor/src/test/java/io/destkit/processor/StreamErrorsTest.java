package io.destkit.processor;

import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.file;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mistakes in typed streams: the {@code @Stream} declaration, its schema file, and the writer method's type. */
class StreamErrorsTest {
  /** Schemas for these cases live under src/test/resources/errors/streams/schemas. */
  private static final String SCHEMAS = Compilations.schemasOption("errors/streams");

  static List<ErrorCase> cases() {
    return List.of(
        ErrorCase.of(Message.STREAM_SCHEMA_MISSING, "a stream without a schema file",
                config(), streamDestination("@Stream(", "    name = \"ghosts\", type = \"Ghost\")"))
            .on("TestDestination", "name = \"ghosts\"")
            .saying("The schema of stream 'ghosts' is not found", "schemas/ghosts.json")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.STREAM_SCHEMA_JSON, "a schema file that is not JSON",
                config(), streamDestination("@Stream(name = \"broken\", type = \"Broken\",",
                    "    schema = \"schemas/broken.json\")"))
            .on("TestDestination", "schema = \"schemas/broken.json\"")
            .saying("(schemas/broken.json) is not valid JSON: line 2, column 18 ($.type)")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.STREAM_SCHEMA_INVALID, "a schema naming a type JSON Schema does not have",
                config(), streamDestination("@Stream(name = \"typos\", type = \"Typo\",",
                    "    schema = \"schemas/typos.json\")"))
            .on("TestDestination", "schema = \"schemas/typos.json\"")
            .saying("(schemas/typos.json) is not a valid JSON schema at $.properties.address.properties.zip.type[1]:",
                "type 'strnig' does not exist in JSON Schema")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.STREAM_SCHEMA_NOT_OBJECT, "a schema of an array",
                config(), streamDestination("@Stream(", "    name = \"list\", type = \"Item\")"))
            .on("TestDestination", "name = \"list\"")
            .saying("does not describe an object with properties")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.STREAM_FIELD_COLLISION, "two fields that both become firstName",
                config(), streamDestination("@Stream(", "    name = \"people\", type = \"Person\")"))
            .on("TestDestination", "name = \"people\"")
            .saying("'first_name' and 'firstName' both become field 'firstName' of Person")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.STREAM_DUPLICATE, "one stream declared twice",
                config(), streamDestination("@Stream(name = \"users\", type = \"User\")", "@Stream(",
                    "    name = \"users\", type = \"Member\")"))
            // javac builds the @Streams container of repeated annotations itself, with no source position for its
            // entries: the error can only sit on the class.
            .on("TestDestination", "public class TestDestination")
            .saying("Stream 'users' or record class Member is declared twice")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.STREAM_TYPE_NAME, "a record class name with a dot",
                config(), streamDestination("@Stream(name = \"users\",", "    type = \"my.User\")"))
            .on("TestDestination", "type = \"my.User\"")
            .saying("@Stream type 'my.User' is not a Java class name")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.RECORDS_TYPE_MISMATCH, "a typed writer of another stream's class",
                config(), streamDestination(List.of("@Stream(name = \"users\", type = \"User\")",
                        "@Stream(name = \"orders\", type = \"Order\")"),
                    "  @OnRecords(stream = \"orders\")",
                    "  void orders(java.util.List<User> batch) {}"))
            .on("TestDestination", "void orders(java.util.List<User> batch)")
            .saying("the records of stream 'orders' are of the generated class Order; take List<Order> or TypedBatch<Order>")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.RECORDS_FILES_LIST, "a writer of files that takes a List of typed records",
                config(), streamDestination(List.of("@Stream(name = \"users\", type = \"User\")"),
                    "  @OnRecords(stream = \"users\",",
                    "      files = true)",
                    "  void users(java.util.List<User> batch) {}"))
            .on("TestDestination", "files = true")
            .saying("@OnRecords method users() handles files (files = true) but takes List<User>",
                "Take TypedBatch<User>")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.ACTIVATION_UNDECLARED, "an update writer that names no declared object",
                config(), streamDestination(List.of("@Stream(name = \"users\", type = \"User\")"),
                    "  @OnRecords(stream = \"contacts\",",
                    "      modes = DestinationSyncMode.UPDATE)",
                    "  void contacts(io.destkit.runtime.write.RecordBatch batch) {}"))
            .on("TestDestination", "modes = DestinationSyncMode.UPDATE")
            .saying("@OnRecords method contacts() writes update, which writes to destination objects",
                "Set its stream to a @Stream of TestDestination, or add a @Discover method")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.MATCHING_KEYS_MISSING, "an object written in soft_delete without matching keys",
                config(), streamDestination(List.of("@Stream(",
                        "    name = \"users\", type = \"User\")"),
                    "  @OnRecords(stream = \"users\", modes = DestinationSyncMode.SOFT_DELETE)",
                    "  void users(java.util.List<User> batch) {}"))
            .on("TestDestination", "name = \"users\"")
            .saying("Stream 'users' is written in soft_delete by users()", "Add @Stream(matchingKeys = ...)")
            .withOptions(SCHEMAS),
        ErrorCase.of(Message.MATCHING_KEY_UNKNOWN, "a matching key the schema does not have",
                config(), streamDestination(List.of("@Stream(name = \"users\", type = \"User\",",
                        "    matchingKeys = \"email\")"),
                    "  @OnRecords(stream = \"users\", modes = DestinationSyncMode.UPDATE)",
                    "  void users(java.util.List<User> batch) {}"))
            .on("TestDestination", "matchingKeys = \"email\"")
            .saying("Matching key 'email' of stream 'users' names no property of its schema schemas/users.json")
            .withOptions(SCHEMAS));
  }

  /** {@code TestDestination} with the given class annotation lines before it. */
  private static JavaFileObject streamDestination(String... annotationLines) {
    return streamDestination(List.of(annotationLines));
  }

  private static JavaFileObject streamDestination(List<String> annotationLines, String... body) {
    List<String> lines = new ArrayList<>(annotationLines);
    lines.addAll(List.of(
        "@Destination(",
        "    name = \"destination-test\",",
        "    documentationUrl = \"https://example.com/docs\",",
        "    config = TestConfig.class)",
        "public class TestDestination {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return file("TestDestination", lines.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports(ErrorCase mistake) {
    mistake.verify();
  }
}
