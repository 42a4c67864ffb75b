package ${package};

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.write.StreamDescriptor;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NamesTest {
  @Test
  void plainNamesStayAsTheyAre() {
    assertEquals("amount", Names.column("amount"));
    assertEquals("_id", Names.column("_id"));
    assertEquals("orders", Names.tablePart("orders"));
  }

  @Test
  void namesThatMustChangeGetAHashOfTheOriginal() {
    List<String> names = List.of("Amount", "amount", "AMOUNT", "a.b", "a-b", "a_b", "émigré", "2fa", "日本語", "한국어",
        "with \"quotes\"", "_airbyte_raw_id", "x".repeat(200) + "_1", "x".repeat(200) + "_2");
    Set<String> columns = new HashSet<>();
    for (String name : names) {
      String column = Names.column(name);
      assertTrue(column.matches("[a-z_][a-z0-9_]*") && column.length() <= Names.MAX_LENGTH, column);
      assertTrue(columns.add(column), "two names share the column " + column);
    }
    assertEquals(Names.column("Amount"), Names.column("Amount"), "a name always maps to the same column");
  }

  @Test
  void aNamespaceAndAStreamNeverMakeAnotherStreamsTable() {
    SqliteDialect sqlite = new SqliteDialect();
    String joined = sqlite.tableName(new StreamDescriptor("sales", "orders")).name();
    assertEquals("sales__orders", joined);
    assertNotEquals(joined, sqlite.tableName(new StreamDescriptor(null, "sales__orders")).name());
    assertNotEquals(sqlite.tableName(new StreamDescriptor("a_", "b")).name(),
        sqlite.tableName(new StreamDescriptor("a", "_b")).name());
    assertFalse(sqlite.tableName(new StreamDescriptor(null, "1st")).name().matches("[0-9].*"));
  }
}
