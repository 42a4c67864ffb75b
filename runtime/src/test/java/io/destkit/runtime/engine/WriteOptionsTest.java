package io.destkit.runtime.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.destkit.runtime.config.ConfigException;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The engine's limits as a connector runs with them: the defaults, changed by system properties. */
class WriteOptionsTest {
  @Test
  void withoutPropertiesTheDefaultsHold() throws ConfigException {
    WriteOptions options = WriteOptions.fromProperties(new Properties());
    assertEquals(WriteOptions.defaults(), options);
    assertEquals(50_000, options.batchRows());
    assertEquals(1L << 20, options.batchBytes());
    assertEquals(WriteOptions.AUTO, options.decoders());
    assertTrue(options.memoryBudget() <= WriteOptions.MAX_DEFAULT_BUDGET, "the default budget is capped");
  }

  @Test
  void propertiesSetRowsAndBytesWithUnits() throws ConfigException {
    Properties properties = new Properties();
    properties.setProperty(WriteOptions.BATCH_ROWS, "1000");
    properties.setProperty(WriteOptions.BATCH_BYTES, "32m");
    properties.setProperty(WriteOptions.MEMORY_BUDGET, " 2G ");
    properties.setProperty(WriteOptions.DECODERS, "3");
    WriteOptions options = WriteOptions.fromProperties(properties);
    assertEquals(3, options.decoders());
    assertEquals(1000, options.batchRows());
    assertEquals(32L << 20, options.batchBytes());
    assertEquals(2L << 30, options.memoryBudget());

    properties.setProperty(WriteOptions.BATCH_BYTES, "4096");
    assertEquals(4096, WriteOptions.fromProperties(properties).batchBytes());
    properties.setProperty(WriteOptions.DECODERS, " Auto");
    assertEquals(WriteOptions.AUTO, WriteOptions.fromProperties(properties).decoders());
  }

  @Test
  void aValueThatIsNotAPositiveNumberIsRefusedByName() {
    for (String[] bad : new String[][] {{WriteOptions.BATCH_ROWS, "10k"}, {WriteOptions.BATCH_ROWS, "0"},
        {WriteOptions.BATCH_ROWS, "3000000000"}, {WriteOptions.BATCH_BYTES, "-1m"}, {WriteOptions.BATCH_BYTES, "m"},
        {WriteOptions.MEMORY_BUDGET, "lots"}, {WriteOptions.MEMORY_BUDGET, "99999999999g"},
        {WriteOptions.DECODERS, "0"}, {WriteOptions.DECODERS, "65"}, {WriteOptions.DECODERS, "2m"}}) {
      Properties properties = new Properties();
      properties.setProperty(bad[0], bad[1]);
      ConfigException e = assertThrows(ConfigException.class, () -> WriteOptions.fromProperties(properties),
          bad[0] + "=" + bad[1]);
      assertTrue(e.getMessage().contains(bad[0]), e.getMessage());
    }
  }
}
