package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static io.destkit.processor.ConnectorSources.config;
import static io.destkit.processor.ConnectorSources.destinationWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The build-time check of the spec against the released one ({@code compat/released-spec.json}: a required string
 * {@code host}, an optional integer {@code port} with default 5432), as a connector's build runs it.
 */
class ReleasedSpecCheckTest {
  private static final String RELEASED =
      Compilations.resourceOption("destkit.releasedSpec", "compat/released-spec.json");
  /** The config of the released spec, without {@code port}: a breaking change. */
  private static final JavaFileObject WITHOUT_PORT = config("@ConnectorConfig",
      "public record TestConfig(String host) {}");
  private static final List<String> ACKNOWLEDGED = List.of(
      "@BreakingChange(version = \"2.0.0\", upgradeDeadline = \"2025-12-31\",",
      "    message = \"The port is now part of the host: write host:port.\")");

  @Test
  void compatibleChangesPass() {
    JavaFileObject config = config("@ConnectorConfig",
        "public record TestConfig(String host, @Property(defaultValue = \"5432\") long port,",
        "    @Property(required = false) String schema) {}");
    Compilation compilation = compile(List.of(RELEASED, "-Adestkit.connectorVersion=1.1.0"), config, List.of());
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aBreakingChangeFailsTheBuildOnTheDestinationNamingEachChange() {
    JavaFileObject config = config("@ConnectorConfig",
        "public record TestConfig(String host, @Property(defaultValue = \"5432\") @Range(min = 1024) int port,",
        "    String region) {}");
    JavaFileObject destination = destinationWith(List.of(), List.of());
    Compilation compilation = Compilations.compileWith(List.of(RELEASED, "-Adestkit.connectorVersion=1.1.0"), config,
        destination);
    assertThat(compilation).hadErrorContaining(Message.SPEC_BREAKING.code()).inFile(destination)
        .onLineContaining("@Destination(");
    assertThat(compilation).hadErrorContaining("released-spec.json:");
    assertThat(compilation).hadErrorContaining("  - $.port: minimum raised from none to 1024");
    assertThat(compilation).hadErrorContaining("  - $.region: new required field without default");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aBreakingChangeDeclaredForTheVersionBeingBuiltPasses() {
    Compilation compilation = compile(List.of(RELEASED, "-Adestkit.connectorVersion=2.0.0"), WITHOUT_PORT, ACKNOWLEDGED);
    assertThat(compilation).succeededWithoutWarnings();
    String metadata = Compilations.resourceText(compilation, "metadata.yaml");
    assertTrue(metadata.contains("""
          releases:
            breakingChanges:
              2.0.0:
                upgradeDeadline: "2025-12-31"
                message: "The port is now part of the host: write host:port."
        """), metadata);
  }

  @Test
  void aSnapshotOfTheBreakingReleaseIsAcknowledgedToo() {
    Compilation compilation = compile(List.of(RELEASED, "-Adestkit.connectorVersion=2.0.0-SNAPSHOT"), WITHOUT_PORT,
        ACKNOWLEDGED);
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void aBreakingChangeDeclaredForAnotherVersionDoesNotAcknowledge() {
    Compilation compilation = compile(List.of(RELEASED, "-Adestkit.connectorVersion=3.0.0"), WITHOUT_PORT,
        ACKNOWLEDGED);
    assertThat(compilation).hadErrorContaining(Message.SPEC_BREAKING.code());
    assertThat(compilation).hadErrorContaining("the version being built is 3.0.0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void withoutAVersionNoBreakingChangeCanBeAcknowledged() {
    Compilation compilation = compile(List.of(RELEASED), WITHOUT_PORT, ACKNOWLEDGED);
    assertThat(compilation).hadErrorContaining("the version being built is dev (processor option destkit.connectorVersion)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void withoutAReleasedSpecFileNothingIsCheckedAndANoteSaysSo() {
    String missing = RELEASED.replace("released-spec.json", "never-released.json");
    Compilation compilation = compile(List.of(missing), WITHOUT_PORT, List.of());
    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).hadNoteContaining(Message.RELEASED_SPEC_ABSENT.code());
    assertThat(compilation).hadNoteContaining("never-released.json (processor option destkit.releasedSpec)");
  }

  @Test
  void theSpecMessageOfTheReleasedJarIsReadToo() {
    String message = Compilations.resourceOption("destkit.releasedSpec", "compat/released-spec-message.json");
    JavaFileObject compatible = config("@ConnectorConfig",
        "public record TestConfig(String host, @Property(required = false) Long port) {}");
    assertThat(compile(List.of(message), compatible, List.of())).succeededWithoutWarnings();
    Compilation breaking = compile(List.of(message), WITHOUT_PORT, List.of());
    assertThat(breaking).hadErrorContaining("  - $.port: removed (or renamed)");
  }

  @Test
  void aFileThatIsNotASpecIsAnError() {
    JavaFileObject destination = destinationWith(List.of(), List.of());
    Compilation compilation = Compilations.compileWith(
        List.of(Compilations.resourceOption("destkit.releasedSpec", "compat/not-a-spec.json")), WITHOUT_PORT,
        destination);
    assertThat(compilation).hadErrorContaining(Message.RELEASED_SPEC_INVALID.code()).inFile(destination)
        .onLineContaining("@Destination(");
    assertThat(compilation).hadErrorContaining("it has no connectionSpecification object");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void breakingReleasesAreNewMajorsOrNewMinorsBeforeOne() {
    List<String> annotations = new ArrayList<>();
    for (String version : List.of("0.2.0", "1.0.0", "12.0.0")) {
      annotations.add("@BreakingChange(version = \"" + version + "\", upgradeDeadline = \"2024-02-29\",");
      annotations.add("    message = \"m\")");
    }
    assertThat(compile(List.of(), WITHOUT_PORT, annotations)).succeededWithoutWarnings();
  }

  private static Compilation compile(List<String> options, JavaFileObject config, List<String> annotations) {
    return Compilations.compileWith(options, config, destinationWith(List.of(), annotations));
  }
}
