package io.destkit.bench;

import io.destkit.annotations.ConnectorConfig;

/** The benchmark destination needs no settings: {@code {}} is its whole config. */
@ConnectorConfig(title = "Benchmark destination")
public record DevNullConfig() {}
