package io.destkit.runtime.types;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;
import java.util.List;

/**
 * Turns one JSON value of a record into the Java value of its column's {@link AirbyteType}. Get one from
 * {@link ValueDecoders#forType(AirbyteType)}, once per column; decoders are stateless and thread-safe.
 */
@FunctionalInterface
public interface ValueDecoder {

  /**
   * Reads the value at {@code parser}'s current token, which is the value's first token (already returned by
   * {@code nextToken()}). Consumes the whole value and leaves the parser on its last token (the matching end token
   * for an object or array), so that the caller's next {@code nextToken()} reads what follows.
   *
   * <p>JSON null gives null. A value that does not fit the type gives null and appends one {@link MetaChange} for
   * {@code field} to {@code changes}; a bad value never throws.
   *
   * @throws IOException only when the JSON itself is broken or cannot be read
   */
  Object decode(JsonParser parser, String field, List<MetaChange> changes) throws IOException;
}
