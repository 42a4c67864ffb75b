package io.destkit.processor;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * Inline sources of a minimal connector in package {@code test.pkg}: the destination {@code TestDestination} and its
 * config {@code TestConfig}, one file each, every annotation of {@code io.destkit.annotations} imported. Tests change
 * one of them to hold exactly one mistake.
 */
final class ConnectorSources {
  private ConnectorSources() {}

  /** The file of {@code test.pkg.<simpleName>}: package, import, then {@code lines}. */
  static JavaFileObject file(String simpleName, String... lines) {
    List<String> all = new ArrayList<>(List.of("package test.pkg;", "", "import io.destkit.annotations.*;", ""));
    all.addAll(List.of(lines));
    return Compilations.source("test.pkg." + simpleName, all.toArray(String[]::new));
  }

  /** {@code TestDestination}, valid, with {@code body} as its members; each attribute on a line of its own. */
  static JavaFileObject destination(String... body) {
    return destinationWith("destination-test", "https://example.com/docs", "TestConfig.class", body);
  }

  /** {@code TestDestination} with the given attribute values ({@code config} as written, e.g. "X.class"). */
  static JavaFileObject destinationWith(String name, String documentationUrl, String config, String... body) {
    List<String> lines = new ArrayList<>(List.of(
        "@Destination(",
        "    name = \"" + name + "\",",
        "    documentationUrl = \"" + documentationUrl + "\",",
        "    config = " + config + ")",
        "public class TestDestination {"));
    lines.addAll(List.of(body));
    lines.add("}");
    return file("TestDestination", lines.toArray(String[]::new));
  }

  /**
   * {@code TestDestination}, valid, with more lines inside {@code @Destination(...)} ({@code attributes}, each
   * ending in a comma), then {@code annotations} before the class, then {@code body} as its members.
   */
  static JavaFileObject destinationWith(List<String> attributes, List<String> annotations, String... body) {
    List<String> lines = new ArrayList<>(List.of("@Destination("));
    lines.addAll(attributes);
    lines.addAll(List.of(
        "    name = \"destination-test\",",
        "    documentationUrl = \"https://example.com/docs\",",
        "    config = TestConfig.class)"));
    lines.addAll(annotations);
    lines.add("public class TestDestination {");
    lines.addAll(List.of(body));
    lines.add("}");
    return file("TestDestination", lines.toArray(String[]::new));
  }

  /** {@code TestConfig} as {@code lines}, annotations included. */
  static JavaFileObject config(String... lines) {
    return file("TestConfig", lines);
  }

  /** {@code TestConfig}, valid: a record with one String. */
  static JavaFileObject config() {
    return config("@ConnectorConfig", "public record TestConfig(String host) {}");
  }
}
