package io.destkit.runtime.protocol;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.discover.DestinationCatalog;
import io.destkit.runtime.discover.DestinationOperation;
import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.types.JsonTrees;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The connector's standard output: protocol messages only, one JSON object a line, each flushed whole so that the
 * platform sees it at once. Every text we write is passed through the {@link SecretMasker}. Thread-safe.
 */
public final class ProtocolOutput {
  /** Levels of a LOG message. */
  public enum LogLevel { FATAL, ERROR, WARN, INFO, DEBUG, TRACE }

  private final OutputStream out;
  private final JsonGenerator json;
  private final SecretMasker masker;

  public ProtocolOutput(OutputStream out, SecretMasker masker) {
    this.out = out;
    this.masker = masker;
    try {
      this.json = new JsonFactory().createGenerator(out, JsonEncoding.UTF8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    json.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    // Lines are ended by endLine(); no separator of Jackson's own between messages.
    json.setRootValueSeparator(null);
  }

  /** {@code {"type":"SPEC","spec":...}} with the connector's specification as given. */
  public synchronized void spec(JsonNode specification) {
    message(() -> {
      json.writeStartObject();
      json.writeStringField("type", "SPEC");
      json.writeFieldName("spec");
      JsonTrees.writeTree(json, specification);
      json.writeEndObject();
    });
  }

  /**
   * {@code {"type":"DESTINATION_CATALOG","destination_catalog":{"operations":[...]}}}: what {@code discover} found,
   * each operation with its object, mode, schema and matching keys (left out when there are none).
   */
  public synchronized void destinationCatalog(DestinationCatalog catalog) {
    message(() -> {
      json.writeStartObject();
      json.writeStringField("type", "DESTINATION_CATALOG");
      json.writeObjectFieldStart("destination_catalog");
      json.writeArrayFieldStart("operations");
      for (DestinationOperation operation : catalog.operations()) {
        json.writeStartObject();
        json.writeStringField("object_name", operation.objectName());
        json.writeStringField("sync_mode", operation.syncMode().protocolValue());
        json.writeFieldName("json_schema");
        JsonTrees.writeTree(json, operation.jsonSchema());
        if (!operation.matchingKeys().isEmpty()) {
          json.writeArrayFieldStart("matching_keys");
          for (List<String> key : operation.matchingKeys()) {
            json.writeStartArray();
            for (String part : key) {
              json.writeString(part);
            }
            json.writeEndArray();
          }
          json.writeEndArray();
        }
        json.writeEndObject();
      }
      json.writeEndArray();
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  /** A CONNECTION_STATUS, with a message (masked) when not null. */
  public synchronized void connectionStatus(boolean succeeded, String message) {
    message(() -> {
      json.writeStartObject();
      json.writeStringField("type", "CONNECTION_STATUS");
      json.writeObjectFieldStart("connectionStatus");
      json.writeStringField("status", succeeded ? "SUCCEEDED" : "FAILED");
      if (message != null) {
        json.writeStringField("message", masker.mask(message));
      }
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  /** A TRACE of type ERROR; {@code internalMessage} and {@code stackTrace} may be null. All text is masked. */
  public synchronized void traceError(FailureType type, String message, String internalMessage, String stackTrace) {
    message(() -> {
      json.writeStartObject();
      json.writeStringField("type", "TRACE");
      json.writeObjectFieldStart("trace");
      json.writeStringField("type", "ERROR");
      json.writeNumberField("emitted_at", System.currentTimeMillis());
      json.writeObjectFieldStart("error");
      json.writeStringField("message", masker.mask(message));
      if (internalMessage != null) {
        json.writeStringField("internal_message", masker.mask(internalMessage));
      }
      if (stackTrace != null) {
        json.writeStringField("stack_trace", masker.mask(stackTrace));
      }
      json.writeStringField("failure_type", type.protocolValue());
      json.writeEndObject();
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  /** A LOG message (masked). */
  public synchronized void log(LogLevel level, String message) {
    message(() -> {
      json.writeStartObject();
      json.writeStringField("type", "LOG");
      json.writeObjectFieldStart("log");
      json.writeStringField("level", level.name());
      json.writeStringField("message", masker.mask(message));
      json.writeEndObject();
      json.writeEndObject();
    });
  }

  /** A STATE message, as the write engine prepared it from the one received: written as is, on its own line. */
  public synchronized void state(byte[] line) {
    message(() -> out.write(line));
  }

  /** Writes one message's fields with {@code fields}, then ends its line and flushes it. */
  private void message(MessageBody fields) {
    try {
      fields.write();
      endLine();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @FunctionalInterface
  private interface MessageBody {
    void write() throws IOException;
  }

  private void endLine() throws IOException {
    json.flush();
    out.write('\n');
    out.flush();
  }
}
