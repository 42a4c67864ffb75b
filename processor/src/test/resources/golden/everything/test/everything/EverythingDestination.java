package test.everything;

import io.destkit.annotations.BreakingChange;
import io.destkit.annotations.Check;
import io.destkit.annotations.Destination;

@Destination(name = "destination-everything", title = "Everything",
    documentationUrl = "https://example.com/docs/everything", config = EverythingConfig.class,
    dockerRepository = "registry.example.com:5000/data/destination-everything", license = "Apache-2.0")
@BreakingChange(version = "10.0.0", upgradeDeadline = "2026-01-31",
    message = "The tunnel is now a choice: set tunnel_method.tunnel_method to NO_TUNNEL, SSH_KEY_AUTH"
        + " or SSH_PASSWORD_AUTH.")
@BreakingChange(version = "9.0.0", upgradeDeadline = "2025-06-30", message = "Ports below 1 are refused: check port.")
public class EverythingDestination {
  @Check
  static void check(EverythingConfig config) throws java.io.IOException {
    if (config.host().equals("unreachable")) {
      throw new java.io.IOException("Cannot reach " + config.host());
    }
  }
}
