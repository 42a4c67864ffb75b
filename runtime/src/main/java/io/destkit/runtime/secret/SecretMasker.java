package io.destkit.runtime.secret;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Knows the secret values of the running connector and replaces them with {@link #MASK} in any text. Besides the raw
 * value it masks the forms a secret takes when it is quoted in JSON or put in a URL, since that is how it most often
 * leaks (an error that quotes a connection string). Thread-safe.
 */
public final class SecretMasker {
  /** What stands in place of a secret. */
  public static final String MASK = "****";

  private volatile List<String> forms = List.of();

  /** Adds a secret; null and empty values are ignored. */
  public synchronized void add(String secret) {
    if (secret == null || secret.isEmpty()) {
      return;
    }
    Set<String> all = new LinkedHashSet<>(forms);
    all.add(secret);
    all.add(new String(JsonStringEncoder.getInstance().quoteAsString(secret)));
    all.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
    List<String> sorted = new ArrayList<>(all);
    // Longest first, so that a secret containing another is masked whole.
    sorted.sort(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder()));
    forms = List.copyOf(sorted);
  }

  /** Whether any secret is known. */
  public boolean isEmpty() {
    return forms.isEmpty();
  }

  /** The text with every known secret replaced by {@link #MASK}; null stays null. */
  public String mask(String text) {
    if (text == null) {
      return null;
    }
    String masked = text;
    for (String form : forms) {
      if (masked.contains(form)) {
        masked = masked.replace(form, MASK);
      }
    }
    return masked;
  }
}
