package io.destkit.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.WriteHandlers;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A destination with every write handler: the generated dispatcher (golden), the spec's sync modes derived from the
 * handlers, and the dispatcher routing records by stream and mode when run.
 */
class WriterGoldenTest {
  private static final String FOLDER = "golden/writer";

  private static Compilation compilation;
  private static ClassLoader generated;

  @BeforeAll
  static void compile() {
    compilation = Compilations.compile(
        Compilations.resource(FOLDER, "test.writer.WriterConfig"),
        Compilations.resource(FOLDER, "test.writer.WriterDestination"));
    generated = Compilations.classLoader(compilation);
  }

  @Test
  void compilesWithoutAnyWarning() {
    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void dispatcherMatchesGolden() throws Exception {
    assertGolden("test.writer.WriterDestinationDispatcher", "WriterDestinationDispatcher.java.golden");
  }

  @Test
  void mainMatchesGolden() throws Exception {
    assertGolden("test.writer.WriterDestinationMain", "WriterDestinationMain.java.golden");
  }

  @Test
  void dockerfileWithoutOptionsMatchesGolden() throws Exception {
    GoldenFiles.assertMatches(FOLDER + "/Dockerfile.golden", Compilations.resourceText(compilation, "Dockerfile"));
  }

  @Test
  void metadataWithoutOptionsMatchesGolden() throws Exception {
    GoldenFiles.assertMatches(FOLDER + "/metadata.yaml.golden",
        Compilations.resourceText(compilation, "metadata.yaml"));
  }

  @Test
  void referenceMatchesGolden() throws Exception {
    GoldenFiles.assertMatches(FOLDER + "/reference.md.golden", Compilations.resourceText(compilation, "reference.md"));
  }

  @Test
  void specListsTheModesTheHandlersWrite() throws Exception {
    JavaFileObject spec = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/destkit/spec.json")
        .orElseThrow();
    JsonNode json = new ObjectMapper().readTree(Compilations.content(spec));
    assertEquals("[\"append\",\"overwrite\",\"append_dedup\"]", json.get("supported_destination_sync_modes").toString());
    assertEquals(true, json.get("supportsIncremental").asBoolean());
  }

  @Test
  void routesRecordsByStreamThenMode() throws Exception {
    Object destination = generated.loadClass("test.writer.WriterDestination")
        .getConstructor(generated.loadClass("test.writer.WriterConfig"))
        .newInstance(generated.loadClass("test.writer.WriterConfig").getConstructor(String.class).newInstance("/x"));
    WriteHandlers dispatcher = (WriteHandlers) generated.loadClass("test.writer.WriterDestinationDispatcher")
        .getConstructor(destination.getClass()).newInstance(destination);
    StreamContext usersDedup = stream("users", null, DestinationSyncMode.APPEND_DEDUP);
    StreamContext usersAppend = stream("users", null, DestinationSyncMode.APPEND);
    StreamContext ordersDedup = stream("orders", null, DestinationSyncMode.APPEND_DEDUP);
    StreamContext auditEvents = stream("events", "audit", DestinationSyncMode.APPEND);
    StreamContext otherEvents = stream("events", "other", DestinationSyncMode.APPEND);
    assertEquals(true, dispatcher.accepts(usersDedup));
    assertEquals(true, dispatcher.accepts(usersAppend));
    assertEquals(false, dispatcher.accepts(ordersDedup));
    assertEquals(true, dispatcher.accepts(auditEvents));
    dispatcher.streamStart(usersDedup);
    dispatcher.records(new RecordBatch(usersDedup, List.of()));
    dispatcher.records(new RecordBatch(usersAppend, List.of()));
    dispatcher.records(new RecordBatch(auditEvents, List.of()));
    dispatcher.records(new RecordBatch(otherEvents, List.of()));
    dispatcher.commit();
    dispatcher.streamComplete(usersDedup);
    dispatcher.close();
    assertEquals(List.of("start users", "users 0", "any users", "any events", "commit", "complete users", "close"),
        destination.getClass().getDeclaredField("calls").get(destination));
  }

  private static StreamContext stream(String name, String namespace, DestinationSyncMode mode) {
    return new StreamContext(new StreamDescriptor(namespace, name), mode, "full_refresh", List.of(), List.of(), 0, 0, 0,
        null, List.of());
  }

  private void assertGolden(String generatedClass, String golden) throws Exception {
    JavaFileObject file = compilation.generatedSourceFile(generatedClass)
        .orElseThrow(() -> new AssertionError(generatedClass + " was not generated"));
    GoldenFiles.assertMatches(FOLDER + "/" + golden, Compilations.content(file));
  }
}
