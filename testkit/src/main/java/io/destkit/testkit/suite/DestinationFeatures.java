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
 * connector as it grows; every other feature is supported unless declared missing with {@link #without}, with a
 * reason that the skipped tests show, except {@link Feature#FILES}, which few destinations have: it is missing unless
 * declared with {@link #with}. Immutable.
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
    LARGE_RECORDS("records of 10 MB"),
    /**
     * Schema evolution: column types widen when a field's type changes (the values already there kept, the new ones
     * landing as sent); a dropped field's column is kept, with its values. The tests of {@link SchemaEvolutionSuite}
     * that change a field's type or read a dropped field need it; those of a new field and of a table the user
     * altered do not.
     */
    SCHEMA_EVOLUTION("schema evolution (column types widen when a field's type changes; a dropped field's column is"
        + " kept)"),
    /**
     * Files with their records (protocol 0.15): for a stream with {@code include_files}, each record's staged file
     * ({@code file_reference}) lands beside it under its relative path, checked for its size, never outside the
     * destination. Missing unless declared, as the connector's {@code @OnRecords(files = true)} makes it.
     */
    FILES("files with their records (include_files)", "not declared. A connector that handles files"
        + " (@OnRecords(files = true)) declares it with features(spec).with(Feature.FILES), and its DestinationReader"
        + " reads them back with file(...)");

    private final String description;
    private final String missingUnlessDeclared;

    Feature(String description) {
      this(description, null);
    }

    Feature(String description, String missingUnlessDeclared) {
      this.description = description;
      this.missingUnlessDeclared = missingUnlessDeclared;
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

  /** The features missing until declared, with why. */
  private static Map<Feature, String> undeclared() {
    Map<Feature, String> missing = new EnumMap<>(Feature.class);
    for (Feature feature : Feature.values()) {
      if (feature.missingUnlessDeclared != null) {
        missing.put(feature, feature.missingUnlessDeclared);
      }
    }
    return missing;
  }

  /**
   * The modes the ConnectorSpecification {@code spec} (the {@code spec} object of the SPEC message) lists in
   * {@code supported_destination_sync_modes}; every other feature supported but those missing unless declared.
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
        undeclared());
  }

  /** Exactly these modes, declared by hand; the other features as {@link #fromSpec} has them. */
  public static DestinationFeatures of(Set<DestinationSyncMode> modes) {
    return new DestinationFeatures(modes, "the test declares the modes " + names(modes), undeclared());
  }

  /** The same features and {@code feature}, which the destination has (for one missing unless declared). */
  public DestinationFeatures with(Feature feature) {
    Map<Feature, String> fewer = new EnumMap<>(Feature.class);
    fewer.putAll(missing);
    fewer.remove(feature);
    return new DestinationFeatures(modes, modesSource, fewer);
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
