package io.destkit.testkit.memory;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.testkit.harness.DestinationRunner;
import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import io.destkit.testkit.messages.Json;
import io.destkit.testkit.suite.DestinationFeatures;
import io.destkit.testkit.suite.DestinationReader;
import io.destkit.testkit.suite.DestinationSuite;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The suite against the in-memory destination with one {@link MemoryDestination.Flaw}, or none. */
public abstract class MemorySuite extends DestinationSuite {
  private final MemoryDestination.Flaw flaw;

  protected MemorySuite(MemoryDestination.Flaw flaw) {
    this.flaw = flaw;
  }

  @Override
  protected DestinationRunner connector() {
    return DestinationRunner.inProcess(new MemoryDestination(flaw));
  }

  @Override
  protected JsonNode freshConfig() {
    return Json.object("store", "suite-" + UUID.randomUUID(), "token", "tok-" + UUID.randomUUID());
  }

  @Override
  protected DestinationReader reader(JsonNode config) {
    MemoryStore store = MemoryStore.named(config.get("store").asText());
    return new DestinationReader() {
      @Override
      public List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) {
        return store.rows(stream.descriptor());
      }

      @Override
      public Optional<byte[]> file(ConfiguredCatalog catalog, ConfiguredStream stream, String relativePath) {
        return store.file(stream.descriptor(), relativePath);
      }

      @Override
      public void addColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) {
        store.addColumn(stream.descriptor(), column);
      }
    };
  }

  @Override
  protected DestinationFeatures features(JsonNode spec) {
    return DestinationFeatures.fromSpec(spec).with(DestinationFeatures.Feature.FILES);
  }

  @Override
  protected Optional<JsonNode> unusableConfig(JsonNode workingConfig) {
    return Optional.of(Json.object("store", "unreachable-" + UUID.randomUUID(), "token", "s3cr3t-T0ken"));
  }

  @Override
  protected void cleanUp(JsonNode config) {
    MemoryStore.drop(config.get("store").asText());
  }
}
