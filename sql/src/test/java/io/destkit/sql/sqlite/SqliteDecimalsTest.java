package io.destkit.sql.sqlite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A decimal lands in a real SQLite database as an integer exactly when it is a whole number within a long's range,
 * and otherwise as the double nearest to it, whichever way the engine tells the two apart.
 */
class SqliteDecimalsTest {
  @Test
  void wholeNumbersAreIntegersAndOthersTheNearestDouble() throws Exception {
    List<BigDecimal> decimals = new ArrayList<>();
    for (String text : new String[] {"0", "0.00", "-0.0", "1", "1.0", "1.50", "-2.000", "874096.52", "0.1", "1e3",
        "1E+3", "1e-3", "123456789012345", "12345678901234.5", "1234567890123456", "9223372036854775807",
        "9223372036854775808", "-9223372036854775808", "99999999999999.9", "999999999999999.0", "1e-300", "1e-400",
        "1e-289", "5e-290", "1e400", "3.000000000000000000001", "100000000000000.00000"}) {
      decimals.add(new BigDecimal(text));
    }
    SplittableRandom random = new SplittableRandom(7);
    for (int i = 0; i < 20_000; i++) {
      int scale = random.nextInt(-3, 12);
      long unscaled = random.nextLong(-10_000_000_000_000_000L, 10_000_000_000_000_000L)
          / (long) Math.pow(10, random.nextInt(0, 16));
      decimals.add(BigDecimal.valueOf(unscaled, scale));
      if (i % 10 == 0) {
        decimals.add(BigDecimal.valueOf(unscaled * 100, 2));
      }
    }
    SqliteEngine engine = new SqliteEngine();
    try (Connection connection = DriverManager.getConnection("jdbc:sqlite::memory:");
        PreparedStatement statement = connection.prepareStatement("SELECT typeof(?1), ?1")) {
      for (BigDecimal decimal : decimals) {
        engine.bind(statement, 1, decimal);
        try (ResultSet result = statement.executeQuery()) {
          result.next();
          Long whole = whole(decimal);
          if (whole != null) {
            assertEquals("integer", result.getString(1), decimal::toPlainString);
            assertEquals(whole.longValue(), result.getLong(2), decimal::toPlainString);
          } else {
            assertEquals("real", result.getString(1), decimal::toPlainString);
            assertEquals(decimal.doubleValue(), result.getDouble(2), decimal::toPlainString);
          }
        }
      }
    }
  }

  /** The decimal as a long when it is a whole number in a long's range, worked out the slow, sure way. */
  private static Long whole(BigDecimal decimal) {
    if (decimal.signum() == 0) {
      return 0L;
    }
    BigDecimal stripped = decimal.stripTrailingZeros();
    if (stripped.scale() > 0) {
      return null;
    }
    BigInteger value = stripped.toBigIntegerExact();
    return value.bitLength() < 64 ? value.longValue() : null;
  }
}
