package io.destkit.runtime.engine;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.WireFormat;
import io.destkit.runtime.types.MetaChange;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A speed-mode record's {@code meta} (SPEED-MODE.md: {@code AirbyteRecordMessageMeta {repeated change = 1}}, each
 * change {@code {string field = 1; change = 2; reason = 3}}, the enums numbered in {@link MetaChange}'s order).
 */
final class ProtobufMeta {
  private static final int META_CHANGE = 1;
  private static final int CHANGE_FIELD = 1;
  private static final int CHANGE_CHANGE = 2;
  private static final int CHANGE_REASON = 3;
  private static final MetaChange.Change[] KINDS = MetaChange.Change.values();
  private static final MetaChange.Reason[] REASONS = MetaChange.Reason.values();

  private ProtobufMeta() {}

  /** The source's changes of an {@code AirbyteRecordMessageMeta}; a change of a kind or reason unknown is skipped. */
  static List<MetaChange> changes(CodedInputStream input) throws IOException {
    List<MetaChange> changes = new ArrayList<>();
    int limit = input.pushLimit(input.readRawVarint32());
    int tag;
    while ((tag = input.readTag()) != 0) {
      if (WireFormat.getTagFieldNumber(tag) != META_CHANGE) {
        input.skipField(tag);
        continue;
      }
      int changeLimit = input.pushLimit(input.readRawVarint32());
      String field = "";
      int change = 0;
      int reason = 0;
      int changeTag;
      while ((changeTag = input.readTag()) != 0) {
        switch (WireFormat.getTagFieldNumber(changeTag)) {
          case CHANGE_FIELD -> field = input.readStringRequireUtf8();
          case CHANGE_CHANGE -> change = input.readEnum();
          case CHANGE_REASON -> reason = input.readEnum();
          default -> input.skipField(changeTag);
        }
      }
      input.popLimit(changeLimit);
      if (change >= 0 && change < KINDS.length && reason >= 0 && reason < REASONS.length) {
        changes.add(new MetaChange(field, KINDS[change], REASONS[reason]));
      }
    }
    input.popLimit(limit);
    return changes;
  }
}
