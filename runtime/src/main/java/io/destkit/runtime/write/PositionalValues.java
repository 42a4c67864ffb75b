package io.destkit.runtime.write;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.WireFormat;
import java.io.IOException;

/**
 * Walks the values of an {@code AirbyteRecordMessageProtobuf} for generated {@link PositionalDecoder}s, so that they
 * hold only what is theirs: which field each position is, and how it is read.
 *
 * <pre>{@code
 * int limit;
 * while ((limit = PositionalValues.next(input, position, fields)) != PositionalValues.END) {
 *   ... read value number position from input, to its end ...
 *   input.popLimit(limit);
 *   position++;
 * }
 * }</pre>
 */
public final class PositionalValues {
  /** What {@link #next} gives after the record's last field. */
  public static final int END = -1;

  /** The field number of {@code repeated AirbyteValueProtobuf data} in the record message. */
  private static final int DATA = 5;

  private PositionalValues() {}

  /**
   * Skips the record's fields up to its next value, value number {@code position} (from 0), and pushes a limit at
   * that value's end; the caller reads the value, then pops the limit with what this returned. {@link #END} at the
   * end of the record.
   *
   * @param fields how many fields the schema has
   * @throws TooManyValuesException when {@code position} is {@code fields} or more
   * @throws IOException when the message is broken, or a value is not length-delimited
   */
  public static int next(CodedInputStream record, int position, int fields) throws IOException {
    int tag;
    while ((tag = record.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) != DATA) {
        record.skipField(tag);
      } else if (WireFormat.getTagWireType(tag) != WireFormat.WIRETYPE_LENGTH_DELIMITED) {
        throw new InvalidProtocolBufferException("The record's data is not a list of values (wire type "
            + WireFormat.getTagWireType(tag) + ")");
      } else if (position >= fields) {
        throw new TooManyValuesException(fields);
      } else {
        return record.pushLimit(record.readRawVarint32());
      }
    }
    return END;
  }
}
