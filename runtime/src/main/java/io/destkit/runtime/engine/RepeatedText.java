package io.destkit.runtime.engine;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A protobuf text field that repeats from record to record, such as a record's stream name or partition id: when its
 * bytes are those of the last one read, the last String is given again, not decoded anew. Decoding a short string is
 * a sixth of reading a typical speed-mode record.
 */
final class RepeatedText {
  private byte[] bytes = new byte[0];
  private String text;

  /**
   * Reads the length-delimited text field whose tag was just read from {@code input}, a reader of {@code frame} from
   * its start. Text that is not UTF-8 is refused as protobuf's own string reader refuses it.
   */
  String read(CodedInputStream input, byte[] frame) throws IOException {
    int length = input.readRawVarint32();
    int at = input.getTotalBytesRead();
    if (text != null && length == bytes.length && length >= 0 && at + length <= frame.length
        && Arrays.equals(frame, at, at + length, bytes, 0, length)) {
      input.skipRawBytes(length);
      return text;
    }
    byte[] read = input.readRawBytes(length);
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(read)).toString();
    } catch (CharacterCodingException e) {
      text = null;
      throw new InvalidProtocolBufferException("Protocol message had invalid UTF-8.");
    }
    bytes = read;
    return text;
  }
}
