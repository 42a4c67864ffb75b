package io.destkit.runtime.config;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.secret.SecretMasker;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What generated config readers read through: typed access to a JSON config that collects every problem, with its
 * JSON path, instead of stopping at the first. Each value method returns {@code null} for an absent value and for a
 * wrong one (which it reports), so a reader reads every property, then builds its object only when nothing was
 * reported. Messages never quote a value: it may be a secret.
 */
public final class ConfigInput {
  private final List<ConfigProblem> problems = new ArrayList<>();
  private final SecretMasker secrets;

  /** Reads into {@code secrets} the values of the properties marked secret. */
  public ConfigInput(SecretMasker secrets) {
    this.secrets = secrets;
  }

  /** Reads a value of one list element; used by generated readers for {@code List} properties. */
  @FunctionalInterface
  public interface ItemReader<T> {
    /** Returns the element read from {@code item}, or null after reporting a problem at {@code path}. */
    T read(JsonNode item, String path);
  }

  /** The path of member {@code name} of the object at {@code path}, in JSONPath notation. */
  public static String child(String path, String name) {
    return isPlainName(name) ? path + "." + name : path + "['" + name.replace("\\", "\\\\").replace("'", "\\'") + "']";
  }

  private static boolean isPlainName(String name) {
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) || name.charAt(0) == '$') {
      return false;
    }
    for (int i = 1; i < name.length(); i++) {
      char c = name.charAt(i);
      if (!Character.isLetterOrDigit(c) && c != '_' && c != '-') {
        return false;
      }
    }
    return true;
  }

  /** How many problems have been reported so far. */
  public int problemCount() {
    return problems.size();
  }

  /** The problems reported so far, in the order found. */
  public List<ConfigProblem> problems() {
    return Collections.unmodifiableList(problems);
  }

  /** Reports a problem at {@code path}. */
  public void problem(String path, String message) {
    problems.add(new ConfigProblem(path, message));
  }

  /** Throws a {@link ConfigException} listing every problem of {@code what} (e.g. "config"), if there is one. */
  public void throwIfProblems(String what) throws ConfigException {
    if (!problems.isEmpty()) {
      throw ConfigException.of(what, problems);
    }
  }

  /**
   * The member {@code name} of {@code object}, or null when it is absent or JSON {@code null}; a missing member that
   * is required is reported at {@code path} (the member's own path).
   */
  public JsonNode member(JsonNode object, String name, String path, boolean required) {
    JsonNode value = object.get(name);
    if (value == null || value.isNull()) {
      if (required) {
        problem(path, "is required");
      }
      return null;
    }
    return value;
  }

  /** Whether {@code node} is a JSON object; reports it when not. A null node (absent) is not an object, silently. */
  public boolean object(JsonNode node, String path) {
    if (node == null) {
      return false;
    }
    if (!node.isObject()) {
      problem(path, "must be an object, not " + describe(node));
      return false;
    }
    return true;
  }

  /** A string value. */
  public String string(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (!node.isTextual()) {
      problem(path, "must be a string, not " + describe(node));
      return null;
    }
    return node.textValue();
  }

  /** A string value that is a secret: read like {@link #string}, and masked in all output from now on. */
  public String secret(JsonNode node, String path) {
    if (node != null && node.isTextual()) {
      secrets.add(node.textValue());
    }
    return string(node, path);
  }

  /** A boolean value. */
  public Boolean bool(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (!node.isBoolean()) {
      problem(path, "must be true or false, not " + describe(node));
      return null;
    }
    return node.booleanValue();
  }

  /** An integer that fits in 32 bits. */
  public Integer int32(JsonNode node, String path) {
    BigDecimal value = integral(node, path);
    if (value == null) {
      return null;
    }
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      problem(path, "must be an integer from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
      return null;
    }
  }

  /** An integer that fits in 64 bits. */
  public Long int64(JsonNode node, String path) {
    BigDecimal value = integral(node, path);
    if (value == null) {
      return null;
    }
    try {
      return value.longValueExact();
    } catch (ArithmeticException e) {
      problem(path, "must be an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
      return null;
    }
  }

  private BigDecimal integral(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (!node.isNumber()) {
      problem(path, "must be an integer, not " + describe(node));
      return null;
    }
    BigDecimal value = node.decimalValue();
    if (value.signum() != 0 && value.stripTrailingZeros().scale() > 0) {
      problem(path, "must be a whole number");
      return null;
    }
    return value;
  }

  /** A number, as a double. */
  public Double float64(JsonNode node, String path) {
    BigDecimal value = decimal(node, path);
    if (value == null) {
      return null;
    }
    double d = value.doubleValue();
    if (Double.isInfinite(d)) {
      problem(path, "is too large for a double");
      return null;
    }
    return d;
  }

  /** A number, exactly as written. */
  public BigDecimal decimal(JsonNode node, String path) {
    if (node == null) {
      return null;
    }
    if (!node.isNumber()) {
      problem(path, "must be a number, not " + describe(node));
      return null;
    }
    return node.decimalValue();
  }

  /** A string that must be one of {@code allowed} (an enum's JSON values). */
  public String oneOf(JsonNode node, String path, List<String> allowed) {
    String value = string(node, path);
    if (value != null && !allowed.contains(value)) {
      problem(path, "must be one of " + String.join(", ", allowed));
      return null;
    }
    return value;
  }

  /** A list whose elements are read by {@code item}; null when any element is wrong. */
  public <T> List<T> list(JsonNode node, String path, ItemReader<T> item) {
    if (node == null) {
      return null;
    }
    if (!node.isArray()) {
      problem(path, "must be an array, not " + describe(node));
      return null;
    }
    int before = problems.size();
    List<T> values = new ArrayList<>(node.size());
    for (int i = 0; i < node.size(); i++) {
      JsonNode element = node.get(i);
      String elementPath = path + "[" + i + "]";
      if (element.isNull()) {
        problem(elementPath, "must not be null");
        continue;
      }
      values.add(item.read(element, elementPath));
    }
    return problems.size() > before ? null : Collections.unmodifiableList(values);
  }

  /**
   * The discriminator of a {@code oneOf} object: the string member {@code property}, which must be one of {@code
   * allowed}; reported at the member's path when absent or wrong.
   */
  public String discriminator(JsonNode object, String path, String property, List<String> allowed) {
    String memberPath = child(path, property);
    JsonNode value = object.get(property);
    if (value == null || value.isNull()) {
      problem(memberPath, "is required: one of " + String.join(", ", allowed));
      return null;
    }
    return oneOf(value, memberPath, allowed);
  }

  /** Reports a number outside [{@code min}, {@code max}]; null passes. Infinite bounds are open. */
  public void range(Number value, String path, double min, double max) {
    if (value == null) {
      return;
    }
    BigDecimal v = value instanceof BigDecimal b ? b : new BigDecimal(value.toString());
    boolean belowMin = !Double.isInfinite(min) && v.compareTo(new BigDecimal(min)) < 0;
    boolean aboveMax = !Double.isInfinite(max) && v.compareTo(new BigDecimal(max)) > 0;
    if (!belowMin && !aboveMax) {
      return;
    }
    if (Double.isInfinite(max)) {
      problem(path, "must be at least " + bound(min));
    } else if (Double.isInfinite(min)) {
      problem(path, "must be at most " + bound(max));
    } else {
      problem(path, "must be from " + bound(min) + " to " + bound(max));
    }
  }

  /** Reports a string in which {@code pattern} is not found (JSON Schema's {@code pattern}); null passes. */
  public void pattern(String value, String path, Pattern pattern, String descriptor) {
    if (value != null && !pattern.matcher(value).find()) {
      String expected = descriptor.isEmpty() ? "the pattern " + pattern.pattern() : descriptor;
      problem(path, "must match " + expected);
    }
  }

  private static String bound(double bound) {
    return bound == Math.rint(bound) && Math.abs(bound) < 1e15 ? Long.toString((long) bound) : Double.toString(bound);
  }

  private static String describe(JsonNode node) {
    return switch (node.getNodeType()) {
      case STRING -> "a string";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case ARRAY -> "an array";
      case OBJECT, POJO -> "an object";
      case NULL, MISSING -> "null";
      case BINARY -> "binary data";
    };
  }
}
