package io.destkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * The write handlers of the golden case {@code writer}, a destination with every kind of handler: the spec's sync
 * modes derived from them, and the generated dispatcher routing records by stream and mode when run. What the
 * processor generates for that case is compared in {@link GoldenCasesTest}.
 */
class DispatcherRoutingTest {
  private static final GoldenCase CASE = GoldenCase.named("writer");

  private static ClassLoader generated;

  @BeforeAll
  static void compile() {
    generated = CASE.classes();
  }

  @Test
  void specListsTheModesTheHandlersWrite() throws Exception {
    JavaFileObject spec = CASE.compiled().generatedFile(StandardLocation.CLASS_OUTPUT, "META-INF/destkit/spec.json")
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
}
