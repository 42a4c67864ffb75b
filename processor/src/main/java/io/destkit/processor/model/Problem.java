package io.destkit.processor.model;

import io.destkit.processor.Message;
import java.util.List;

/** One misuse found by a validator: which catalogued message, where, with which arguments. */
public record Problem(Message message, Site site, List<Object> args) {
  public static Problem of(Message message, Site site, Object... args) {
    return new Problem(message, site, List.of(args));
  }

  /** The text shown to the author, code first. */
  public String text() {
    return message.format(args.toArray());
  }
}
