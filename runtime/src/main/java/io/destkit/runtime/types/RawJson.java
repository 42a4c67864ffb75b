package io.destkit.runtime.types;

import java.util.Objects;

/**
 * A value kept as JSON rather than converted: arrays, objects, unions and values of unknown type. {@code json} is
 * compact, valid JSON text (numbers exactly as the source wrote them). A destination stores it in a JSON column
 * (or as text where it has none).
 */
public record RawJson(String json) {
  /** Rejects null: a JSON null is a Java null, not a {@code RawJson}. */
  public RawJson {
    Objects.requireNonNull(json, "json");
  }

  @Override
  public String toString() {
    return json;
  }
}
