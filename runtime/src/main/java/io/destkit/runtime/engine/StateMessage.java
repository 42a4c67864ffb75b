package io.destkit.runtime.engine;

import io.destkit.runtime.write.StreamDescriptor;

/**
 * A STATE message as read from the input, made where its bytes are: the bytes exactly as received (echoed as they
 * are, with statistics added), where its {@code state} object ends, and what it checkpoints.
 *
 * @param line the message's bytes
 * @param stateEnd offset in {@code line} of the closing brace of the {@code state} object
 * @param stateHasFields whether the {@code state} object has any field (a comma is then needed before one we add)
 * @param hasStats whether it already carries a field the echo sets ({@code destinationStats}, the committed counts),
 *     which the echo then replaces
 * @param scope which records it checkpoints
 * @param stream for a STREAM state, its stream; null otherwise (or when the state names none)
 */
public record StateMessage(byte[] line, int stateEnd, boolean stateHasFields, boolean hasStats, Scope scope,
    StreamDescriptor stream) {
  /** What a state checkpoints: the records of one stream, or of every stream. */
  public enum Scope {
    STREAM, GLOBAL, LEGACY;

    /** The scope of a state whose {@code type} is {@code type}; LEGACY when it has none or one we do not know. */
    static Scope of(String type) {
      if ("STREAM".equals(type)) {
        return STREAM;
      }
      return "GLOBAL".equals(type) ? GLOBAL : LEGACY;
    }
  }
}
