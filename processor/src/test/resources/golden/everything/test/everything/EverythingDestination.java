package test.everything;

import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;

@Destination(name = "destination-everything", title = "Everything",
    documentationUrl = "https://example.com/docs/everything", config = EverythingConfig.class)
public class EverythingDestination {
  @Check
  static void check(EverythingConfig config) throws java.io.IOException {
    if (config.host().equals("unreachable")) {
      throw new java.io.IOException("Cannot reach " + config.host());
    }
  }
}
