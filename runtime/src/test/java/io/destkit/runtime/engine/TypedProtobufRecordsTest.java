package io.destkit.runtime.engine;

import static io.destkit.runtime.engine.SpeedModeTest.complete;
import static io.destkit.runtime.engine.SpeedModeTest.frames;
import static io.destkit.runtime.engine.SpeedModeTest.intValue;
import static io.destkit.runtime.engine.SpeedModeTest.nullValue;
import static io.destkit.runtime.engine.SpeedModeTest.pbRecord;
import static io.destkit.runtime.engine.SpeedModeTest.protocol;
import static io.destkit.runtime.engine.SpeedModeTest.state;
import static io.destkit.runtime.engine.SpeedModeTest.stringValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.CodedInputStream;
import io.destkit.runtime.error.InputException;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.JsonSchemas;
import io.destkit.runtime.types.JsonTrees;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.types.ProtobufValues;
import io.destkit.runtime.types.ValueDecoder;
import io.destkit.runtime.types.ValueDecoders;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.PositionalDecoder;
import io.destkit.runtime.write.PositionalValues;
import io.destkit.runtime.write.RecordCodec;
import io.destkit.runtime.write.StreamContext;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Speed mode's protobuf records of a typed stream, through the engine over a real Unix socket: decoded by the codec's
 * positional decoder when it has one (asked once, for the catalog's fields in sorted order), through JSON when it has
 * none, with the same records and changes either way.
 */
class TypedProtobufRecordsTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** The catalog's schema: declared name, zip, id; by position id, name, zip. The record class has no zip. */
  private static final String CATALOG_SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
      + "\"zip\":{\"type\":\"string\"},\"id\":{\"type\":\"integer\"}}}";
  private static final String CLASS_SCHEMA = "{\"type\":\"object\",\"required\":[\"id\"],\"properties\":{"
      + "\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"}}}";

  @TempDir
  Path dir;

  @Test
  void aCodecsPositionalDecoderDecodesTheRecordsAndIsAskedOnce() throws Exception {
    UserCodec codec = new UserCodec(true);
    List<String> rows = run(codec, input());
    assertEquals(expectedRows(), rows);
    assertEquals(1, codec.asked.get());
    assertEquals(List.of("id", "name", "zip"), codec.fieldsAsked);
    assertEquals(3, codec.positionalDecodes.get());
    assertEquals(0, codec.jsonDecodes.get());
  }

  @Test
  void aCodecWithoutOneGetsTheRecordsAsJsonAndTheyAreTheSame() throws Exception {
    UserCodec codec = new UserCodec(false);
    List<String> rows = run(codec, input());
    assertEquals(expectedRows(), rows);
    assertEquals(1, codec.asked.get());
    assertEquals(0, codec.positionalDecodes.get());
    assertEquals(3, codec.jsonDecodes.get());
  }

  @Test
  void moreValuesThanTheSchemaHasFieldsFailNamingTheSocketAndMessage() throws Exception {
    Path socket = dir.resolve("a.sock");
    byte[] bytes = frames(pbRecord("users", "p1", intValue(1), stringValue("ann"), stringValue("z"),
        stringValue("one too many")));
    InputException e = assertThrows(InputException.class, () -> run(new UserCodec(true), socket, bytes));
    assertEquals("Socket " + socket + ", message 1: holds a record of stream users with more values than the 3"
        + " fields of its schema", e.getMessage());
  }

  /** Three records of partition p1 (one with a misfit id, one with fewer values than fields), its state, COMPLETE. */
  private static byte[] input() throws Exception {
    return frames(pbRecord("users", "p1", intValue(1), stringValue("ann"), stringValue("1000")),
        pbRecord("users", "p1", stringValue("two"), nullValue(), stringValue("2000")),
        pbRecord("users", "p1", intValue(3), stringValue("cy")),
        protocol(state("users", 1, "p1", 3)), protocol(complete("users")));
  }

  private static List<String> expectedRows() {
    return List.of("User[id=1, name=ann, extra={zip=\"1000\"}] []",
        "User[id=3, name=cy, extra={}] []",
        "User[id=null, name=null, extra={zip=\"2000\"}] [MetaChange[field=id, change=NULLED,"
            + " reason=DESTINATION_TYPECAST_ERROR]]");
  }

  private List<String> run(UserCodec codec, byte[] bytes) throws Exception {
    return run(codec, dir.resolve("a.sock"), bytes);
  }

  /** Runs the engine over one socket serving {@code bytes}; the committed records, typed, with their changes. */
  private List<String> run(UserCodec codec, Path socket, byte[] bytes) throws Exception {
    RecordingHandlers handlers = new RecordingHandlers() {
      @Override
      public RecordCodec<?> codec(StreamContext stream) {
        return codec;
      }
    };
    Catalog catalog = CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"users\","
        + "\"json_schema\":" + CATALOG_SCHEMA + "},\"sync_mode\":\"full_refresh\",\"destination_sync_mode\":"
        + "\"append\"}]}"));
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    try (UnixSocketSource source = new UnixSocketSource()) {
      source.serve(socket, 0, List.of(bytes));
      DataChannel channel = new DataChannel(DataChannel.Medium.SOCKET, DataChannel.Format.PROTOBUF,
          List.of(socket), null, Duration.ofSeconds(3));
      new WriteEngine(catalog, handlers, new WriteOptions(2, 1L << 30, 1L << 30, Duration.ofMinutes(5),
          Duration.ZERO), new ProtocolOutput(stdout, new SecretMasker()),
          new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8))
          .run(channel, NamespaceMapping.NONE,
            new ByteArrayInputStream(new byte[0]));
      source.assertServed();
    }
    assertEquals(1, JSON.readTree(stdout.toString(StandardCharsets.UTF_8)).at("/state/id").asInt(),
        "the state is echoed once its records are committed");
    return handlers.committed.stream().map(r -> r.typed() + " " + r.changes())
        .sorted(Comparator.naturalOrder()).toList();
  }

  /** The record class of the test's typed stream. */
  record User(Long id, String name, Map<String, Object> extra) {}

  /**
   * A codec written by hand as the processor writes them, with the runtime's helpers; it counts how it is used and
   * has a positional decoder only when told to.
   */
  private static final class UserCodec implements RecordCodec<User> {
    private static final ValueDecoder INTEGER = ValueDecoders.forType(AirbyteType.INTEGER);
    private static final ValueDecoder STRING = ValueDecoders.forType(AirbyteType.STRING);

    private final boolean positional;
    final AtomicInteger asked = new AtomicInteger();
    final AtomicInteger positionalDecodes = new AtomicInteger();
    final AtomicInteger jsonDecodes = new AtomicInteger();
    volatile List<String> fieldsAsked;

    UserCodec(boolean positional) {
      this.positional = positional;
    }

    @Override
    public Class<User> recordClass() {
      return User.class;
    }

    @Override
    public AirbyteType.ObjectType schema() {
      return JsonSchemas.parseStreamJson(CLASS_SCHEMA);
    }

    @Override
    public Set<String> requiredFields() {
      return Set.of("id");
    }

    @Override
    public User decode(JsonParser parser, List<MetaChange> changes) throws IOException {
      jsonDecodes.incrementAndGet();
      Long id = null;
      String name = null;
      Map<String, Object> extra = new LinkedHashMap<>();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        switch (field) {
          case "id" -> id = (Long) INTEGER.decode(parser, "id", changes);
          case "name" -> name = (String) STRING.decode(parser, "name", changes);
          default -> extra.put(field, JsonTrees.read(parser));
        }
      }
      return new User(id, name, extra);
    }

    @Override
    public void encode(User record, JsonGenerator generator) throws IOException {
      generator.writeStartObject();
      generator.writeNumberField("id", record.id());
      generator.writeStringField("name", record.name());
      generator.writeEndObject();
    }

    @Override
    public PositionalDecoder<User> positional(List<String> fields) {
      asked.incrementAndGet();
      fieldsAsked = List.copyOf(fields);
      if (!positional) {
        return null;
      }
      return (CodedInputStream record, List<MetaChange> changes) -> {
        positionalDecodes.incrementAndGet();
        Long id = null;
        String name = null;
        Map<String, Object> extra = new LinkedHashMap<>();
        int position = 0;
        int limit;
        while ((limit = PositionalValues.next(record, position, fields.size())) != PositionalValues.END) {
          String field = fields.get(position);
          switch (field) {
            case "id" -> id = (Long) ProtobufValues.read(record, AirbyteType.INTEGER, "id", changes);
            case "name" -> name = (String) ProtobufValues.read(record, AirbyteType.STRING, "name", changes);
            default -> extra.put(field, JsonTrees.read(ProtobufValues.parser(record, field, changes)));
          }
          record.popLimit(limit);
          position++;
        }
        return new User(id, name, extra);
      };
    }
  }
}
