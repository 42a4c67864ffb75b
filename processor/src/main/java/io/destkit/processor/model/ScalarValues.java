package io.destkit.processor.model;

import java.math.BigDecimal;

/**
 * Parses the values an author writes as text in annotations ({@code defaultValue}, {@code examples}) into what the
 * property's type holds: Boolean, Long (int and long), BigDecimal (double and BigDecimal), or String (strings and
 * enum values). The validator uses it to reject bad text, the generators to write it typed.
 */
public final class ScalarValues {
  private ScalarValues() {}

  /** Whether values of this type can be written as annotation text. */
  public static boolean isWritable(ConfigType type) {
    return type instanceof ConfigType.ScalarType || type instanceof ConfigType.EnumType;
  }

  /**
   * The parsed value; an {@link IllegalArgumentException} whose message says what is expected when the text does not
   * fit. Enum values are returned as written, not checked against the constants.
   */
  public static Object parse(ConfigType type, String text) {
    if (type instanceof ConfigType.EnumType) {
      return text;
    }
    ConfigType.Scalar scalar = ((ConfigType.ScalarType) type).scalar();
    return switch (scalar) {
      case STRING -> text;
      case BOOLEAN -> {
        if (text.equals("true") || text.equals("false")) {
          yield Boolean.valueOf(text);
        }
        throw new IllegalArgumentException("Write true or false.");
      }
      case INT, LONG -> {
        try {
          long value = Long.parseLong(text.trim());
          if (scalar == ConfigType.Scalar.INT && (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE)) {
            throw new IllegalArgumentException("It does not fit in an int.");
          }
          yield value;
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Write a whole number in digits, e.g. 5432.");
        }
      }
      case DOUBLE, DECIMAL -> {
        try {
          yield new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException("Write a number in digits, e.g. 0.5.");
        }
      }
    };
  }
}
