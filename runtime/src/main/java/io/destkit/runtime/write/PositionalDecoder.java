package io.destkit.runtime.write;

import com.google.protobuf.CodedInputStream;
import io.destkit.runtime.types.MetaChange;
import java.io.IOException;
import java.util.List;

/**
 * Decodes a typed stream's speed-mode records straight from protobuf into the record class: value {@code n} of a
 * record is the field at position {@code n} of the list the decoder was built for ({@link RecordCodec#positional}).
 * Generated for each {@code @Stream}; it keeps nothing from one record to the next.
 *
 * @param <T> the generated record class
 */
public interface PositionalDecoder<T> {
  /**
   * Decodes one {@code AirbyteRecordMessageProtobuf}, {@code record} reading that message from its start to its end:
   * every field but the values ({@code data}, field 5) is skipped. Values that do not fit are nulled and reported in
   * {@code changes}, as the JSON codec does; fields of the list that the record class lacks go to its additional
   * properties; fields after the last value stay null.
   *
   * @throws TooManyValuesException when the record has more values than the list has fields
   * @throws IOException when the message is broken (truncated, a value that is not a message)
   */
  T decode(CodedInputStream record, List<MetaChange> changes) throws IOException;
}
