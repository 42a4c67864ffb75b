package io.destkit.runtime.discover;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.write.Catalog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A configured catalog held against the operations a destination declares, before any record is read. */
class DestinationCatalogTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DestinationCatalog DECLARED = new DestinationCatalog(List.of(
      new DestinationOperation("contacts", DestinationSyncMode.UPDATE, JSON.createObjectNode(),
          List.of(List.of("email"), List.of("account", "id"))),
      new DestinationOperation("contacts", DestinationSyncMode.SOFT_DELETE, JSON.createObjectNode(),
          List.of(List.of("email")))));

  @Test
  void aStreamMappedToADeclaredObjectModeAndKeyPasses() throws Exception {
    assertDoesNotThrow(() -> DECLARED.refuseUndeclared(catalog("people", "contacts", "update", "[[\"email\"]]")));
    assertDoesNotThrow(() -> DECLARED.refuseUndeclared(catalog("contacts", null, "soft_delete", "[[\"email\"]]")));
  }

  @Test
  void streamsOfTablesAreNotItsConcern() throws Exception {
    assertDoesNotThrow(() -> DECLARED.refuseUndeclared(catalog("orders", null, "append", "[]")));
  }

  @Test
  void anUndeclaredObjectOrModeIsRefusedNamingIt() throws Exception {
    ConfigException object = assertThrows(ConfigException.class,
        () -> DECLARED.refuseUndeclared(catalog("people", "deals", "update", "[[\"id\"]]")));
    assertTrue(object.getMessage().contains("stream people asks for update on object 'deals', which the destination"
        + " does not declare (its operations: contacts update, contacts soft_delete)"), object.getMessage());
    ConfigException mode = assertThrows(ConfigException.class,
        () -> DECLARED.refuseUndeclared(catalog("people", "contacts", "append_dedup", "[[\"email\"]]")));
    assertTrue(mode.getMessage().contains("append_dedup on object 'contacts'"), mode.getMessage());
  }

  @Test
  void aKeyThatIsNoMatchingKeyIsRefused() throws Exception {
    ConfigException wrong = assertThrows(ConfigException.class,
        () -> DECLARED.refuseUndeclared(catalog("people", "contacts", "update", "[[\"phone\"]]")));
    assertTrue(wrong.getMessage().contains("matches records of object 'contacts' on [[phone]], but the object"
        + " matches only on [[email], [account, id]]"), wrong.getMessage());
    ConfigException none = assertThrows(ConfigException.class,
        () -> DECLARED.refuseUndeclared(catalog("people", "contacts", "update", "[]")));
    assertTrue(none.getMessage().contains("gives no matching key"), none.getMessage());
  }

  private static Catalog catalog(String stream, String object, String mode, String primaryKey) throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"" + stream + "\",\"json_schema\":"
        + "{\"type\":\"object\",\"properties\":{\"email\":{\"type\":\"string\"},\"phone\":{\"type\":\"string\"},"
        + "\"id\":{\"type\":\"string\"}}}},\"sync_mode\":\"incremental\",\"destination_sync_mode\":\"" + mode + "\","
        + (object == null ? "" : "\"destination_object_name\":\"" + object + "\",")
        + "\"primary_key\":" + primaryKey + "}]}"));
  }
}
