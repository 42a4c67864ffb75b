package io.destkit.testkit.suite;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.annotations.DestinationSyncMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What a destination supports, so that the {@link DestinationSuite} runs what applies and skips the rest, saying why.
 * The sync modes come from the spec's {@code supported_destination_sync_modes} ({@link #fromSpec}), so they follow the
 * connector as it grows; everything else is supported unless declared missing with {@link #without}, with a reason
 * that the skipped tests show. Immutable.
 */
public final class DestinationFeatures {
  /** Abilities beyond the sync modes, which a destination may lack. */
  public enum Feature {
    /** Streams of the same name in different namespaces land apart; namespaces map to schemas, prefixes, folders. */
    NAMESPACES("namespaces"),
    /**
     * Refreshes: with {@code minimum_generation_id == generation_id > 0}, rows of older generations are removed once
     * the stream ends COMPLETE.
     */
    REFRESHES("refreshes (generation ids and truncate refresh)"),
    /** A record of 10 MB lands whole. */
    LARGE_RECORDS("records of 10 MB");

    private final String description;

    Feature(String description) {
      this.description = description;
    }

    /** The ability in a few words, for skip messages. */
    public String description() {
      return description;
    }
  }

  private final Set<DestinationSyncMode> modes;
  private final String modesSource;
  private final Map<Feature, String> missing;

  private DestinationFeatures(Set<DestinationSyncMode> modes, String modesSource, Map<Feature, String> missing) {
    this.modes = Collections.unmodifiableSet(modes.isEmpty() ? EnumSet.noneOf(DestinationSyncMode.class)
        : EnumSet.copyOf(modes));
    this.modesSource = modesSource;
    this.missing = Collections.unmodifiableMap(missing.isEmpty() ? new EnumMap<>(Feature.class)
        : new EnumMap<>(missing));
  }

  /**
   * The modes the ConnectorSpecification {@code spec} (the {@code spec} object of the SPEC message) lists in
   * {@code supported_destination_sync_modes}; every other feature supported.
   */
  public static DestinationFeatures fromSpec(JsonNode spec) {
    Set<DestinationSyncMode> modes = EnumSet.noneOf(DestinationSyncMode.class);
    List<String> listed = new ArrayList<>();
    for (JsonNode mode : spec.path("supported_destination_sync_modes")) {
      listed.add(mode.asText());
      DestinationSyncMode known = DestinationSyncMode.fromProtocol(mode.asText());
      if (known != null) {
        modes.add(known);
      }
    }
    return new DestinationFeatures(modes, "its spec's supported_destination_sync_modes is " + listed,
        Map.of());
  }

  /** Exactly these modes, declared by hand; every other feature supported. */
  public static DestinationFeatures of(Set<DestinationSyncMode> modes) {
    return new DestinationFeatures(modes, "the test declares the modes " + names(modes), Map.of());
  }

  /** The same features but {@code feature}, which the destination lacks for {@code reason} (shown when skipping). */
  public DestinationFeatures without(Feature feature, String reason) {
    Map<Feature, String> more = new EnumMap<>(Feature.class);
    more.putAll(missing);
    more.put(feature, reason);
    return new DestinationFeatures(modes, modesSource, more);
  }

  /** Whether the destination writes streams in {@code mode}. */
  public boolean supports(DestinationSyncMode mode) {
    return modes.contains(mode);
  }

  /** Whether the destination has {@code feature}. */
  public boolean supports(Feature feature) {
    return !missing.containsKey(feature);
  }

  /** The modes it writes. */
  public Set<DestinationSyncMode> modes() {
    return modes;
  }

  /** Why a test that needs {@code mode} is skipped; empty when the mode is supported. */
  public Optional<String> whyNot(DestinationSyncMode mode) {
    return supports(mode) ? Optional.empty() : Optional.of("Skipped: the destination does not support "
        + "destination_sync_mode " + mode.protocolValue() + " (" + modesSource + ")");
  }

  /** Why a test that needs {@code feature} is skipped; empty when it is supported. */
  public Optional<String> whyNot(Feature feature) {
    return supports(feature) ? Optional.empty() : Optional.of("Skipped: the destination does not support "
        + feature.description() + ": " + missing.get(feature));
  }

  private static List<String> names(Set<DestinationSyncMode> modes) {
    List<String> names = new ArrayList<>();
    for (DestinationSyncMode mode : modes) {
      names.add(mode.protocolValue());
    }
    return names;
  }

  @Override
  public String toString() {
    return "modes " + names(modes) + (missing.isEmpty() ? "" : ", without " + missing);
  }
}
