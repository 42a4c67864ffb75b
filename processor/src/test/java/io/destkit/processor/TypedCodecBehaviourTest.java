package io.destkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.engine.TypedStreams;
import io.destkit.runtime.types.MetaChange;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.RecordCodec;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.StreamDescriptor;
import io.destkit.runtime.write.WriteHandlers;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The codec generated for the golden case {@code typed}, a typed stream whose schema uses every Airbyte type, v0 and v1:
 * it decodes, nulls and encodes as the runtime's plans do, checks the catalog, and the generated dispatcher hands it
 * out. What the processor generates for that case is compared in {@link GoldenCasesTest}.
 */
class TypedCodecBehaviourTest {
  private static final GoldenCase CASE = GoldenCase.named("typed");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ClassLoader generated;

  @BeforeAll
  static void compile() {
    generated = CASE.classes();
  }

  @Test
  void decodesEveryTypeAndEncodesItBack() throws Exception {
    String data = "{\"id\":7,\"name\":\"Ada\",\"active\":true,\"salary\":1234.50,\"big_salary\":\"123456789012345678901234567890.5\","
        + "\"badge\":12,\"born\":\"1815-12-10\",\"hired_at\":\"2024-03-01T09:30:00.123+01:00\","
        + "\"local_hired_at\":\"2024-03-01T09:30:00\",\"shift_start\":\"08:00:00Z\",\"lunch\":\"12:30:00\","
        + "\"photo\":\"AQID\",\"v1_id\":\"42\",\"v1_amount\":\"3.5\",\"v1_updated\":\"2024-01-01T00:00:00Z\","
        + "\"v1_day\":\"2024-01-02\",\"v1_blob\":\"BAU=\",\"address\":{\"street\":\"Main\",\"zip code\":\"1000\","
        + "\"geo\":{\"lat\":1.5,\"lon\":-2}},\"jobs\":[{\"title\":\"Engineer\",\"since\":\"2020-01-01\"},null],"
        + "\"tags\":[\"a\",\"b\"],\"scores\":[[1,2],[3]],\"extra\":{\"k\":[1]},\"anything\":\"x\","
        + "\"id_or_code\":\"A7\",\"choice\":false,\"2fa-enabled\":true,\"class\":\"c\",\"unknown\":{\"u\":1}}";
    List<MetaChange> changes = new ArrayList<>();
    Object record = decode(data, changes);
    assertEquals(List.of(), changes);
    // What differs on the way back: numbers given as strings (v1, big_number) are written as numbers.
    String expected = data.replace("\"big_salary\":\"123456789012345678901234567890.5\"",
            "\"big_salary\":123456789012345678901234567890.5")
        .replace("\"v1_id\":\"42\"", "\"v1_id\":42").replace("\"v1_amount\":\"3.5\"", "\"v1_amount\":3.5");
    assertEquals(JSON.readTree(expected), JSON.readTree(encode(record)));
  }

  @Test
  void badValuesAreNulledWithTheSameChangesAsPlans() throws Exception {
    List<MetaChange> changes = new ArrayList<>();
    Object record = decode("{\"id\":\"seven\",\"name\":\"n\",\"born\":\"yesterday\",\"address\":\"not an object\","
        + "\"jobs\":[{\"since\":\"soon\"}],\"tags\":5}", changes);
    assertEquals(List.of(MetaChange.typecastError("id"), MetaChange.typecastError("born"),
        MetaChange.typecastError("address"), MetaChange.typecastError("jobs.since"), MetaChange.typecastError("tags")),
        changes);
    assertEquals(null, record.getClass().getMethod("getId").invoke(record));
    assertEquals("n", record.getClass().getMethod("getName").invoke(record));
  }

  @Test
  void unknownFieldsAreKeptAsAdditionalProperties() throws Exception {
    Object record = decode("{\"id\":1,\"name\":\"n\",\"new_field\":{\"a\":[1,2]}}", new ArrayList<>());
    @SuppressWarnings("unchecked")
    Map<String, Object> extra = (Map<String, Object>) record.getClass().getMethod("getAdditionalProperties")
        .invoke(record);
    assertEquals(JSON.readTree("{\"a\":[1,2]}"), extra.get("new_field"));
    assertTrue(encode(record).contains("\"new_field\":{\"a\":[1,2]}"));
  }

  @Test
  void aCatalogMissingARequiredFieldOrWithAnIncompatibleTypeIsRefused() throws Exception {
    RecordCodec<?> codec = codec();
    StreamContext good = stream(List.of(new Column("id", io.destkit.runtime.types.AirbyteType.INTEGER),
        new Column("name", io.destkit.runtime.types.AirbyteType.STRING),
        new Column("brand_new", io.destkit.runtime.types.AirbyteType.STRING)));
    assertEquals(List.of(), TypedStreams.problems(good, codec));
    StreamContext bad = stream(List.of(new Column("name", io.destkit.runtime.types.AirbyteType.STRING),
        new Column("born", io.destkit.runtime.types.AirbyteType.BOOLEAN)));
    assertEquals(List.of("stream employees has no field 'id', which the connector requires",
        "field 'born' of stream employees is boolean in the catalog, but the connector reads it as date"),
        TypedStreams.problems(bad, codec));
  }

  @Test
  void theDispatcherHandsTheCodecAndTypedRecords() throws Exception {
    Object config = generated.loadClass("test.typed.TypedConfig").getConstructor(String.class).newInstance("/x");
    Object destination = generated.loadClass("test.typed.TypedDestination").getConstructor().newInstance();
    WriteHandlers dispatcher = (WriteHandlers) generated.loadClass("test.typed.TypedDestinationDispatcher")
        .getConstructor(destination.getClass()).newInstance(destination);
    assertEquals(codec(), dispatcher.codec(stream(List.of())));
    assertEquals("/x", config.getClass().getMethod("folder").invoke(config));
  }

  private static StreamContext stream(List<Column> columns) {
    return new StreamContext(new StreamDescriptor(null, "employees"), DestinationSyncMode.APPEND, "full_refresh",
        List.of(), List.of(), 0, 0, 0, null, columns);
  }

  private static RecordCodec<?> codec() throws Exception {
    return (RecordCodec<?>) generated.loadClass("test.typed.EmployeeCodec").getField("INSTANCE").get(null);
  }

  private static Object decode(String json, List<MetaChange> changes) throws Exception {
    try (JsonParser parser = new JsonFactory().createParser(json)) {
      parser.nextToken();
      return codec().decode(parser, changes);
    }
  }

  @SuppressWarnings("unchecked")
  private static String encode(Object record) throws Exception {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      ((RecordCodec<Object>) codec()).encode(record, generator);
    }
    return out.toString();
  }
}
