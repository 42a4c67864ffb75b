package io.destkit.processor;

import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destination;

import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes in a choice of config values: a {@code @OneOf} sealed interface and its {@code @Choice} implementations.
 * Every case changes one part of a valid tunnel choice, {@code direct} or {@code ssh} told apart by {@code kind}.
 */
class ChoiceErrorsTest {

  static List<ErrorCase> cases() {
    return List.of(
        ErrorCase.of(Message.ONEOF_NOT_SEALED, "a plain interface as a property type",
                tunnelConfig(
                    "  public interface Tunnel {}"),
                destination())
            .on("TestConfig", "Tunnel tunnel")
            .saying("test.pkg.TestConfig.Tunnel is used as a choice of config values but is not a sealed interface"),
        ErrorCase.of(Message.ONEOF_EMPTY, "a @OneOf interface that permits nothing",
                tunnelConfig(
                    "  @OneOf(discriminator = \"kind\")",
                    "  public sealed interface Tunnel {}"),
                destination())
            .on("TestConfig", "@OneOf(discriminator = \"kind\")")
            .saying("@OneOf interface Tunnel permits no implementation"),
        ErrorCase.of(Message.ONEOF_DISCRIMINATOR, "an empty discriminator",
                tunnelConfig(
                    "  @OneOf(",
                    "      discriminator = \"\")",
                    "  public sealed interface Tunnel permits Direct, Ssh {}",
                    "",
                    "  @Choice(\"direct\")",
                    "  public record Direct() implements Tunnel {}",
                    "",
                    "  @Choice(\"ssh\")",
                    "  public record Ssh(String host) implements Tunnel {}"),
                destination())
            .on("TestConfig", "@OneOf(")
            .saying("@OneOf discriminator of Tunnel must not be empty"),
        ErrorCase.of(Message.CHOICE_MISSING, "a permitted record without @Choice",
                tunnelConfig(
                    "  @OneOf(discriminator = \"kind\")",
                    "  public sealed interface Tunnel permits Direct, Ssh {}",
                    "",
                    "  @Choice(\"direct\")",
                    "  public record Direct() implements Tunnel {}",
                    "",
                    "  public record Ssh(String host) implements Tunnel {}"),
                destination())
            .on("TestConfig", "public record Ssh(")
            .saying("Ssh implements @OneOf Tunnel but has no @Choice",
                "the value its discriminator 'kind' takes"),
        ErrorCase.of(Message.CHOICE_DUPLICATE, "two choices with one value",
                tunnelConfig(
                    "  @OneOf(discriminator = \"kind\")",
                    "  public sealed interface Tunnel permits Direct, Ssh {}",
                    "",
                    "  @Choice(\"direct\")",
                    "  public record Direct() implements Tunnel {}",
                    "",
                    "  @Choice(title = \"SSH\",",
                    "      value = \"direct\")",
                    "  public record Ssh(String host) implements Tunnel {}"),
                destination())
            .on("TestConfig", "value = \"direct\"")
            .saying("@Choice value 'direct' of Ssh is also the value of Direct"),
        ErrorCase.of(Message.CHOICE_EMPTY, "an empty @Choice value",
                tunnelConfig(
                    "  @OneOf(discriminator = \"kind\")",
                    "  public sealed interface Tunnel permits Direct, Ssh {}",
                    "",
                    "  @Choice(\"direct\")",
                    "  public record Direct() implements Tunnel {}",
                    "",
                    "  @Choice(title = \"SSH\",",
                    "      value = \"\")",
                    "  public record Ssh(String host) implements Tunnel {}"),
                destination())
            .on("TestConfig", "value = \"\"")
            .saying("@Choice value of Ssh must not be empty"),
        ErrorCase.of(Message.CHOICE_DISCRIMINATOR_CLASH, "a choice's property named like the discriminator",
                tunnelConfig(
                    "  @OneOf(discriminator = \"kind\")",
                    "  public sealed interface Tunnel permits Direct, Ssh {}",
                    "",
                    "  @Choice(\"direct\")",
                    "  public record Direct() implements Tunnel {}",
                    "",
                    "  @Choice(\"ssh\")",
                    "  public record Ssh(",
                    "      String host,",
                    "      String kind) implements Tunnel {}"),
                destination())
            .on("TestConfig", "String kind")
            .saying("Property 'kind' of Ssh has the name of the discriminator of Tunnel"));
  }

  /** {@code TestConfig} with one property, {@code Tunnel tunnel}, and {@code members} declaring Tunnel. */
  private static JavaFileObject tunnelConfig(String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "@ConnectorConfig",
        "public record TestConfig(",
        "    Tunnel tunnel) {"));
    lines.addAll(List.of(members));
    lines.add("}");
    return config(lines.toArray(String[]::new));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports(ErrorCase mistake) {
    mistake.verify();
  }
}
