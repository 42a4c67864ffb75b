package io.destkit.templates;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * An author's edit-build loop on a project scaffolded from the minimal archetype, with the Maven that runs this build:
 * every input of the destkit processor besides the Java sources (schema files, the released spec, processor options)
 * is seen by a plain {@code mvn package}, never needing {@code clean}, and a build with no change compiles nothing.
 * The steps run in order on one project, as an author's builds would.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class IncrementalBuildIT {
  private static final String NOTHING_TO_COMPILE = "Nothing to compile - all classes are up to date";

  private Path project;
  private Path settings;
  private int builds;

  @BeforeAll
  void scaffoldAndBuild() throws Exception {
    Path work = Path.of("target", "incremental-it").toAbsolutePath();
    deleteTree(work);
    Files.createDirectories(work);
    settings = work.resolve("settings.xml");
    Files.writeString(settings, settingsXml(Path.of(property("destkit.it.buildRepository"))));
    Build generated = mvn(work, "org.apache.maven.plugins:maven-archetype-plugin:"
            + property("destkit.it.archetypePlugin") + ":generate",
        "-DarchetypeGroupId=io.destkit", "-DarchetypeArtifactId=destkit-archetype-minimal",
        "-DarchetypeVersion=" + property("destkit.it.version"), "-DgroupId=com.example",
        "-DartifactId=destination-acme", "-Dversion=0.1.0", "-Dpackage=com.example.acme");
    generated.assertSucceeded();
    project = work.resolve("destination-acme");
    mvn(project, "package").assertSucceeded();
  }

  @Test
  @Order(1)
  void aFieldAddedToASchemaIsInTheGeneratedClassWithoutClean() throws Exception {
    Path schema = project.resolve("src/main/resources/schemas/users.json");
    String before = Files.readString(schema);
    String after = before.replace("\"email\": {\"type\": [\"null\", \"string\"]},",
        "\"email\": {\"type\": [\"null\", \"string\"]},\n    \"nickname\": {\"type\": [\"null\", \"string\"]},");
    assertFalse(before.equals(after), "the archetype's users.json no longer has the email line this test edits");
    Files.writeString(schema, after);

    Build build = mvn(project, "package");

    build.assertSucceeded();
    assertTrue(build.compileSection().contains("Compiling"), "the schema change did not recompile:\n" + build.log());
    String user = Files.readString(generated("com/example/acme/User.java"));
    assertTrue(user.contains("private String nickname;"), "User.java has no nickname field:\n" + user);
  }

  @Test
  @Order(2)
  void anInvalidSchemaFailsNamingFileAndPathThenTheFixPasses() throws Exception {
    Path schema = project.resolve("src/main/resources/schemas/users.json");
    String valid = Files.readString(schema);
    Files.writeString(schema, valid.replace("\"nickname\": {\"type\": [\"null\", \"string\"]}",
        "\"nickname\": {\"type\": [\"null\", \"strnig\"]}"));

    Build broken = mvn(project, "package");
    broken.assertFailed();
    assertTrue(broken.log().contains("[destkit:stream-schema-invalid]"), broken.log());
    assertTrue(broken.log().contains("(schemas/users.json) is not a valid JSON schema at $.properties.nickname.type[1]"),
        broken.log());
    assertTrue(broken.log().contains("AcmeDestination.java"), "the error is not on the @Stream's class:\n"
        + broken.log());

    Build stillBroken = mvn(project, "package");
    stillBroken.assertFailed();
    assertTrue(stillBroken.log().contains("[destkit:stream-schema-invalid]"),
        "a second build forgot the error:\n" + stillBroken.log());

    Files.writeString(schema, "{ not json");
    Build notJson = mvn(project, "package");
    notJson.assertFailed();
    assertTrue(notJson.log().contains("[destkit:stream-schema-json]"), notJson.log());

    Files.writeString(schema, valid);
    mvn(project, "package").assertSucceeded();
  }

  @Test
  @Order(3)
  void aReleasedSpecThatTheSpecBreaksFailsTheBuildWithoutClean() throws Exception {
    Path released = project.resolve("src/main/spec/released-spec.json");
    Files.createDirectories(released.getParent());
    String spec = Files.readString(project.resolve("target/classes/META-INF/destkit/spec.json"));
    Files.writeString(released, spec);
    mvn(project, "package").assertSucceeded();

    // The released spec had a property the current spec no longer has: configs made with it would break.
    Files.writeString(released, spec.replaceFirst("\"properties\"\\s*:\\s*\\{",
        "\"properties\": {\"legacy_option\": {\"type\": \"string\", \"title\": \"Legacy option\"},"));
    Build breaking = mvn(project, "package");

    breaking.assertFailed();
    assertTrue(breaking.log().contains("[destkit:spec-breaking]"), breaking.log());
    assertTrue(breaking.log().contains("$.legacy_option: removed"), breaking.log());

    Files.delete(released);
    mvn(project, "package").assertSucceeded();
  }

  @Test
  @Order(4)
  void aNewConnectorVersionReachesTheDockerfileAndMetadataWithoutClean() throws Exception {
    Path pom = project.resolve("pom.xml");
    String text = Files.readString(pom);
    Files.writeString(pom, text.replaceFirst("<version>0\\.1\\.0</version>", "<version>0.2.0</version>"));

    mvn(project, "package").assertSucceeded();

    String dockerfile = Files.readString(project.resolve("target/classes/META-INF/destkit/Dockerfile"));
    String metadata = Files.readString(project.resolve("target/classes/META-INF/destkit/metadata.yaml"));
    assertTrue(dockerfile.contains("LABEL io.airbyte.version=\"0.2.0\""), dockerfile);
    assertTrue(metadata.contains("dockerImageTag: 0.2.0"), metadata);
  }

  @Test
  @Order(5)
  void aBuildWithNoChangeCompilesNothing() throws Exception {
    Build build = mvn(project, "package");

    build.assertSucceeded();
    assertTrue(build.compileSection().contains(NOTHING_TO_COMPILE),
        "the main compile ran again without a change:\n" + build.compileSection());
  }

  @Test
  @Order(6)
  void aRemovedSchemaFailsTheBuildWithoutClean() throws Exception {
    Path schema = project.resolve("src/main/resources/schemas/users.json");
    String content = Files.readString(schema);
    Files.delete(schema);

    Build build = mvn(project, "package");
    build.assertFailed();
    assertTrue(build.log().contains("[destkit:stream-schema-missing]"), build.log());

    Files.writeString(schema, content);
    mvn(project, "package").assertSucceeded();
  }

  /** A file the processor generated into the compiler's generated-sources folder. */
  private Path generated(String path) {
    return project.resolve("target/generated-sources/annotations").resolve(path);
  }

  /** Runs Maven in {@code folder}, offline from the network: this build's artifacts, through the settings. */
  private Build mvn(Path folder, String... goals) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(property("destkit.it.mavenHome"), "bin", "mvn").toString());
    command.addAll(List.of("-B", "-s", settings.toString(),
        "-Dmaven.repo.local=" + property("destkit.it.repository"), "-DskipTests"));
    command.addAll(List.of(goals));
    Path log = folder.getParent().resolve("build-" + (++builds) + ".log");
    Process process = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("mvn " + String.join(" ", goals) + " did not finish in 5 minutes; see " + log);
    }
    return new Build(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
  }

  /** What one Maven run printed and how it ended. */
  private record Build(int exitCode, String log) {
    void assertSucceeded() {
      assertEquals(0, exitCode, "the build failed:\n" + log);
    }

    void assertFailed() {
      assertTrue(exitCode != 0, "the build passed:\n" + log);
    }

    /** What maven-compiler-plugin printed for the main sources. */
    String compileSection() {
      Matcher section = Pattern.compile("\\(default-compile\\)[^\\n]*\\n(.*?)(\\n\\[INFO] --- |\\z)", Pattern.DOTALL)
          .matcher(log);
      assertTrue(section.find(), "no main compile in the build:\n" + log);
      return section.group(1);
    }
  }

  private static String settingsXml(Path buildRepository) {
    String url = buildRepository.toUri().toString();
    return """
        <settings>
          <mirrors>
            <mirror><id>build-local-repository</id><mirrorOf>*</mirrorOf><url>%1$s</url></mirror>
          </mirrors>
          <profiles>
            <profile>
              <id>build-local-repository</id>
              <repositories>
                <repository><id>build-local-repository</id><url>%1$s</url>
                  <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots></repository>
              </repositories>
              <pluginRepositories>
                <pluginRepository><id>build-local-repository</id><url>%1$s</url>
                  <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                  <snapshots><enabled>false</enabled></snapshots></pluginRepository>
              </pluginRepositories>
            </profile>
          </profiles>
          <activeProfiles><activeProfile>build-local-repository</activeProfile></activeProfiles>
        </settings>
        """.formatted(url);
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set: run this test through Maven");
    }
    return value;
  }

  private static void deleteTree(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (var files = Files.walk(folder)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }
}
