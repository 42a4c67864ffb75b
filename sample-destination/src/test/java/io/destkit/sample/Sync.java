package io.destkit.sample;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.engine.WriteEngine;
import io.destkit.runtime.engine.WriteOptions;
import io.destkit.runtime.error.IncompleteStreamsException;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.write.WriteHandlers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * One write of the sample destination in this JVM, through the runtime's real engine: a catalog and messages built
 * here, states read back. Batches can be made as small as one record, so that every record is its own commit.
 */
final class Sync {
  /** Numbers kept exactly as written, so that a test sends 1e400 or 0.1000000000000000055511 as it reads. */
  static final ObjectMapper JSON = JsonMapper.builder()
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .build();

  private final List<ObjectNode> streams = new ArrayList<>();
  private final List<String> messages = new ArrayList<>();
  private int batchRows = 50_000;
  private UnaryOperator<WriteHandlers> handlers = UnaryOperator.identity();
  /** Streams whose COMPLETE was sent, and those left unfinished; the others are completed at the input's end. */
  private final Set<Stream> completed = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Set<Stream> unfinished = Collections.newSetFromMap(new IdentityHashMap<>());
  private final List<Stream> declared = new ArrayList<>();

  /** What a write did: the states it echoed, what it printed for people, and how it failed (or null). */
  record Result(List<JsonNode> states, String stderr, Exception failure) {
    Result assertSucceeded() {
      if (failure != null) {
        throw new AssertionError("the write failed: " + failure + "\n" + stderr, failure);
      }
      return this;
    }

    /** The write failed as a sync must whose input ended before {@code streams} completed, and only so. */
    Result assertIncomplete(String... streams) {
      if (!(failure instanceof IncompleteStreamsException incomplete)) {
        throw new AssertionError("expected the sync to fail for streams that did not complete, got: " + failure
            + "\n" + stderr, failure);
      }
      if (!incomplete.streams().equals(List.of(streams))) {
        throw new AssertionError("expected " + List.of(streams) + " not to complete, the failure names "
            + incomplete.streams());
      }
      return this;
    }
  }

  /** A catalog stream; namespace may be null. */
  Stream stream(String namespace, String name, String mode, String properties) {
    ObjectNode configured = JSON.createObjectNode();
    ObjectNode stream = configured.putObject("stream");
    stream.put("name", name);
    if (namespace != null) {
      stream.put("namespace", namespace);
    }
    ObjectNode schema = stream.putObject("json_schema");
    schema.put("type", "object");
    schema.set("properties", parse(properties));
    configured.put("sync_mode", mode.equals("append_dedup") ? "incremental" : "full_refresh");
    configured.put("destination_sync_mode", mode);
    configured.put("generation_id", 1);
    configured.put("minimum_generation_id", mode.equals("overwrite") ? 1 : 0);
    configured.put("sync_id", 7);
    streams.add(configured);
    Stream declaredStream = new Stream(this, configured, namespace, name);
    declared.add(declaredStream);
    return declaredStream;
  }

  /** A stream of the catalog being built. */
  record Stream(Sync sync, ObjectNode configured, String namespace, String name) {
    Stream primaryKey(String... fields) {
      ArrayNode key = configured.putArray("primary_key");
      for (String field : fields) {
        key.addArray().add(field);
      }
      return this;
    }

    Stream cursor(String field) {
      configured.putArray("cursor_field").add(field);
      return this;
    }

    Stream generation(long generationId, long minimumGenerationId) {
      configured.put("generation_id", generationId);
      configured.put("minimum_generation_id", minimumGenerationId);
      return this;
    }

    /** A RECORD of this stream with {@code data} (JSON) extracted at {@code emittedAt}. */
    Stream record(String data, long emittedAt) {
      ObjectNode record = JSON.createObjectNode();
      record.put("stream", name);
      if (namespace != null) {
        record.put("namespace", namespace);
      }
      record.set("data", parse(data));
      record.put("emitted_at", emittedAt);
      sync.messages.add(wrap("RECORD", "record", record));
      return this;
    }

    /** A STREAM state of this stream. */
    Stream state(String streamState) {
      ObjectNode state = JSON.createObjectNode();
      state.put("type", "STREAM");
      ObjectNode body = state.putObject("stream");
      ObjectNode descriptor = body.putObject("stream_descriptor");
      descriptor.put("name", name);
      if (namespace != null) {
        descriptor.put("namespace", namespace);
      }
      body.set("stream_state", parse(streamState));
      sync.messages.add(wrap("STATE", "state", state));
      return this;
    }

    /** The input ends without this stream's STREAM_STATUS COMPLETE, as when a sync is cut short. */
    Stream unfinished() {
      sync.unfinished.add(this);
      return this;
    }

    /** The stream's STREAM_STATUS COMPLETE. */
    Stream complete() {
      sync.completed.add(this);
      ObjectNode trace = JSON.createObjectNode();
      trace.put("type", "STREAM_STATUS");
      trace.put("emitted_at", 1);
      ObjectNode status = trace.putObject("stream_status");
      ObjectNode descriptor = status.putObject("stream_descriptor");
      descriptor.put("name", name);
      if (namespace != null) {
        descriptor.put("namespace", namespace);
      }
      status.put("status", "COMPLETE");
      sync.messages.add(wrap("TRACE", "trace", trace));
      return this;
    }
  }

  private static String wrap(String type, String field, ObjectNode body) {
    ObjectNode message = JSON.createObjectNode();
    message.put("type", type);
    message.set(field, body);
    return message.toString();
  }

  /** Every record is a batch of its own, so each is committed (and merged) apart from the others. */
  Sync oneRecordPerBatch() {
    batchRows = 1;
    return this;
  }

  /** Wraps the connector's handlers, e.g. to break something between two calls. */
  Sync handlers(UnaryOperator<WriteHandlers> wrap) {
    handlers = wrap;
    return this;
  }

  String catalog() {
    ObjectNode catalog = JSON.createObjectNode();
    catalog.putArray("streams").addAll(streams);
    return catalog.toString();
  }

  /** The input: what the test sent, then COMPLETE for each stream it neither completed nor left unfinished. */
  List<String> messages() {
    for (Stream stream : declared) {
      if (!completed.contains(stream) && !unfinished.contains(stream)) {
        stream.complete();
      }
    }
    return messages;
  }

  /** Runs the write into {@code database}. */
  Result run(TestDatabase database) {
    return run(database.config());
  }

  Result run(SampleConfig config) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Exception failure = null;
    try (PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      WriteHandlers writer = handlers.apply(new SampleDestinationMain().writer(config));
      byte[] input = (String.join("\n", messages()) + "\n").getBytes(StandardCharsets.UTF_8);
      new WriteEngine(CatalogReader.read(JSON.readTree(catalog())), writer,
          new WriteOptions(batchRows, 32L << 20, 256L << 20, Duration.ofMinutes(5), Duration.ZERO),
          new ProtocolOutput(out, new SecretMasker()), errors).run(new ByteArrayInputStream(input));
    } catch (Exception e) {
      failure = e;
    }
    List<JsonNode> states = new ArrayList<>();
    for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
      if (!line.isBlank()) {
        JsonNode message = parse(line);
        if (message.path("type").asText().equals("STATE")) {
          states.add(message);
        }
      }
    }
    return new Result(states, err.toString(StandardCharsets.UTF_8), failure);
  }

  static JsonNode parse(String json) {
    try {
      return JSON.readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException("Bad JSON in a test: " + json, e);
    }
  }
}
