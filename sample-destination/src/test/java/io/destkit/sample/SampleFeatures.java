package io.destkit.sample;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.annotations.DestinationSyncMode;
import io.destkit.testkit.suite.DestinationFeatures;

/** What the sample destination supports, for the suite: read from its spec, so that it follows the code. */
final class SampleFeatures {
  private SampleFeatures() {}

  static DestinationFeatures of(JsonNode spec) {
    // Rows only: the sample's @OnRecords methods do not take files, so the runtime refuses a stream with them.
    DestinationFeatures features = DestinationFeatures.fromSpec(spec).without(DestinationFeatures.Feature.FILES,
        "a SQL warehouse keeps rows, not files (no @OnRecords(files = true))");
    // Truncate refreshes come with overwrite (one staging table serves both): no overwrite, no refreshes.
    return features.supports(DestinationSyncMode.OVERWRITE) ? features
        : features.without(DestinationFeatures.Feature.REFRESHES, "the sample stages truncate refreshes like"
            + " overwrite, which its spec does not offer yet");
  }
}
