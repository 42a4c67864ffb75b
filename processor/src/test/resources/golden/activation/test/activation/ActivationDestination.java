package test.activation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.destkit.annotations.Destination;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.annotations.Discover;
import io.destkit.annotations.OnRecords;
import io.destkit.annotations.Stream;
import io.destkit.runtime.discover.DestinationOperation;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.TypedBatch;
import java.util.List;

@Destination(name = "destination-activation", documentationUrl = "https://example.com/docs/activation",
    config = ActivationConfig.class)
@Stream(name = "contacts", type = "Contact", matchingKeys = {"email", "account.external_id"})
public class ActivationDestination {
  private final ActivationConfig config;

  public ActivationDestination(ActivationConfig config) {
    this.config = config;
  }

  @Discover
  List<DestinationOperation> customObjects() {
    return List.of(new DestinationOperation("deals", DestinationSyncMode.UPDATE,
        JsonNodeFactory.instance.objectNode(), List.of(List.of("deal_id"))));
  }

  @OnRecords(stream = "contacts", modes = {DestinationSyncMode.UPDATE, DestinationSyncMode.SOFT_DELETE})
  void contacts(TypedBatch<Contact> batch) {}

  @OnRecords(stream = "deals", modes = DestinationSyncMode.UPDATE)
  void deals(RecordBatch batch) {}
}
