package io.destkit.runtime.write;

import io.destkit.runtime.types.AirbyteType;

/** A top-level field of a stream's schema, as a column: its name in the records and its Airbyte type. */
public record Column(String name, AirbyteType type) {}
