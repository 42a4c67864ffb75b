package io.destkit.runtime.config;

/**
 * One thing wrong with a config: where ({@code path}, JSONPath from {@code $}) and what, in words that say the fix.
 * Never holds the offending value, which may be a secret.
 */
public record ConfigProblem(String path, String message) {
  @Override
  public String toString() {
    return path + ": " + message;
  }
}
