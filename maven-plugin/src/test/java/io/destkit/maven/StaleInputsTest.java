package io.destkit.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What counts as a change of the processor's inputs, on real files laid out as Maven lays them. */
class StaleInputsTest {
  @TempDir
  Path project;
  private Path resources;
  private Path output;
  private Path sources;
  private Path schemaCopy;
  private Path released;

  @BeforeEach
  void layOut() throws Exception {
    resources = Files.createDirectories(project.resolve("src/main/resources/schemas")).getParent();
    sources = Files.createDirectories(project.resolve("src/main/java"));
    output = Files.createDirectories(project.resolve("target/classes/schemas")).getParent();
    Files.writeString(resources.resolve("schemas/users.json"), "{\"type\": \"object\"}");
    schemaCopy = Files.copy(resources.resolve("schemas/users.json"), output.resolve("schemas/users.json"));
    released = project.resolve("src/main/spec/released-spec.json");
  }

  @Test
  void nothingChangedIsNoChange() throws Exception {
    assertEquals(List.of(), StaleInputs.changes(lastRun(), now()));
  }

  @Test
  void aChangedSchemaIsAChange() throws Exception {
    InputsRecord last = lastRun();
    Files.writeString(schemaCopy, "{\"type\": \"object\", \"properties\": {}}");
    assertEquals(List.of(schemaCopy + " changed"), StaleInputs.changes(last, now()));
  }

  @Test
  void aCopyWhoseResourceIsGoneIsRemovedAndDeleted() throws Exception {
    InputsRecord last = lastRun();
    Files.delete(resources.resolve("schemas/users.json"));
    List<String> changes = StaleInputs.changes(last, now());
    assertEquals(List.of(schemaCopy + " was removed (a copy of a resource that is gone)"), changes);
    assertFalse(Files.exists(schemaCopy), "the stale copy is still there for the processor to find");
  }

  @Test
  void aReleasedSpecThatAppearsIsAChange() throws Exception {
    InputsRecord last = lastRun();
    Files.createDirectories(released.getParent());
    Files.writeString(released, "{}");
    assertEquals(List.of(released + " appeared"), StaleInputs.changes(last, now()));
  }

  @Test
  void aSchemaThatAppearsOnTheSourcePathIsAChange() throws Exception {
    InputsRecord last = new InputsRecord(InputsRecord.FORMAT, "1.0.0", Map.of("destkit.connectorVersion", "0.1.0"),
        Map.of(), List.of("schemas/orders.json"), List.of("com.example.AcmeDestination"));
    Files.createDirectories(sources.resolve("schemas"));
    Files.writeString(sources.resolve("schemas/orders.json"), "{}");
    assertEquals(List.of(sources.resolve("schemas/orders.json") + " appeared"), StaleInputs.changes(last, now()));
  }

  @Test
  void anOptionOrTheDestkitVersionThatChangedIsAChange() throws Exception {
    InputsRecord last = lastRun();
    StaleInputs.Project changed = new StaleInputs.Project(output,
        List.of(new StaleInputs.Resource(project.resolve("src/main/resources"), null)), List.of(sources),
        Map.of("destkit.connectorVersion", "0.2.0", "destkit.jar", "target/x.jar"), "1.1.0");
    assertEquals(List.of("destkit changed from 1.0.0 to 1.1.0",
            "processor option destkit.connectorVersion changed from '0.1.0' to '0.2.0'",
            "processor option destkit.jar changed from (none) to 'target/x.jar'"),
        StaleInputs.changes(last, changed));
  }

  @Test
  void aRecordOfAnotherFormatIsAChange() {
    InputsRecord other = new InputsRecord(2, "1.0.0", Map.of(), Map.of(), List.of(), List.of());
    assertTrue(StaleInputs.changes(other, now()).get(0).contains("format 2"));
  }

  @Test
  void readsTheRecordTheProcessorWrites() throws Exception {
    Path file = project.resolve("inputs.properties");
    Files.writeString(file, """
        # What the destkit processor read
        format=1
        processor=1.0.0
        origin.0=com.example.AcmeDestination
        option.destkit.connectorVersion=0.1.0
        option.destkit.schemas=\\ C:\\\\schemas \u00e9
        file.0.path=/a/released-spec.json
        file.0.sha256=absent
        file.1.path=/a/schemas/users.json
        file.1.sha256=ab12
        sourcePathMiss.0=schemas/users.json
        """);
    InputsRecord record = InputsRecord.read(file);
    assertEquals(1, record.format());
    assertEquals("1.0.0", record.processor());
    assertEquals(Map.of("destkit.connectorVersion", "0.1.0", "destkit.schemas", " C:\\schemas \u00e9"),
        record.options());
    assertEquals("ab12", record.files().get("/a/schemas/users.json"));
    assertTrue(record.files().containsKey("/a/released-spec.json"));
    assertEquals(null, record.files().get("/a/released-spec.json"));
    assertEquals(List.of("schemas/users.json"), record.sourcePathMisses());
    assertEquals(List.of("com.example.AcmeDestination"), record.origins());
    assertEquals(null, InputsRecord.read(project.resolve("none.properties")));
  }

  /** The record a processor run on the project as it is now would have written. */
  private InputsRecord lastRun() throws Exception {
    Map<String, String> files = new LinkedHashMap<>();
    files.put(schemaCopy.toString(), sha256(Files.readAllBytes(schemaCopy)));
    files.put(released.toString(), null);
    return new InputsRecord(InputsRecord.FORMAT, "1.0.0", Map.of("destkit.connectorVersion", "0.1.0"), files,
        List.of(), List.of("com.example.AcmeDestination"));
  }

  private StaleInputs.Project now() {
    return new StaleInputs.Project(output,
        List.of(new StaleInputs.Resource(project.resolve("src/main/resources"), null)), List.of(sources),
        Map.of("destkit.connectorVersion", "0.1.0"), "1.0.0");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
