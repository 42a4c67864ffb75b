package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destination;
import static io.destkit.processor.ConnectorSources.destinationWith;
import static io.destkit.processor.ConnectorSources.file;

import com.google.testing.compile.Compilation;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Mistakes in the {@code @Destination} class: its attributes, its check method, and how it meets its config. */
class ConnectorErrorsTest {

  static List<ErrorCase> cases() {
    return List.of(
        ErrorCase.of(Message.CONNECTOR_DUPLICATE, "two @Destination classes in one compilation",
                config(), destination(),
                file("OtherConfig", "@ConnectorConfig", "public record OtherConfig(String host) {}"),
                file("OtherDestination",
                    "@Destination(name = \"destination-other\", documentationUrl = \"https://example.com/other\",",
                    "    config = OtherConfig.class)",
                    "public class OtherDestination {}"))
            .on("OtherDestination", "@Destination(name = \"destination-other\"")
            .saying("test.pkg.TestDestination is one already"),
        ErrorCase.of(Message.CONNECTOR_NAME, "a name with capitals and an underscore",
                config(), destinationWith("Destination_Test", "https://example.com/docs", "TestConfig.class"))
            .on("TestDestination", "name = \"Destination_Test\"")
            .saying("'Destination_Test' must be lower case letters"),
        ErrorCase.of(Message.CONNECTOR_DOCUMENTATION_URL, "a documentation URL without scheme",
                config(), destinationWith("destination-test", "example.com/docs", "TestConfig.class"))
            .on("TestDestination", "documentationUrl = \"example.com/docs\"")
            .saying("'example.com/docs' must be an absolute http or https URL"),
        ErrorCase.of(Message.CONNECTOR_CONSTRUCT, "no constructor without parameters",
                config(), destination("  TestDestination(String region) {}"))
            .on("TestDestination", "public class TestDestination")
            .saying("cannot create TestDestination: it has no non-private constructor without parameters"),
        ErrorCase.of(Message.CONFIG_ANNOTATION, "a config class without @ConnectorConfig",
                config("public record TestConfig(String host) {}"), destination())
            .on("TestDestination", "config = TestConfig.class")
            .saying("config test.pkg.TestConfig is not annotated @ConnectorConfig"),
        ErrorCase.of(Message.CONFIG_NO_CONNECTOR, "a second @ConnectorConfig that no destination names",
                config(), destination(),
                file("OtherConfig", "@ConnectorConfig", "public record OtherConfig(String host) {}"))
            .on("OtherConfig", "@ConnectorConfig")
            .saying("@ConnectorConfig OtherConfig is used by no @Destination"),
        ErrorCase.of(Message.TYPE_UNRESOLVED, "a config property of a type that does not exist",
                config("@ConnectorConfig", "public record TestConfig(", "    com.nowhere.Missing value) {}"),
                destination())
            .on("TestDestination", "public class TestDestination")
            .saying("Type com.nowhere.Missing of 'value' never became available, so TestDestination was not processed")
            .andJavac("package com.nowhere does not exist", "TestConfig", "com.nowhere.Missing value"),
        ErrorCase.of(Message.DISCOVER_DUPLICATE, "two @Discover methods",
                config(), destination(
                    "  @Discover",
                    "  java.util.List<io.destkit.runtime.discover.DestinationOperation> objects() {",
                    "    return java.util.List.of();",
                    "  }",
                    "  @Discover",
                    "  java.util.List<io.destkit.runtime.discover.DestinationOperation> more() {",
                    "    return java.util.List.of();",
                    "  }"))
            .on("TestDestination", "> more()")
            .saying("TestDestination has two @Discover methods, objects() and more()"),
        ErrorCase.of(Message.DISCOVER_SIGNATURE, "a @Discover method that returns names",
                config(), destination(
                    "  @Discover",
                    "  java.util.List<String> objects(TestConfig config) {",
                    "    return java.util.List.of();",
                    "  }"))
            .on("TestDestination", "java.util.List<String> objects")
            .saying("@Discover method objects() must be `List<DestinationOperation> objects(TestConfig config)",
                "it does not return List<DestinationOperation>"),
        ErrorCase.of(Message.CHECK_DUPLICATE, "two @Check methods",
                config(), destination(
                    "  @Check",
                    "  void check(TestConfig config) {}",
                    "",
                    "  @Check",
                    "  void checkAgain(TestConfig config) {}"))
            .on("TestDestination", "void checkAgain")
            .saying("TestDestination has two @Check methods, check() and checkAgain()"),
        ErrorCase.of(Message.CHECK_SIGNATURE, "a @Check method that returns a value",
                config(), destination(
                    "  @Check",
                    "  boolean check(TestConfig config) {",
                    "    return true;",
                    "  }"))
            .on("TestDestination", "boolean check(TestConfig config)")
            .saying("must be `void check(TestConfig config) throws Exception`, non-private: it returns a value"),
        ErrorCase.of(Message.CHECK_OUTSIDE, "a @Check method in the config record",
                config(
                    "@ConnectorConfig",
                    "public record TestConfig(String host) {",
                    "  @Check",
                    "  void check() {}",
                    "}"),
                destination())
            .on("TestConfig", "void check()")
            .saying("@Check method check() is in TestConfig, which is not a @Destination class"),
        ErrorCase.of(Message.GENERATED_NAME_TAKEN, "a class named like the generated main class",
                config(), destination(), file("TestDestinationMain", "class TestDestinationMain {}"))
            .on("TestDestinationMain", "class TestDestinationMain")
            .saying("generates the class TestDestinationMain for TestDestination"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports(ErrorCase mistake) {
    mistake.verify();
  }

  @Test
  void reportsProblemsOfTheDestinationItsCheckAndItsConfigInOnePass() {
    JavaFileObject config = config(
        "@ConnectorConfig",
        "public record TestConfig(",
        "    @Range(min = 1)",
        "    String host) {}");
    JavaFileObject destination = destinationWith("Test", "https://example.com/docs", "TestConfig.class",
        "  @Check",
        "  private void check(TestConfig config) {}");
    Compilation compilation = Compilations.compile(config, destination);
    assertThat(compilation).hadErrorContaining(Message.CONNECTOR_NAME.code()).inFile(destination)
        .onLineContaining("name = \"Test\"");
    assertThat(compilation).hadErrorContaining(Message.CHECK_SIGNATURE.code()).inFile(destination)
        .onLineContaining("private void check");
    assertThat(compilation).hadErrorContaining(Message.RANGE_TYPE.code()).inFile(config)
        .onLineContaining("@Range(min = 1)");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void reportsAConfigThatNamesNoClassOnTheValue() {
    JavaFileObject destination = destinationWith("destination-test", "https://example.com/docs", "int.class");
    Compilation compilation = Compilations.compile(destination);
    assertThat(compilation).hadErrorContaining(Message.CONFIG_ANNOTATION.code()).inFile(destination)
        .onLineContaining("config = int.class");
    assertThat(compilation).hadErrorContaining("config int is not annotated @ConnectorConfig").inFile(destination)
        .onLineContaining("config = int.class");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void reportsAConfigClassThatNeverExistsAtTheEnd() {
    JavaFileObject destination = destinationWith("destination-test", "https://example.com/docs", "Missing.class");
    Compilation compilation = Compilations.compile(destination);
    assertThat(compilation).hadErrorContaining(Message.TYPE_UNRESOLVED.code()).inFile(destination)
        .onLineContaining("public class TestDestination");
    assertThat(compilation).hadErrorContaining("cannot find symbol").inFile(destination)
        .onLineContaining("config = Missing.class");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void reportsAnInterfaceAnnotatedDestination() {
    JavaFileObject destination = file("TestDestination",
        "@Destination(name = \"destination-test\", documentationUrl = \"https://example.com/docs\",",
        "    config = TestConfig.class)",
        "public interface TestDestination {}");
    Compilation compilation = Compilations.compile(config(), destination);
    assertThat(compilation).hadErrorContaining(Message.CONNECTOR_CONSTRUCT.code()).inFile(destination)
        .onLineContaining("public interface TestDestination");
    assertThat(compilation).hadErrorContaining("it is not a concrete class").inFile(destination)
        .onLineContaining("public interface TestDestination");
    assertThat(compilation).hadErrorCount(1);
  }
}
