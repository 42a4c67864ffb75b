package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fast double-to-decimal path gives exactly what BigDecimal.valueOf gives: same digits, same scale. */
class DoublesTest {
  @Test
  void decimalsAsSourcesSendThemGiveWhatBigDecimalValueOfGives() {
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < 400_000; i++) {
      int decimals = random.nextInt(8);
      double value = random.nextLong(-100_000_000_000L, 100_000_000_000L) / Math.pow(10, decimals + 4);
      check(value);
    }
  }

  @Test
  void anyDoubleGivesWhatBigDecimalValueOfGives() {
    SplittableRandom random = new SplittableRandom(2);
    for (int i = 0; i < 400_000; i++) {
      check(Double.longBitsToDouble(random.nextLong()));
      check(random.nextDouble() * Math.pow(10, random.nextInt(-4, 9)));
    }
    for (double value : new double[] {0.0, -0.0, 1e-3, 0.001, 9_999_999.999999, 1e7, 0.1, 0.2, 0.3, 3.0, -3.0,
        1234567.0, 0.30000000000000004, 2.0E-3, 1.0E-3 - 1e-19, Double.MIN_VALUE, Double.MAX_VALUE, 13737.61}) {
      check(value);
    }
  }

  private static void check(double value) {
    if (Double.isFinite(value)) {
      BigDecimal expected = BigDecimal.valueOf(value);
      BigDecimal actual = Doubles.decimal(value);
      assertEquals(expected, actual, () -> "for " + value + " (" + Double.doubleToRawLongBits(value) + ")");
    }
  }
}
