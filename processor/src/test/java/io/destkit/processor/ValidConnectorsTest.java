package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destination;
import static io.destkit.processor.ConnectorSources.destinationWith;
import static io.destkit.processor.ConnectorSources.file;

import com.google.testing.compile.Compilation;
import org.junit.jupiter.api.Test;

/** Variants the annotations allow: each compiles, generated code included, without an error or a lint warning. */
class ValidConnectorsTest {

  @Test
  void classConfigWithPrivateFieldsAndSetters() {
    Compilation compilation = Compilations.compile(
        config(
            "@ConnectorConfig",
            "public class TestConfig {",
            "  private String host;",
            "  @Property(defaultValue = \"5432\")",
            "  private int port;",
            "",
            "  public void setHost(String host) {",
            "    this.host = host;",
            "  }",
            "",
            "  void setPort(int port) {",
            "    this.port = port;",
            "  }",
            "",
            "  public String host() {",
            "    return host + \":\" + port;",
            "  }",
            "}"),
        destination(
            "  @Check",
            "  void check(TestConfig config) throws java.io.IOException {",
            "    if (config.host().isEmpty()) {",
            "      throw new java.io.IOException(\"no host\");",
            "    }",
            "  }"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.pkg.TestConfigReader");
  }

  @Test
  void destinationWithoutCheck() {
    Compilation compilation = Compilations.compile(config(), destination());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.pkg.TestDestinationMain");
  }

  @Test
  void staticCheck() {
    Compilation compilation = Compilations.compile(config(), destination(
        "  @Check",
        "  static void check(TestConfig config) throws Exception {}"));
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void configNestedInTheDestination() {
    Compilation compilation = Compilations.compile(destinationWith("destination-test", "https://example.com/docs",
        "TestDestination.Config.class",
        "  @ConnectorConfig",
        "  public record Config(String host) {}",
        "",
        "  @Check",
        "  void check(Config config) {}"));
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("test.pkg.TestDestinationConfigReader");
  }

  @Test
  void enumWithEnumValues() {
    Compilation compilation = Compilations.compile(
        config(
            "@ConnectorConfig",
            "public record TestConfig(",
            "    @Property(name = \"ssl_mode\", defaultValue = \"verify-full\") SslMode sslMode) {",
            "  public enum SslMode {",
            "    DISABLE,",
            "    @EnumValue(\"verify-full\")",
            "    VERIFY_FULL",
            "  }",
            "}"),
        destination());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void groupsOnTopLevelProperties() {
    Compilation compilation = Compilations.compile(
        config(
            "@ConnectorConfig(groups = {",
            "    @Group(id = \"connection\", title = \"Connection\"),",
            "    @Group(id = \"advanced\")})",
            "public record TestConfig(",
            "    @Property(group = \"connection\") String host,",
            "    @Property(group = \"connection\", defaultValue = \"5432\") int port,",
            "    @Property(group = \"advanced\", required = false) Endpoint replica) {",
            "  public record Endpoint(String host) {}",
            "}"),
        destination());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void recordWithSecretAndItsOwnToString() {
    Compilation compilation = Compilations.compile(
        config(
            "@ConnectorConfig",
            "public record TestConfig(String user, @Secret String password) {",
            "  @Override",
            "  public String toString() {",
            "    return \"TestConfig[user=\" + user + \", password=****]\";",
            "  }",
            "}"),
        destination());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void configFromAnotherFileOfTheSamePackageWithAChoice() {
    Compilation compilation = Compilations.compile(
        config("@ConnectorConfig", "public record TestConfig(Tunnel tunnel) {}"),
        file("Tunnel",
            "@OneOf(discriminator = \"kind\")",
            "public sealed interface Tunnel permits Tunnel.Direct, Tunnel.Ssh {",
            "  @Choice(\"direct\")",
            "  record Direct() implements Tunnel {}",
            "",
            "  @Choice(value = \"ssh\", title = \"SSH\")",
            "  record Ssh(String host, @Property(defaultValue = \"22\") int port) implements Tunnel {}",
            "}"),
        destination());
    assertThat(compilation).succeededWithoutWarnings();
  }
}
