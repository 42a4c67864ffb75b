package io.destkit.processor.model;

import org.jsonschema2pojo.AnnotationStyle;
import org.jsonschema2pojo.DefaultGenerationConfig;
import org.jsonschema2pojo.GenerationConfig;

/**
 * How jsonschema2pojo is set up for typed streams' record classes. The reader names fields with it (to find
 * collisions) and the writer generates with it, so both must see the same settings: this is the one place.
 */
public final class RecordClassSettings {
  private RecordClassSettings() {}

  /** Longs, BigDecimals, Jackson 2 annotations, no JSR-303, no generated stamp (destkit adds its own), Java 17. */
  public static final GenerationConfig CONFIG = new DefaultGenerationConfig() {
    @Override
    public boolean isUseLongIntegers() {
      return true;
    }

    @Override
    public boolean isUseBigDecimals() {
      return true;
    }

    @Override
    public boolean isIncludeGeneratedAnnotation() {
      return false;
    }

    @Override
    public boolean isInitializeCollections() {
      return false;
    }

    @Override
    public String getTargetVersion() {
      return "17";
    }

    @Override
    public AnnotationStyle getAnnotationStyle() {
      return AnnotationStyle.JACKSON2;
    }

    @Override
    public boolean isIncludeJsr303Annotations() {
      return false;
    }
  };
}
