package io.destkit.runtime.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.types.JsonTrees;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads the JSON files a connector is given (config, catalog). Every failure is a {@link ConfigException} that names
 * the file and, for bad JSON, the line and column, but never quotes the file's content: a config holds secrets.
 */
public final class JsonFiles {
  /** A key twice in one object is an error; fractions are read as decimals; nothing may follow the object. */
  private static final JsonFactory FACTORY = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .build();

  private JsonFiles() {}

  /** The JSON object in {@code file}; {@code what} names the file for people ("config", "catalog"). */
  public static JsonNode readObject(Path file, String what) throws ConfigException {
    JsonNode node;
    try (InputStream in = Files.newInputStream(file); JsonParser parser = FACTORY.createParser(in)) {
      node = JsonTrees.whole(parser, true);
    } catch (NoSuchFileException e) {
      throw new ConfigException("The " + what + " file " + file + " does not exist.");
    } catch (AccessDeniedException e) {
      throw new ConfigException("The " + what + " file " + file + " cannot be read: permission denied.");
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the file's content (a secret); only its kind and position are passed on.
      String original = e.getOriginalMessage();
      String problem = original != null && original.startsWith("Duplicate field")
          ? " has the same key twice in one object (" : " is not valid JSON (";
      throw new ConfigException("The " + what + " file " + file + problem + where(e.getLocation()) + ").");
    } catch (IOException e) {
      throw new ConfigException("The " + what + " file " + file + " cannot be read: " + e.getClass().getSimpleName() + ".");
    }
    if (node == null || node.isMissingNode()) {
      throw new ConfigException("The " + what + " file " + file + " is empty; it must hold a JSON object.");
    }
    if (!node.isObject()) {
      throw new ConfigException("The " + what + " file " + file + " must hold a JSON object, not " + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT) + ".");
    }
    return node;
  }

  private static String where(JsonLocation location) {
    if (location == null || location.getLineNr() < 0) {
      return "the error's position is unknown";
    }
    return "error at line " + location.getLineNr() + ", column " + location.getColumnNr();
  }
}
