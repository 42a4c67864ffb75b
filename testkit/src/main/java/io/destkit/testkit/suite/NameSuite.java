package io.destkit.testkit.suite;

import static io.destkit.testkit.messages.Field.field;
import static io.destkit.testkit.messages.FieldTypes.integer;
import static io.destkit.testkit.messages.FieldTypes.number;
import static io.destkit.testkit.messages.FieldTypes.string;
import static io.destkit.testkit.messages.Json.object;
import static io.destkit.testkit.messages.Messages.record;
import static io.destkit.testkit.messages.Messages.streamStatus;
import static io.destkit.testkit.messages.StreamStatus.COMPLETE;
import static io.destkit.testkit.suite.SuiteChecks.requireFeature;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Field;
import io.destkit.testkit.messages.Message;
import io.destkit.testkit.messages.SyncInput;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The tests of names: streams of the same name in different namespaces, unusual namespaces, and stream and field names
 * with spaces, quotes, reserved words, other scripts or 200 characters, or differing only by case (in one sync, or
 * a stream renamed by case between syncs), each land apart.
 *
 * <p>{@link DestinationSuite} implements it: a connector's suite extends that class, not this interface.
 */
public interface NameSuite extends SuiteContext {
  /**
   * Streams of the same name in different namespaces, and without one, land apart, each with its own schema; so does
   * a stream whose name is another's namespace and name joined.
   */
  @Test
  default void namespacesKeepStreamsOfTheSameNameApart() {
    requireFeature(this, DestinationFeatures.Feature.NAMESPACES);
    ConfiguredStream sales = ConfiguredStream.named("orders").inNamespace("sales")
        .withFields(field("id", integer()), field("amount", number()));
    ConfiguredStream support = ConfiguredStream.named("orders").inNamespace("support")
        .withFields(field("id", integer()), field("ticket", string()));
    ConfiguredStream plain = ConfiguredStream.named("orders").withFields(field("id", integer()), field("note",
        string()));
    ConfiguredStream joined = ConfiguredStream.named("sales_orders").withFields(field("id", integer()),
        field("label", string()));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(sales, support, plain, joined);
    SyncInput input = SyncInput.of(
        record(sales, object("id", 1, "amount", 100)), record(sales, object("id", 2, "amount", 200)),
        record(support, object("id", 1, "ticket", "printer on fire")),
        record(plain, object("id", 1, "note", "no namespace")), record(plain, object("id", 2, "note", "none")),
        record(joined, object("id", 1, "label", "sales_orders without namespace")),
        streamStatus(sales, COMPLETE), streamStatus(support, COMPLETE), streamStatus(plain, COMPLETE),
        streamStatus(joined, COMPLETE));
    writeSuccessfully(catalog, input);
    for (ConfiguredStream stream : catalog.streams()) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  /** Namespaces with spaces, accents, reserved words, a leading digit or differing only by case land apart. */
  @Test
  default void unusualNamespacesLandApart() {
    requireFeature(this, DestinationFeatures.Feature.NAMESPACES);
    List<String> namespaces = List.of("Sales Team", "sales_team", "Ünïcödé", "select", "1st", "with \"quotes\"");
    List<ConfiguredStream> streams = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < namespaces.size(); i++) {
      ConfiguredStream stream = ConfiguredStream.named("leads").inNamespace(namespaces.get(i))
          .withFields(field("id", integer()), field("source", string()));
      streams.add(stream);
      messages.add(record(stream, object("id", 1, "source", "namespace " + namespaces.get(i))));
      messages.add(streamStatus(stream, COMPLETE));
    }
    ConfiguredCatalog catalog = ConfiguredCatalog.of(streams);
    SyncInput input = SyncInput.of(messages);
    writeSuccessfully(catalog, input);
    for (ConfiguredStream stream : streams) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  /**
   * Stream and field names with spaces, quotes, accents, reserved words, leading digits, other scripts, 200
   * characters, or differing only by case each land in their own table and column.
   */
  @Test
  default void unusualStreamAndFieldNamesLandWithoutCollisions() {
    String longName = "a_very_long_name_" + "x".repeat(200);
    List<String> streamNames = List.of("with space", "with \"double\" quotes", "it's", "café ñandú", "select",
        "order", "1st_stream", "Users", "users", "a-b.c/d", "日本語", "한국어", longName + "_1", longName + "_2");
    List<String> fieldNames = List.of("first name", "with \"double\" quotes", "it's", "émigré", "from", "select",
        "group", "2fa", "Amount", "amount", "AMOUNT", "a.b", "a-b", "$price", "日本語", "한국어", longName + "_1",
        longName + "_2");
    List<ConfiguredStream> streams = new ArrayList<>();
    List<Message> messages = new ArrayList<>();
    for (int i = 0; i < streamNames.size(); i++) {
      ConfiguredStream stream = ConfiguredStream.named(streamNames.get(i))
          .withFields(field("id", integer()), field("origin", string()));
      streams.add(stream);
      messages.add(record(stream, object("id", i, "origin", "stream #" + i + " " + streamNames.get(i))));
    }
    List<Field> fields = new ArrayList<>();
    fields.add(field("id", integer()));
    ObjectNode data = object("id", 1);
    for (int i = 0; i < fieldNames.size(); i++) {
      fields.add(field(fieldNames.get(i), string()));
      data.put(fieldNames.get(i), "value of field #" + i);
    }
    ConfiguredStream oddFields = ConfiguredStream.named("odd_fields")
        .withFields(fields.toArray(new Field[0]));
    streams.add(oddFields);
    messages.add(record(oddFields, data));
    streams.forEach(stream -> messages.add(streamStatus(stream, COMPLETE)));
    ConfiguredCatalog catalog = ConfiguredCatalog.of(streams);
    SyncInput input = SyncInput.of(messages);
    writeSuccessfully(catalog, input);
    for (ConfiguredStream stream : streams) {
      assertLandedExactly(catalog, stream, input.records(stream));
    }
  }

  /**
   * A stream renamed by case only between syncs ({@code Users}, then {@code users} in the next sync) is another
   * stream: both syncs succeed and each stream keeps its own rows, the first sync's not lost, the second's not mixed
   * with them, even where the engine takes names that differ only by case for the same.
   */
  @Test
  default void aStreamRenamedByCaseOnlyLandsApartFromTheOldOne() {
    ConfiguredStream before = ConfiguredStream.named("Users").withFields(field("id", integer()), field("name",
        string()));
    ConfiguredStream after = ConfiguredStream.named("users").withFields(field("id", integer()), field("name",
        string())).withSyncId(2);
    SyncInput sync1 = SyncInput.of(record(before, object("id", 1, "name", "Ada")),
        record(before, object("id", 2, "name", "Grace")), streamStatus(before, COMPLETE));
    SyncInput sync2 = SyncInput.of(record(after, object("id", 1, "name", "Ada, in the renamed stream")),
        record(after, object("id", 3, "name", "Linus")), streamStatus(after, COMPLETE));
    writeSuccessfully(ConfiguredCatalog.of(before), sync1);
    writeSuccessfully(ConfiguredCatalog.of(after), sync2);
    // Each stream is read with the catalog of the sync that wrote it, which named its table.
    assertLandedExactly(ConfiguredCatalog.of(before), before, sync1.records());
    assertLandedExactly(ConfiguredCatalog.of(after), after, sync2.records());
  }
}
