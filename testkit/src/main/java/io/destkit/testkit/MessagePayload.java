package io.destkit.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Which field of an AirbyteMessage carries the payload of each message type, and its definition in the protocol
 * schema. The schema itself does not tie {@code type} to the payload; this does.
 */
enum MessagePayload {
  RECORD("record", "AirbyteRecordMessage"),
  STATE("state", "AirbyteStateMessage"),
  LOG("log", "AirbyteLogMessage"),
  SPEC("spec", "ConnectorSpecification"),
  CONNECTION_STATUS("connectionStatus", "AirbyteConnectionStatus"),
  CATALOG("catalog", "AirbyteCatalog"),
  TRACE("trace", "AirbyteTraceMessage"),
  CONTROL("control", "AirbyteControlMessage"),
  DESTINATION_CATALOG("destination_catalog", "DestinationCatalog");

  final String field;
  final String definition;

  MessagePayload(String field, String definition) {
    this.field = field;
    this.definition = definition;
  }

  /** The payload for an AirbyteMessage's {@code type} value; empty when it is missing, not text or unknown. */
  static Optional<MessagePayload> of(JsonNode type) {
    if (type == null || !type.isTextual()) {
      return Optional.empty();
    }
    for (MessagePayload payload : values()) {
      if (payload.name().equals(type.textValue())) {
        return Optional.of(payload);
      }
    }
    return Optional.empty();
  }
}
