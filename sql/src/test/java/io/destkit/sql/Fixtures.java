package io.destkit.sql;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What the warehouse tests of each engine share: a stream {@code users(id, name, seq)}, its batches, and SQL reads. */
public final class Fixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** Stream {@code users} in {@code mode}, generation 1, sync 3; {@code more} adds fields to the configured stream. */
  public static StreamContext users(String mode, String more) throws Exception {
    return CatalogReader.read(JSON.readTree("{\"streams\":[{\"stream\":{\"name\":\"users\",\"json_schema\":"
        + "{\"type\":\"object\",\"properties\":{\"id\":{\"type\":\"integer\"},\"name\":{\"type\":\"string\"},"
        + "\"seq\":{\"type\":\"integer\"}}}},\"sync_mode\":\"incremental\",\"destination_sync_mode\":\"" + mode
        + "\",\"generation_id\":1,\"minimum_generation_id\":0,\"sync_id\":3" + more + "}]}")).streams().get(0);
  }

  /** A row's decoded values, in the stream's column order. */
  public static Object[] row(long id, String name, long seq) {
    return new Object[] {id, name, seq};
  }

  /** A batch of these rows, emitted one millisecond apart. */
  public static RecordBatch batch(StreamContext stream, Object[]... rows) {
    List<Record> records = new ArrayList<>();
    long emittedAt = 1_700_000_000_000L;
    for (Object[] values : rows) {
      records.add(new Record(UUID.randomUUID(), emittedAt++, values, null, List.of(), 40));
    }
    return new RecordBatch(stream, records);
  }

  /** The rows {@code sql} selects on a new connection to {@code jdbcUrl}, each its values joined by spaces. */
  public static List<String> rows(String jdbcUrl, String sql) throws Exception {
    List<String> rows = new ArrayList<>();
    try (Connection connection = DriverManager.getConnection(jdbcUrl);
        Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
      int columns = result.getMetaData().getColumnCount();
      while (result.next()) {
        List<String> values = new ArrayList<>();
        for (int i = 1; i <= columns; i++) {
          values.add(result.getString(i));
        }
        rows.add(String.join(" ", values));
      }
    }
    return rows;
  }
}
