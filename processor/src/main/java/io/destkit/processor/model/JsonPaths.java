package io.destkit.processor.model;

import com.fasterxml.jackson.core.JsonStreamContext;

/** How destkit names a place in a schema file in messages: a JSON path from {@code $}, e.g. {@code $.properties.id}. */
public final class JsonPaths {
  private JsonPaths() {}

  /** The path a parser had reached, e.g. where a file stops being JSON. */
  public static String of(JsonStreamContext context) {
    StringBuilder path = new StringBuilder();
    for (JsonStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
      if (at.inArray()) {
        path.insert(0, "[" + Math.max(0, at.getCurrentIndex()) + "]");
      } else if (at.getCurrentName() != null) {
        path.insert(0, member(at.getCurrentName()));
      }
    }
    return "$" + path;
  }

  /** The step to a member named {@code name}: {@code .name}, or {@code ['odd name']}. */
  public static String member(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + name : "['" + name.replace("'", "\\'") + "']";
  }
}
