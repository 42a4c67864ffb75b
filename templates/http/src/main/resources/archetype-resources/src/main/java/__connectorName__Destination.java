#set( $destinationName = $artifactId.toLowerCase().replaceAll('[^a-z0-9]+', '-').replaceAll('^-|-$', '') )
package ${package};

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.Stream;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.TypedBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * POSTs the records of every stream to an HTTP API ({@link RecordsApi}), in requests of the configured size. A
 * request the API accepted (2xx) is durable: the runtime echoes a state once every record before it was accepted.
 * Streams are appended: an API of records has no way to replace what it was sent before.
 *
 * <p>It is also a data activation destination with one object, {@code contacts} (schema
 * {@code src/main/resources/schemas/contacts.json}), matched on {@code email}: a stream the catalog maps to it
 * ({@code destination_object_name}) in {@code update} creates or updates contacts, in {@code soft_delete} removes
 * them. {@code discover} lists both operations. A contact the API refuses (its answer lists an error for it) is
 * reported per record: with the rejected-records option on it is set aside and counted, else the sync fails naming
 * its input line.
 */
@Destination(name = "${destinationName}", title = "${connectorName}",
    documentationUrl = "https://example.com/docs/${destinationName}", config = ${connectorName}Config.class)
@Stream(name = "contacts", type = "Contact", matchingKeys = "email")
public class ${connectorName}Destination {
  private final ${connectorName}Config config;
  private final RecordsApi api;

  public ${connectorName}Destination(${connectorName}Config config) {
    this.config = config;
    this.api = new RecordsApi(config);
  }

  /** The API takes a request with this token. */
  @Check
  void check(${connectorName}Config config) throws Exception {
    api.postNothing();
  }

  /** Contacts to create or update, or to remove, matched on the catalog's key (the object's {@code email}). */
  @OnRecords(stream = "contacts", modes = {DestinationSyncMode.UPDATE, DestinationSyncMode.SOFT_DELETE})
  void contacts(TypedBatch<Contact> batch) throws Exception {
    List<Contact> contacts = batch.records();
    for (int from = 0; from < contacts.size(); from += config.batchSize()) {
      int to = Math.min(contacts.size(), from + config.batchSize());
      if (batch.stream().destinationSyncMode() == DestinationSyncMode.SOFT_DELETE) {
        List<String> emails = new ArrayList<>();
        contacts.subList(from, to).forEach(contact -> emails.add(contact.getEmail()));
        api.deleteObjects("contacts", "email", emails);
      } else {
        List<String> refused = api.putObjects("contacts", "email", contacts.subList(from, to),
            ContactCodec.INSTANCE::encode);
        for (int i = 0; i < refused.size(); i++) {
          if (refused.get(i) != null) {
            batch.rejected(from + i, "the API refused the contact: " + refused.get(i));
          }
        }
      }
    }
  }

  @OnRecords(modes = DestinationSyncMode.APPEND)
  void write(RecordBatch batch) throws Exception {
    List<Record> records = batch.records();
    for (int from = 0; from < records.size(); from += config.batchSize()) {
      api.post(batch.stream(), records.subList(from, Math.min(records.size(), from + config.batchSize())));
    }
  }
}
