package io.destkit.testkit.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.annotations.DestinationSyncMode;
import io.destkit.testkit.messages.Json;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a destination supports, and why the suite skips what it does not. */
class DestinationFeaturesTest {

  @Test
  void modesComeFromTheSpecAndSkipsSayWhy() {
    DestinationFeatures features = DestinationFeatures.fromSpec(Json.parse(
        "{\"supported_destination_sync_modes\":[\"append\",\"overwrite\"]}"));
    assertTrue(features.supports(DestinationSyncMode.OVERWRITE));
    assertFalse(features.supports(DestinationSyncMode.APPEND_DEDUP));
    assertEquals(Optional.of("Skipped: the destination does not support destination_sync_mode append_dedup (its"
        + " spec's supported_destination_sync_modes is [append, overwrite])"),
        features.whyNot(DestinationSyncMode.APPEND_DEDUP));
    assertEquals(Optional.empty(), features.whyNot(DestinationSyncMode.APPEND));
  }

  @Test
  void aFeatureDeclaredMissingIsSkippedWithItsReason() {
    DestinationFeatures features = DestinationFeatures.fromSpec(Json.object())
        .without(DestinationFeatures.Feature.NAMESPACES, "one folder holds every stream");
    assertFalse(features.supports(DestinationFeatures.Feature.NAMESPACES));
    assertTrue(features.supports(DestinationFeatures.Feature.REFRESHES));
    assertEquals(Optional.of("Skipped: the destination does not support namespaces: one folder holds every stream"),
        features.whyNot(DestinationFeatures.Feature.NAMESPACES));
  }

  @Test
  void filesAreMissingUntilDeclaredAndStayDeclared() {
    DestinationFeatures features = DestinationFeatures.fromSpec(Json.object());
    assertFalse(features.supports(DestinationFeatures.Feature.FILES));
    assertTrue(features.whyNot(DestinationFeatures.Feature.FILES).orElseThrow()
        .contains("declares it with features(spec).with(Feature.FILES)"));
    DestinationFeatures declared = features.with(DestinationFeatures.Feature.FILES)
        .without(DestinationFeatures.Feature.NAMESPACES, "one folder");
    assertTrue(declared.supports(DestinationFeatures.Feature.FILES));
    assertFalse(declared.supports(DestinationFeatures.Feature.NAMESPACES));
  }
}
