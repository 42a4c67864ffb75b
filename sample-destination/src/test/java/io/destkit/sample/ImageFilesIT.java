package io.destkit.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfile and metadata.yaml the processor wrote for the sample, checked without Docker (which the build does not
 * need): the image's entry point, run as the image would run it with the in-image jar path mapped to the packaged jar,
 * prints the connector's spec; labels and tags carry the version being built.
 */
class ImageFilesIT {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Path MODULE = Path.of(System.getProperty("basedir", "."));
  private static final Path GENERATED = MODULE.resolve("target/classes/META-INF/destkit");
  private static final Path JAR = Path.of(System.getProperty("destkit.sampleJar", "target/sample-destination.jar"));
  private static final String VERSION = System.getProperty("destkit.connectorVersion", "0.1.0-SNAPSHOT");
  private static final String STALE = " (generated files older than the pom's version: rebuild with mvn clean verify)";

  @Test
  void theEntryPointRunsTheJarCopiedIntoTheImage() throws Exception {
    Map<String, String> dockerfile = instructions();
    List<String> entrypoint = words(dockerfile.get("ENTRYPOINT"));
    List<String> copy = words(dockerfile.get("COPY"));
    Path copiedFrom = MODULE.resolve(copy.get(0));
    String inImage = copy.get(1);
    assertEquals(JAR.toRealPath(), copiedFrom.toRealPath(), "the Dockerfile copies the jar the build packages");
    assertEquals("java", entrypoint.get(0));
    assertEquals(List.of("-jar", inImage), entrypoint.subList(entrypoint.size() - 2, entrypoint.size()));

    // The image's java, jar and archive, here: this JVM's java, the packaged jar, an archive in a temporary folder.
    Path archive = Files.createTempDirectory("destkit-image").resolve("connector.jsa");
    List<String> archiveRun = words(dockerfile.get("RUN").lines().filter(l -> l.startsWith("[")).findFirst()
        .orElseThrow(() -> new AssertionError("no RUN that makes the archive: " + dockerfile)));
    Run made = run(local(archiveRun, inImage, copiedFrom, archive));
    assertEquals(0, made.exitCode(), made::toString);
    assertTrue(Files.size(archive) > 0, "the archive is made: " + made);

    List<String> command = local(entrypoint, inImage, copiedFrom, archive);
    command.add("spec");
    Run spec = run(command);
    assertEquals(0, spec.exitCode(), spec::toString);
    assertTrue(spec.stderr().isEmpty(), "the archive is used without a warning: " + spec);
    List<String> lines = spec.stdout().lines().toList();
    assertEquals(1, lines.size(), spec::toString);
    JsonNode message = JSON.readTree(lines.get(0));
    assertEquals("SPEC", message.path("type").asText(), spec::toString);
    assertEquals(JSON.readTree(GENERATED.resolve("spec.json").toFile()), message.get("spec"));
  }

  @Test
  void thePlatformsEntryPointVariableIsTheSameCommand() throws IOException {
    Map<String, String> dockerfile = instructions();
    assertEquals("AIRBYTE_ENTRYPOINT=\"" + String.join(" ", words(dockerfile.get("ENTRYPOINT"))) + "\"",
        dockerfile.get("ENV"));
  }

  @Test
  void theImageRunsAsAirbyteInAWritableAirbyteFolder() throws IOException {
    Map<String, String> dockerfile = instructions();
    assertTrue(dockerfile.get("FROM").startsWith("eclipse-temurin:17-jre"), dockerfile::toString);
    assertEquals("airbyte", dockerfile.get("USER"));
    assertEquals("/airbyte", dockerfile.get("WORKDIR"));
    assertTrue(dockerfile.get("RUN").contains("useradd --uid 1000 --gid 1000 --create-home airbyte"),
        dockerfile::toString);
    assertTrue(dockerfile.get("RUN").contains("chown airbyte:airbyte /airbyte"), dockerfile::toString);
  }

  @Test
  void labelsAndMetadataCarryTheRepositoryAndTheVersionBeingBuilt() throws IOException {
    String dockerfile = Files.readString(GENERATED.resolve("Dockerfile"));
    assertTrue(dockerfile.contains("LABEL io.airbyte.name=\"destkit/destination-destkit-sample\"\n"), dockerfile);
    assertTrue(dockerfile.contains("LABEL io.airbyte.version=\"" + VERSION + "\"\n"), dockerfile + STALE);
    String metadata = Files.readString(GENERATED.resolve("metadata.yaml"));
    assertTrue(metadata.contains("\n  connectorType: destination\n"), metadata);
    assertTrue(metadata.contains("\n  dockerRepository: destkit/destination-destkit-sample\n"), metadata);
    assertTrue(metadata.contains("\n  dockerImageTag: " + VERSION + "\n"), metadata + STALE);
    JsonNode spec = JSON.readTree(GENERATED.resolve("spec.json").toFile());
    for (JsonNode mode : spec.get("supported_destination_sync_modes")) {
      assertTrue(metadata.contains("\n    - sync-mode:" + mode.asText() + "\n"), metadata);
    }
  }

  /** An image's command, to run here: the image's java, jar and archive replaced by ours. */
  private static List<String> local(List<String> words, String inImage, Path jar, Path archive) {
    List<String> command = new ArrayList<>();
    for (String word : words) {
      if (word.equals("java")) {
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      } else if (word.equals(inImage)) {
        command.add(jar.toString());
      } else if (word.endsWith(".jsa")) {
        command.add(word.substring(0, word.indexOf('=') + 1) + archive);
      } else {
        command.add(word);
      }
    }
    return command;
  }

  /** The Dockerfile's instructions by keyword, comments left out and continued lines joined (one of each here). */
  private static Map<String, String> instructions() throws IOException {
    Map<String, String> instructions = new LinkedHashMap<>();
    StringBuilder current = new StringBuilder();
    for (String line : Files.readAllLines(GENERATED.resolve("Dockerfile"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      if (line.endsWith("\\")) {
        current.append(line, 0, line.length() - 1);
        continue;
      }
      current.append(line);
      String instruction = current.toString().strip();
      int space = instruction.indexOf(' ');
      instructions.merge(instruction.substring(0, space), instruction.substring(space + 1).strip(),
          (first, second) -> first + "\n" + second);
      current.setLength(0);
    }
    return instructions;
  }

  /** The words of an exec-form instruction, a JSON array. */
  private static List<String> words(String execForm) throws IOException {
    List<String> words = new ArrayList<>();
    JSON.readTree(execForm).forEach(word -> words.add(word.asText()));
    return words;
  }

  private static Run run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close();
    CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()));
    CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    if (!process.waitFor(2, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new AssertionError("spec did not finish: " + command);
    }
    return new Run(command, process.exitValue(), out.join(), err.join());
  }

  private static String readAll(InputStream in) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (in) {
      in.transferTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private record Run(List<String> command, int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return String.join(" ", command) + ": exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n"
          + stderr;
    }
  }
}
