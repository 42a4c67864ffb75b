package io.destkit.runtime.types;

import com.google.protobuf.CodedInputStream;
import java.io.IOException;
import java.util.List;

/**
 * Reads one column's speed-mode values ({@link ProtobufValues#decoder}): build one per column at write start and reuse
 * it for every record, as {@link ValueDecoder} for JSON.
 */
@FunctionalInterface
public interface ProtobufValueDecoder {
  /**
   * Reads one {@code AirbyteValueProtobuf} from {@code input} to its end (the caller's limit) and gives the column's
   * value; a misfit is null with a {@link MetaChange} for {@code field} in {@code changes}.
   */
  Object read(CodedInputStream input, String field, List<MetaChange> changes) throws IOException;
}
