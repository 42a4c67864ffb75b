package io.destkit.sample;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.types.AirbyteType;
import io.destkit.runtime.types.RawJson;
import io.destkit.runtime.write.Column;
import io.destkit.runtime.write.Record;
import io.destkit.runtime.write.RecordBatch;
import io.destkit.runtime.write.StreamContext;
import io.destkit.runtime.write.TypedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns the typed {@code exchange_rates} records into the rows the warehouse loads: the example of a typed stream.
 * Currency codes are upper-cased; fields the connector's schema does not know, which the catalog may add, come from
 * the record's additional properties, so nothing is dropped.
 */
final class ExchangeRateRows {
  private ExchangeRateRows() {}

  static RecordBatch rows(TypedBatch<ExchangeRate> batch) {
    StreamContext stream = batch.stream();
    List<Column> columns = stream.columns();
    List<Record> rows = new ArrayList<>(batch.size());
    for (int i = 0; i < batch.size(); i++) {
      ExchangeRate rate = batch.records().get(i);
      Object[] values = new Object[columns.size()];
      for (int c = 0; c < values.length; c++) {
        values[c] = value(rate, columns.get(c));
      }
      Record meta = batch.meta(i);
      rows.add(new Record(meta.rawId(), meta.emittedAt(), values, rate, meta.changes(), meta.size()));
    }
    // The typed batch's report: what the load changes in these rows is counted in the states after them.
    return new RecordBatch(stream, rows, batch.report());
  }

  private static Object value(ExchangeRate rate, Column column) {
    switch (column.name()) {
      case "currency":
        return rate.getCurrency() == null ? null : rate.getCurrency().toUpperCase(Locale.ROOT);
      case "rate":
        return rate.getRate();
      case "as_of":
        return rate.getAsOf();
      default:
        Object extra = rate.getAdditionalProperties().get(column.name());
        return extra instanceof JsonNode node ? fromJson(node, column.type()) : extra;
    }
  }

  /** An additional property, kept as a tree by the codec, as the column's type holds it. */
  private static Object fromJson(JsonNode node, AirbyteType type) {
    if (node == null || node.isNull()) {
      return null;
    }
    return switch (type.kind()) {
      case STRING -> node.isTextual() ? node.textValue() : node.toString();
      case INTEGER -> node.canConvertToLong() && node.isIntegralNumber() ? node.longValue() : null;
      case NUMBER -> node.isNumber() ? node.decimalValue() : null;
      case BOOLEAN -> node.isBoolean() ? node.booleanValue() : null;
      case DATE, TIMESTAMP_WITH_TIMEZONE, TIMESTAMP_WITHOUT_TIMEZONE, TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE, BINARY,
          ARRAY, OBJECT, UNION, UNKNOWN -> new RawJson(node.toString());
    };
  }
}
