package test.typed;

import io.destkit.annotations.ConnectorConfig;

@ConnectorConfig(title = "Typed")
public record TypedConfig(String folder) {}
