package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destination;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes in a {@code @ConnectorConfig}: its construction, its property types and their annotations. The offending
 * annotation value sits on a line of its own where the message points at the value, so that the line tells the
 * value from its annotation and its element.
 */
class ConfigErrorsTest {

  static List<ErrorCase> cases() {
    return List.of(
        ErrorCase.of(Message.CONFIG_CONSTRUCT, "a class config with a private field and no setter",
                config(
                    "@ConnectorConfig",
                    "public class TestConfig {",
                    "  private String host;",
                    "}"),
                destination())
            .on("TestConfig", "public class TestConfig")
            .saying("cannot create TestConfig: field 'host' is private or final and has no setter setHost"),
        ErrorCase.of(Message.CONFIG_CYCLE, "a nested record that holds a list of itself",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(Node root) {",
                    "  public record Node(",
                    "      String name,",
                    "      java.util.List<Node> children) {}",
                    "}"),
                destination())
            .on("TestConfig", "java.util.List<Node> children")
            .saying("Config type test.pkg.TestConfig.Node contains itself through 'children'"),
        ErrorCase.of(Message.TYPE_UNSUPPORTED, "a Map property",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    String host,",
                    "    java.util.Map<String, String> labels) {}"),
                destination())
            .on("TestConfig", "java.util.Map<String, String> labels")
            .saying("Config property 'labels' has type java.util.Map<java.lang.String,java.lang.String>"),
        ErrorCase.of(Message.PROPERTY_DUPLICATE, "a JSON name that another property has",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    String host,",
                    "    @Property(title = \"Address\",",
                    "        name = \"host\")",
                    "    String address) {}"),
                destination())
            .on("TestConfig", "name = \"host\"")
            .saying("Two properties of TestConfig are named 'host' in JSON"),
        ErrorCase.of(Message.PROPERTY_NAME, "a blank @Property name",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Host\",",
                    "        name = \" \")",
                    "    String host) {}"),
                destination())
            .on("TestConfig", "name = \" \""),
        ErrorCase.of(Message.REJECTED_RECORDS_PLACE, "rejected-records settings nested in a group object",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(@Property(title = \"Advanced\") Advanced advanced) {",
                    "  public record Advanced(",
                    "      @Property(title = \"Rejected\", required = false)",
                    "      io.destkit.runtime.rejected.RejectedRecordsFiles rejected) {}",
                    "}"),
                destination())
            .on("TestConfig", "RejectedRecordsFiles rejected")
            .saying("it is nested in Advanced"),
        ErrorCase.of(Message.REJECTED_RECORDS_TWICE, "two rejected-records properties",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Rejected\", required = false)",
                    "    io.destkit.runtime.rejected.RejectedRecordsFiles rejected,",
                    "    @Property(title = \"Again\", required = false)",
                    "    io.destkit.runtime.rejected.RejectedRecordsFiles again) {}"),
                destination())
            .on("TestConfig", "RejectedRecordsFiles again")
            .saying("'rejected' and 'again'"),
        ErrorCase.of(Message.OPTIONAL_PRIMITIVE, "an optional int without default",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Port\",",
                    "        required = false)",
                    "    int port) {}"),
                destination())
            .on("TestConfig", "required = false")
            .saying("Optional property 'port' has primitive type int"),
        ErrorCase.of(Message.ORDER_DUPLICATE, "two properties with order 1",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(order = 1, title = \"Host\") String host,",
                    "    @Property(title = \"User\",",
                    "        order = 1)",
                    "    String user) {}"),
                destination())
            .on("TestConfig", "order = 1)")
            .saying("Properties 'host' and 'user' of TestConfig both have order 1"),
        ErrorCase.of(Message.ORDER_NEGATIVE, "order -2",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Host\",",
                    "        order = -2)",
                    "    String host) {}"),
                destination())
            .on("TestConfig", "order = -2")
            .saying("@Property order -2 is negative"),
        ErrorCase.of(Message.SECRET_TYPE, "a @Secret int",
                config(
                    "@ConnectorConfig",
                    "public class TestConfig {",
                    "  @Secret",
                    "  int password;",
                    "}"),
                destination())
            .on("TestConfig", "@Secret")
            .saying("@Secret property 'password' must be a String, not int"),
        ErrorCase.of(Message.SECRET_TOSTRING, "a record with a @Secret and the generated toString()",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    String user,",
                    "    @Secret String password) {}"),
                destination())
            .on("TestConfig", "public record TestConfig")
            .saying("Record TestConfig holds @Secret 'password'", "Override toString()"),
        ErrorCase.of(Message.DEFAULT_TYPE, "a default that is not a number, for an int",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Port\",",
                    "        defaultValue = \"many\")",
                    "    int port) {}"),
                destination())
            .on("TestConfig", "defaultValue = \"many\"")
            .saying("Default value 'many' of 'port' is not a valid int. Write a whole number in digits"),
        ErrorCase.of(Message.DEFAULT_ENUM, "a default that is none of the enum's values",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Mode\",",
                    "        defaultValue = \"slow\")",
                    "    Mode mode) {",
                    "  public enum Mode { FAST, @EnumValue(\"safe\") SAFE }",
                    "}"),
                destination())
            .on("TestConfig", "defaultValue = \"slow\"")
            .saying("Default value 'slow' of 'mode' is none of its enum's values: FAST, safe."),
        ErrorCase.of(Message.DEFAULT_RANGE, "a default above the @Range",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Port\",",
                    "        defaultValue = \"70000\")",
                    "    @Range(min = 1, max = 65535)",
                    "    int port) {}"),
                destination())
            .on("TestConfig", "defaultValue = \"70000\"")
            .saying("Default value 70000 of 'port' is outside its @Range [1, 65535]"),
        ErrorCase.of(Message.DEFAULT_PATTERN, "a default that does not match the @Pattern",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Schema\",",
                    "        defaultValue = \"Main\")",
                    "    @Pattern(\"^[a-z]+$\")",
                    "    String schema) {}"),
                destination())
            .on("TestConfig", "defaultValue = \"Main\"")
            .saying("Default value 'Main' of 'schema' does not match its @Pattern ^[a-z]+$"),
        ErrorCase.of(Message.EXAMPLE_TYPE, "the second example of an int is a word",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Property(title = \"Port\", examples = {",
                    "        \"5432\",",
                    "        \"five\"})",
                    "    int port) {}"),
                destination())
            .on("TestConfig", "\"five\"")
            .saying("Example 'five' of 'port' is not a valid int"),
        ErrorCase.of(Message.RANGE_TYPE, "@Range on a String",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Range(min = 1)",
                    "    String host) {}"),
                destination())
            .on("TestConfig", "@Range(min = 1)")
            .saying("@Range on 'host' needs a numeric property, not java.lang.String"),
        ErrorCase.of(Message.RANGE_EMPTY, "@Range with min above max",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Range(min = 10, max = 1)",
                    "    int port) {}"),
                destination())
            .on("TestConfig", "@Range(min = 10, max = 1)")
            .saying("@Range on 'port' has min 10 greater than max 1"),
        ErrorCase.of(Message.PATTERN_TYPE, "@Pattern on an int",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Pattern(",
                    "        \"^[0-9]+$\")",
                    "    int port) {}"),
                destination())
            .on("TestConfig", "\"^[0-9]+$\"")
            .saying("@Pattern on 'port' needs a String property, not int"),
        ErrorCase.of(Message.PATTERN_INVALID, "@Pattern with an unclosed character class",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(",
                    "    @Pattern(",
                    "        \"^[a-z+$\")",
                    "    String schema) {}"),
                destination())
            .on("TestConfig", "\"^[a-z+$\"")
            .saying("@Pattern on 'schema' is not a valid regular expression: Unclosed character class"),
        ErrorCase.of(Message.GROUP_UNKNOWN, "a misspelt group",
                config(
                    "@ConnectorConfig(groups = @Group(id = \"connection\"))",
                    "public record TestConfig(",
                    "    @Property(title = \"Host\",",
                    "        group = \"conection\")",
                    "    String host) {}"),
                destination())
            .on("TestConfig", "group = \"conection\"")
            .saying("Group 'conection' of 'host' is not declared"),
        ErrorCase.of(Message.GROUP_NESTED, "a group on a property of a nested record",
                config(
                    "@ConnectorConfig(groups = @Group(id = \"connection\"))",
                    "public record TestConfig(Endpoint endpoint) {",
                    "  public record Endpoint(",
                    "      @Property(title = \"Host\",",
                    "          group = \"connection\")",
                    "      String host) {}",
                    "}"),
                destination())
            .on("TestConfig", "group = \"connection\"")
            .saying("Group 'connection' of 'host': only top-level properties can be grouped"),
        ErrorCase.of(Message.GROUP_DUPLICATE, "a group declared twice",
                config(
                    "@ConnectorConfig(groups = {",
                    "    @Group(id = \"connection\"),",
                    "    @Group(id = \"connection\", title = \"Again\")})",
                    "public record TestConfig(String host) {}"),
                destination())
            .on("TestConfig", "title = \"Again\"")
            .saying("Group 'connection' is declared twice"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports(ErrorCase mistake) {
    mistake.verify();
  }

  @Test
  void reportsEveryProblemOfAConfigInOnePass() {
    JavaFileObject config = config(
        "@ConnectorConfig(groups = @Group(id = \"connection\"))",
        "public class TestConfig {",
        "  @Secret",
        "  int password;",
        "  @Property(defaultValue = \"many\")",
        "  int port;",
        "  @Property(group = \"advanced\")",
        "  String host;",
        "}");
    Compilation compilation = Compilations.compile(config, destination());
    assertThat(compilation).hadErrorContaining(Message.SECRET_TYPE.code()).inFile(config).onLineContaining("@Secret");
    assertThat(compilation).hadErrorContaining(Message.DEFAULT_TYPE.code()).inFile(config)
        .onLineContaining("defaultValue = \"many\"");
    assertThat(compilation).hadErrorContaining(Message.GROUP_UNKNOWN.code()).inFile(config)
        .onLineContaining("group = \"advanced\"");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void reportsTheMissingToStringOnceForARecordWithTwoSecrets() {
    JavaFileObject config = config(
        "@ConnectorConfig",
        "public record TestConfig(",
        "    @Secret String password,",
        "    @Secret String token) {}");
    Compilation compilation = Compilations.compile(config, destination());
    assertThat(compilation).hadErrorContaining(Message.SECRET_TOSTRING.code()).inFile(config)
        .onLineContaining("public record TestConfig");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void reportsAnUnsupportedTypeInsideAList() {
    JavaFileObject config = config(
        "@ConnectorConfig",
        "public record TestConfig(",
        "    java.util.List<java.util.Map<String, String>> labels) {}");
    Compilation compilation = Compilations.compile(config, destination());
    assertThat(compilation).hadErrorContaining(Message.TYPE_UNSUPPORTED.code()).inFile(config)
        .onLineContaining("labels");
    assertThat(compilation).hadErrorContaining("'labels' has type java.util.Map").inFile(config)
        .onLineContaining("labels");
    assertThat(compilation).hadErrorCount(1);
  }
}
