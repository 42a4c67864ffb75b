package io.destkit.testkit.suite;

import io.destkit.testkit.messages.ConfiguredCatalog;
import io.destkit.testkit.messages.ConfiguredStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * Reads back what landed in a destination, so that the suite can compare it with what it sent. A connector author
 * writes one per destination (a few lines of JDBC, an HTTP client, a file reader); the suite creates one per test,
 * for that test's config, and closes it after the test.
 *
 * <p>Each row maps the stream's <em>field names, as the records carry them</em>, to their values: the reader undoes
 * whatever renaming the destination does (normalized identifiers, prefixes, hashes of long names), usually by calling
 * the connector's own naming code. A row also holds the four Airbyte columns under their own names:
 * {@value #RAW_ID}, {@value #EXTRACTED_AT}, {@value #META}, {@value #GENERATION_ID}. A field that has no place in the
 * destination is left out of the row (the suite reads that as null).
 *
 * <p>Values may be what the destination's driver gives, within these forms, by the field's Airbyte type (the suite
 * compares by meaning, not by Java class):
 * <ul>
 *   <li>string: {@link String}. boolean: {@link Boolean}, a number 0 or 1, or text true/false/t/f/1/0.</li>
 *   <li>integer, number: any {@link Number} or numeric text, compared by value; a {@code double} matches only when it
 *       holds the number that was sent (precision lost is a mismatch).</li>
 *   <li>date: {@link java.time.LocalDate}, {@link java.sql.Date} or ISO-8601 text. Timestamp with time zone:
 *       {@link java.time.OffsetDateTime}, {@link java.time.ZonedDateTime}, {@link java.time.Instant},
 *       {@link java.sql.Timestamp} or ISO-8601 text with an offset; compared as instants. Timestamp without time zone:
 *       {@link java.time.LocalDateTime}, {@link java.sql.Timestamp} or ISO-8601 text. Time with time zone:
 *       {@link java.time.OffsetTime} or ISO-8601 text; compared as the same moment of a day. Time without time zone:
 *       {@link java.time.LocalTime}, {@link java.sql.Time} or ISO-8601 text.</li>
 *   <li>binary: {@code byte[]}, {@link java.nio.ByteBuffer} or base64 text.</li>
 *   <li>object, array, union, schemaless, unknown: a Jackson {@code JsonNode}, or JSON text (or any object whose
 *       {@code toString()} is the JSON, like a driver's JSON value); compared as JSON, numbers by value, keys in any
 *       order.</li>
 *   <li>{@value #RAW_ID}: a {@link java.util.UUID} or its text. {@value #EXTRACTED_AT}: as a timestamp with time
 *       zone, or epoch milliseconds. {@value #META}: JSON as above. {@value #GENERATION_ID}: a number.</li>
 * </ul>
 */
public interface DestinationReader {
  /** The key of the record's id column in a row. */
  String RAW_ID = "_airbyte_raw_id";
  /** The key of the extraction time column in a row. */
  String EXTRACTED_AT = "_airbyte_extracted_at";
  /** The key of the {@code {sync_id, changes}} column in a row. */
  String META = "_airbyte_meta";
  /** The key of the generation column in a row. */
  String GENERATION_ID = "_airbyte_generation_id";

  /**
   * Every row of {@code stream} in the destination now, in any order; an empty list when the destination holds
   * nothing for it (not even a table). {@code catalog} is the catalog of the latest write, which holds
   * {@code stream}: destinations whose names depend on the other streams (to avoid collisions) need it.
   */
  List<Map<String, Object>> rows(ConfiguredCatalog catalog, ConfiguredStream stream) throws Exception;

  /**
   * The bytes of the file that landed for a record of {@code stream} whose {@code file_reference} named
   * {@code relativePath}, wherever the destination puts it (beside the stream's rows, in a bucket...); empty when no
   * such file is there. Only the tests of {@link FileSuite} call it, for a destination declared with
   * {@link DestinationFeatures.Feature#FILES}; by default it says it must be written.
   */
  default Optional<byte[]> file(ConfiguredCatalog catalog, ConfiguredStream stream, String relativePath)
      throws Exception {
    throw new UnsupportedOperationException("The destination is declared with Feature.FILES, but its"
        + " DestinationReader does not read files back: implement file(catalog, stream, relativePath)");
  }

  /**
   * Adds a nullable text column named {@code column} (as given, quoted) to the table of {@code stream}, as the
   * destination's user may do between syncs ({@code ALTER TABLE ... ADD COLUMN}), so that the suite can check that
   * the next sync still lands (see {@link SchemaEvolutionSuite}). {@code catalog} is that of the latest write, as for
   * {@link #rows}. By default the test that needs it is skipped, saying that this method is not written: a
   * destination without tables to alter (files, an API) leaves it so.
   */
  default void addColumn(ConfiguredCatalog catalog, ConfiguredStream stream, String column) throws Exception {
    Assumptions.abort("Skipped: this DestinationReader cannot alter the destination's tables as a user would:"
        + " implement addColumn(catalog, stream, column) to run this test");
  }

  /** Releases connections and files; called once after each test. By default nothing. */
  default void close() throws Exception {}
}
