package test.activation;

import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.Property;

@ConnectorConfig(title = "Activation")
public record ActivationConfig(@Property(title = "API URL") String url) {}
