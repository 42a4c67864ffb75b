package io.destkit.testkit.messages;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a write reads on standard input: messages in order, one JSON line each. Immutable.
 *
 * @param messages the messages, in the order they are sent
 */
public record SyncInput(List<Message> messages) {
  /** Keeps an unmodifiable copy. */
  public SyncInput {
    messages = List.copyOf(messages);
  }

  /** These messages, in this order. */
  public static SyncInput of(Message... messages) {
    return new SyncInput(Arrays.asList(messages));
  }

  /** These messages, in this order. */
  public static SyncInput of(List<? extends Message> messages) {
    return new SyncInput(new ArrayList<>(messages));
  }

  /** Nothing at all: an empty standard input. */
  public static SyncInput empty() {
    return new SyncInput(List.of());
  }

  /** This input followed by {@code more}. */
  public SyncInput then(Message... more) {
    return then(Arrays.asList(more));
  }

  /** This input followed by {@code more}. */
  public SyncInput then(List<? extends Message> more) {
    List<Message> all = new ArrayList<>(messages);
    all.addAll(more);
    return new SyncInput(all);
  }

  /** The records, in order. */
  public List<RecordMessage> records() {
    List<RecordMessage> records = new ArrayList<>();
    for (Message message : messages) {
      if (message instanceof RecordMessage record) {
        records.add(record);
      }
    }
    return records;
  }

  /** The records of {@code stream}, in order. */
  public List<RecordMessage> records(ConfiguredStream stream) {
    List<RecordMessage> records = new ArrayList<>();
    for (RecordMessage record : records()) {
      if (record.stream().equals(stream.descriptor())) {
        records.add(record);
      }
    }
    return records;
  }

  /** The states, in order. */
  public List<StateMessage> states() {
    List<StateMessage> states = new ArrayList<>();
    for (Message message : messages) {
      if (message instanceof StateMessage state) {
        states.add(state);
      }
    }
    return states;
  }

  /** Writes the lines, each ended by {@code \n}, in UTF-8. */
  public void writeTo(OutputStream out) throws IOException {
    for (Message message : messages) {
      out.write(message.toLine().getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
  }

  /** The lines, each ended by {@code \n}, in UTF-8. */
  public byte[] toBytes() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try {
      writeTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }
}
