package io.destkit.runtime.types;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The direct writer must give exactly the JDK formatter's text, for every kind of value. */
class IsoTextTest {
  @Test
  void writesWhatTheJdkFormatterWrites() {
    SplittableRandom random = new SplittableRandom(11);
    int[] nanos = {0, 1, 10, 100_000, 120_000_000, 123_000_000, 123_456_789, 999_999_999, 500_000_000};
    int[] offsets = {0, 3600, -3600, 19_800, -34_200, 50_400, -64_800, 45, -3_599};
    for (int i = 0; i < 100_000; i++) {
      int year = i % 50 == 0 ? random.nextInt(-20_000, 20_000) : random.nextInt(0, 10_000);
      OffsetDateTime value = OffsetDateTime.of(year, 1 + random.nextInt(12), 1 + random.nextInt(28),
          random.nextInt(24), random.nextInt(60), random.nextInt(60), nanos[random.nextInt(nanos.length)],
          ZoneOffset.ofTotalSeconds(offsets[random.nextInt(offsets.length)]));
      assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value), IsoText.offsetDateTime(value));
    }
  }

  @Test
  void writesTheEdgesOfTheOrdinaryYears() {
    for (String text : new String[] {"0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z",
        "2024-02-29T12:00:00.5+05:30", "1970-01-01T00:00:00.000000001-00:30"}) {
      OffsetDateTime value = OffsetDateTime.parse(text);
      assertEquals(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value), IsoText.offsetDateTime(value));
    }
  }
}
