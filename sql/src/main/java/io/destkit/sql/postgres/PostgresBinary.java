package io.destkit.sql.postgres;

import io.destkit.runtime.types.RawJson;
import io.destkit.sql.StorageType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Rows in COPY's binary format: a header, then per row the number of fields and each field as its length and the
 * bytes of the column type's binary form (what the server's {@code *_recv} functions read), then a trailer. The
 * server reads this without parsing text, which makes a COPY of typical rows about 40% cheaper for it than CSV
 * (BENCHMARKS.md, issue 18), and the connector writes numbers, ids and timestamps without text either.
 *
 * <p>Only the column types the warehouse itself creates have a binary form here ({@link #kind}); a table with any
 * other column type is copied as CSV ({@link PostgresCsv}).
 */
final class PostgresBinary extends CopyData {
  /** A column type with a binary form here. */
  enum Kind { BOOLEAN, BIGINT, NUMERIC, TEXT, DATE, TIMESTAMPTZ, TIMESTAMP, TIMETZ, TIME, BYTEA, JSONB, UUID }

  private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};
  /** PostgreSQL's epoch for dates and times, 2000-01-01, in days and in seconds from 1970-01-01. */
  private static final long EPOCH_DAYS = LocalDate.of(2000, 1, 1).toEpochDay();
  private static final long EPOCH_SECONDS = EPOCH_DAYS * 86_400;
  private static final BigInteger TEN_THOUSAND = BigInteger.valueOf(10_000);


  /** The kind of a column of type {@code formatType} (as {@code format_type} names it), or null: none here. */
  static Kind kind(String formatType) {
    return switch (formatType) {
      case "boolean" -> Kind.BOOLEAN;
      case "bigint" -> Kind.BIGINT;
      case "numeric" -> Kind.NUMERIC;
      case "text" -> Kind.TEXT;
      case "date" -> Kind.DATE;
      case "timestamp with time zone" -> Kind.TIMESTAMPTZ;
      case "timestamp without time zone" -> Kind.TIMESTAMP;
      case "time with time zone" -> Kind.TIMETZ;
      case "time without time zone" -> Kind.TIME;
      case "bytea" -> Kind.BYTEA;
      case "jsonb" -> Kind.JSONB;
      case "uuid" -> Kind.UUID;
      default -> null;
    };
  }

  /**
   * The kind of the column the warehouse makes for {@code type} ({@link PostgresDialect#sqlType}): the one kind a
   * value of that type is written as. A table made otherwise (a {@code uuid} column holding text, say) is copied as
   * CSV, which the server converts.
   */
  static Kind kindOf(StorageType type) {
    return switch (type) {
      case BOOLEAN -> Kind.BOOLEAN;
      case INTEGER -> Kind.BIGINT;
      case NUMBER -> Kind.NUMERIC;
      case STRING -> Kind.TEXT;
      case DATE -> Kind.DATE;
      case TIMESTAMP_WITH_TIMEZONE -> Kind.TIMESTAMPTZ;
      case TIMESTAMP_WITHOUT_TIMEZONE -> Kind.TIMESTAMP;
      case TIME_WITH_TIMEZONE -> Kind.TIMETZ;
      case TIME_WITHOUT_TIMEZONE -> Kind.TIME;
      case BINARY -> Kind.BYTEA;
      case JSON -> Kind.JSONB;
    };
  }

  /** The kinds of columns of types {@code formatTypes}, or null when one has no binary form here. */
  static Kind[] kinds(List<String> formatTypes) {
    Kind[] kinds = new Kind[formatTypes.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = kind(formatTypes.get(i));
      if (kinds[i] == null) {
        return null;
      }
    }
    return kinds;
  }

  /** The kind of each data column, in order. */
  private final Kind[] columns;
  /** The last meta written and its bytes: most rows share one. */
  private String lastMeta;
  private byte[] lastMetaField;
  private short[] groupScratch = new short[32];

  /** A writer of rows whose data columns are of {@code columns}. */
  PostgresBinary(Kind[] columns) {
    this.columns = columns;
  }

  /** The header that starts the data: signature, no flags, no extension. */
  @Override
  void startData() {
    room(SIGNATURE.length + 8);
    System.arraycopy(SIGNATURE, 0, bytes, length, SIGNATURE.length);
    length += SIGNATURE.length;
    int32(0);
    int32(0);
  }

  /** The trailer that ends the data. */
  @Override
  void endData() {
    room(2);
    int16(-1);
  }

  @Override
  void startRow(int fields) {
    room(2);
    int16(fields);
  }

  void nullField() {
    room(4);
    int32(-1);
  }

  @Override
  void uuid(UUID id) {
    room(20);
    int32(16);
    int64(id.getMostSignificantBits());
    int64(id.getLeastSignificantBits());
  }

  @Override
  void bigint(long value) {
    room(12);
    int32(8);
    int64(value);
  }

  @Override
  void extractedAt(long epochMillis) {
    room(12);
    int32(8);
    int64((epochMillis - EPOCH_SECONDS * 1000) * 1000);
  }

  @Override
  void meta(String json) {
    if (json != lastMeta) {
      int start = length;
      text(json, true);
      lastMeta = json;
      lastMetaField = Arrays.copyOfRange(bytes, start, length);
      return;
    }
    room(lastMetaField.length);
    System.arraycopy(lastMetaField, 0, bytes, length, lastMetaField.length);
    length += lastMetaField.length;
  }

  @Override
  void column(int index, Object value) {
    value(value, columns[index]);
  }

  @Override
  void endRow() {
    // Rows have no end mark: the next row's field count, or the trailer, follows.
  }

  /** Text as UTF-8 (NUL already removed); for JSONB, its version byte first. */
  void text(String value, boolean jsonb) {
    room(4 + 1 + Utf8.maxBytes(value.length()));
    int start = length;
    length += 4;
    if (jsonb) {
      bytes[length++] = 1;
    }
    length = Utf8.encode(value, bytes, length);
    int size = length - start - 4;
    bytes[start] = (byte) (size >>> 24);
    bytes[start + 1] = (byte) (size >>> 16);
    bytes[start + 2] = (byte) (size >>> 8);
    bytes[start + 3] = (byte) size;
  }

  /** A field holding {@code value} (as {@code ColumnValues.forColumn} gives it, or null) as a column of {@code kind}. */
  void value(Object value, Kind kind) {
    if (value == null) {
      nullField();
      return;
    }
    switch (kind) {
      case BOOLEAN -> {
        room(5);
        int32(1);
        bytes[length++] = (byte) (((Boolean) value) ? 1 : 0);
      }
      case BIGINT -> bigint((Long) value);
      case NUMERIC -> numeric((BigDecimal) value);
      case TEXT -> text((String) value, false);
      case JSONB -> text(((RawJson) value).json(), true);
      case DATE -> {
        room(8);
        int32(4);
        int32((int) (((LocalDate) value).toEpochDay() - EPOCH_DAYS));
      }
      case TIMESTAMPTZ -> {
        OffsetDateTime timestamp = (OffsetDateTime) value;
        micros(timestamp.toEpochSecond(), timestamp.getNano());
      }
      case TIMESTAMP -> {
        LocalDateTime timestamp = (LocalDateTime) value;
        micros(timestamp.toEpochSecond(ZoneOffset.UTC), timestamp.getNano());
      }
      case TIME -> {
        room(12);
        int32(8);
        int64(timeMicros((LocalTime) value));
      }
      case TIMETZ -> {
        OffsetTime time = (OffsetTime) value;
        room(16);
        int32(12);
        int64(timeMicros(time.toLocalTime()));
        // Seconds west of UTC: the opposite sign of the ISO offset.
        int32(-time.getOffset().getTotalSeconds());
      }
      case BYTEA -> {
        byte[] binary = (byte[]) value;
        room(4 + binary.length);
        int32(binary.length);
        System.arraycopy(binary, 0, bytes, length, binary.length);
        length += binary.length;
      }
      case UUID -> uuid((UUID) value);
    }
  }

  /** {@code numeric}: digits in base 10,000 around the decimal point, with the display scale. */
  void numeric(BigDecimal value) {
    int displayScale = Math.max(value.scale(), 0);
    // Whole groups of four decimal digits on each side of the point: scale to a multiple of 4.
    int scale = (displayScale + 3) / 4 * 4;
    int fractionGroups = scale / 4;
    // Groups, least significant first.
    short[] groups;
    int count = 0;
    if (value.scale() >= 0 && value.precision() <= 15) {
      groups = groups(6);
      // Fits a long even with three more digits: no BigInteger (a value's unscaled long, without inflating it).
      long rest = Math.abs(value.scaleByPowerOfTen(value.scale()).longValue());
      for (int i = value.scale(); i < scale; i++) {
        rest *= 10;
      }
      for (; rest != 0; rest /= 10_000) {
        groups[count++] = (short) (rest % 10_000);
      }
    } else {
      BigInteger unscaled = value.abs().setScale(scale).unscaledValue();
      groups = groups(unscaled.bitLength() / 13 + 2);
      for (BigInteger rest = unscaled; rest.signum() != 0; ) {
        BigInteger[] division = rest.divideAndRemainder(TEN_THOUSAND);
        groups[count++] = division[1].shortValue();
        rest = division[0];
      }
    }
    int low = 0;
    while (low < count && groups[low] == 0) {
      low++;
    }
    int digits = count - low;
    int weight = digits == 0 ? 0 : count - 1 - fractionGroups;
    room(4 + 8 + 2 * digits);
    int32(8 + 2 * digits);
    int16(digits);
    int16(weight);
    int16(value.signum() < 0 ? 0x4000 : 0);
    int16(displayScale);
    for (int i = count - 1; i >= low; i--) {
      int16(groups[i]);
    }
  }

  /** The scratch array of a numeric's base-10,000 digits, at least {@code size} long. */
  private short[] groups(int size) {
    if (groupScratch.length < size) {
      groupScratch = new short[size];
    }
    return groupScratch;
  }

  /** A timestamp as microseconds from PostgreSQL's epoch, nanoseconds rounded half to even as the server does. */
  private void micros(long epochSecond, int nano) {
    room(12);
    int32(8);
    int64((epochSecond - EPOCH_SECONDS) * 1_000_000 + roundedMicros(nano));
  }

  private static long timeMicros(LocalTime time) {
    return time.toSecondOfDay() * 1_000_000L + roundedMicros(time.getNano());
  }

  private static long roundedMicros(int nano) {
    long micros = nano / 1000;
    int rest = nano % 1000;
    if (rest > 500 || rest == 500 && (micros & 1) == 1) {
      micros++;
    }
    return micros;
  }

  private void int16(int value) {
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
  }

  private void int32(int value) {
    bytes[length++] = (byte) (value >>> 24);
    bytes[length++] = (byte) (value >>> 16);
    bytes[length++] = (byte) (value >>> 8);
    bytes[length++] = (byte) value;
  }

  private void int64(long value) {
    int32((int) (value >>> 32));
    int32((int) value);
  }
}
