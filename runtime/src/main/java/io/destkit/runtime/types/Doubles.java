package io.destkit.runtime.types;

import java.math.BigDecimal;

/**
 * A double as the decimal {@link BigDecimal#valueOf(double)} gives (the digits of {@link Double#toString(double)}),
 * without printing it for the values sources send most: those between 0.001 and 10^7 with few decimals, such as
 * prices and measures. Speed mode sends {@code number} values as doubles; printing each one is a tenth of decoding a
 * typical record.
 */
final class Doubles {
  private static final double[] POWERS = new double[16];
  private static final long EXACT = 1L << 53;

  static {
    double power = 1;
    for (int i = 0; i < POWERS.length; i++) {
      POWERS[i] = power;
      power *= 10;
    }
  }

  private Doubles() {}

  /**
   * The fewest decimals that read back as {@code value} (the shortest representation, which is what
   * {@code Double.toString} prints in this range), at least one as {@code toString} writes "3.0"; outside the fast
   * range, {@code BigDecimal.valueOf}.
   */
  static BigDecimal decimal(double value) {
    double magnitude = Math.abs(value);
    if (magnitude >= 1e-3 && magnitude < 1e7) {
      for (int scale = 0; scale < POWERS.length; scale++) {
        double scaled = value * POWERS[scale];
        if (Math.abs(scaled) >= EXACT) {
          break;
        }
        long unscaled = Math.round(scaled);
        // Both operands are exact, so the division is correctly rounded: equal means the decimal reads back as it.
        if (unscaled / POWERS[scale] == value) {
          return scale == 0 ? BigDecimal.valueOf(unscaled * 10, 1) : BigDecimal.valueOf(unscaled, scale);
        }
      }
    }
    return BigDecimal.valueOf(value);
  }
}
