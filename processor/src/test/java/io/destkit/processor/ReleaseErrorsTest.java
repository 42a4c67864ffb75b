package io.destkit.processor;

import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destination;
import static io.destkit.processor.ConnectorSources.destinationWith;

import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Mistakes in what the image and metadata.yaml are made of (repository, license, declared breaking changes, the
 * version the build gives) and a spec that breaks the released one.
 */
class ReleaseErrorsTest {
  private static final String BREAKING = "@BreakingChange(version = \"2.0.0\", upgradeDeadline = \"2025-12-31\",";

  static List<ErrorCase> cases() {
    return List.of(
        ErrorCase.of(Message.CONNECTOR_DOCKER_REPOSITORY, "an image repository with capitals and a tag",
                config(), destinationWith(List.of("    dockerRepository = \"Acme/destination-test:1.0\","), List.of()))
            .on("TestDestination", "dockerRepository = \"Acme/destination-test:1.0\"")
            .saying("'Acme/destination-test:1.0' is not a Docker image repository"),
        ErrorCase.of(Message.CONNECTOR_LICENSE, "a blank license",
                config(), destinationWith(List.of("    license = \" \","), List.of()))
            .on("TestDestination", "license = \" \"")
            .saying("license must not be blank"),
        ErrorCase.of(Message.BREAKING_CHANGE_OUTSIDE, "@BreakingChange on the config record",
                config(
                    "@ConnectorConfig",
                    BREAKING,
                    "    message = \"Set host.\")",
                    "public record TestConfig(String host) {}"),
                destination())
            .on("TestConfig", BREAKING)
            .saying("@BreakingChange on TestConfig, which is not a @Destination class"),
        ErrorCase.of(Message.BREAKING_CHANGE_VERSION, "a breaking change in a minor version after 1.0.0",
                config(), destinationWith(List.of(), List.of(
                    "@BreakingChange(",
                    "    version = \"2.1.0\",",
                    "    upgradeDeadline = \"2025-12-31\", message = \"Set host.\")")))
            .on("TestDestination", "version = \"2.1.0\"")
            .saying("'2.1.0' must be a release x.y.z that starts a new major version (x.0.0)"),
        ErrorCase.of(Message.BREAKING_CHANGE_DEADLINE, "a deadline that is not an ISO date",
                config(), destinationWith(List.of(), List.of(
                    "@BreakingChange(version = \"2.0.0\",",
                    "    upgradeDeadline = \"31/12/2025\",",
                    "    message = \"Set host.\")")))
            .on("TestDestination", "upgradeDeadline = \"31/12/2025\"")
            .saying("upgradeDeadline '31/12/2025' of version 2.0.0 must be a date written YYYY-MM-DD"),
        ErrorCase.of(Message.BREAKING_CHANGE_MESSAGE, "a breaking change that tells users nothing",
                config(), destinationWith(List.of(), List.of(
                    BREAKING,
                    "    message = \"\")")))
            .on("TestDestination", "message = \"\"")
            .saying("message of version 2.0.0 must not be blank"),
        ErrorCase.of(Message.BREAKING_CHANGE_DUPLICATE, "two breaking changes for one version",
                config(), destinationWith(List.of(), List.of(
                    BREAKING + " message = \"Set host.\")",
                    BREAKING + " message = \"Set port.\")")))
            // javac builds the @BreakingChanges container of repeated annotations itself, with no source position
            // for its entries: the error can only sit on the class.
            .on("TestDestination", "public class TestDestination")
            .saying("Version 2.0.0 has two @BreakingChange declarations"),
        ErrorCase.of(Message.OPTION_VERSION, "a version with build metadata, which no image tag can hold",
                config(), destination())
            .withOptions("-Adestkit.connectorVersion=1.0.0+build.7")
            .on("TestDestination", "@Destination(")
            .saying("destkit.connectorVersion '1.0.0+build.7' cannot be an image tag"),
        ErrorCase.of(Message.RELEASED_SPEC_INVALID, "a released spec file that is not JSON",
                config(), destination())
            .withOptions(Compilations.resourceOption("destkit.releasedSpec", "compat/not-json.json"))
            .on("TestDestination", "@Destination(")
            .saying("not-json.json (processor option destkit.releasedSpec) cannot be read: it is not JSON: line 3"),
        ErrorCase.of(Message.SPEC_BREAKING, "a property of the released spec removed, no breaking change declared",
                config(), destination())
            .withOptions(Compilations.resourceOption("destkit.releasedSpec", "compat/released-spec.json"),
                "-Adestkit.connectorVersion=1.1.0")
            .on("TestDestination", "@Destination(")
            .saying("  - $.port: removed (or renamed)", "declare @BreakingChange(version = \"x.0.0\"",
                "on TestDestination; the version being built is 1.1.0"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reports(ErrorCase mistake) {
    mistake.verify();
  }
}
