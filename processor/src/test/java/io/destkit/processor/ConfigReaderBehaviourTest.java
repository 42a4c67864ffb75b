package io.destkit.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.config.ConfigProblem;
import io.destkit.runtime.secret.SecretMasker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The config reader generated for the golden case {@code everything}, a config that uses every feature: it reads and
 * rejects configs as the spec says, registers secrets, and the generated main calls the destination's check with it.
 * What the processor generates for that case is compared in {@link GoldenCasesTest}.
 */
class ConfigReaderBehaviourTest {
  private static final GoldenCase CASE = GoldenCase.named("everything");
  // As the runtime's JsonFiles reads config files: numbers with a fraction keep every digit.
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).build();

  private static ClassLoader generated;

  @BeforeAll
  static void compile() {
    generated = CASE.classes();
  }

  @Test
  void readsAFullConfig() throws Exception {
    Object config = read("""
        {"host": "db.example.com", "port": 6543, "password": "hunter22", "schema": "raw",
         "batch_size": 500, "sampleRate": 0.25, "maxCost": 12345678901234567890.123456789,
         "verbose": true, "retries": 3, "ssl_mode": "verify-full", "tags": ["a", "b"],
         "replicas": [{"host": "r1"}, {"host": "r2", "port": 7000}], "certificate": "-----BEGIN-----\\nabc",
         "tunnel_method": {"tunnel_method": "SSH_PASSWORD_AUTH", "host": "bastion", "user": "me", "password": "pw"},
         "tuning": {"threads": 8, "shards": [[1, 2], [3]]}, "unknown": "kept out"}
        """, new SecretMasker());
    assertEquals("db.example.com", get(config, "host"));
    assertEquals(6543, get(config, "port"));
    assertEquals("hunter22", get(config, "password"));
    assertEquals("raw", get(config, "schema"));
    assertEquals(500L, get(config, "batchSize"));
    assertEquals(0.25, get(config, "sampleRate"));
    assertEquals(new BigDecimal("12345678901234567890.123456789"), get(config, "maxCost"));
    assertEquals(true, get(config, "verbose"));
    assertEquals(3, get(config, "retries"));
    assertEquals("VERIFY_FULL", get(config, "sslMode").toString());
    assertEquals(List.of("a", "b"), get(config, "tags"));
    assertEquals("[Endpoint[host=r1, port=5432], Endpoint[host=r2, port=7000]]", get(config, "replicas").toString());
    Object tunnel = get(config, "tunnel");
    assertEquals("SshPassword", tunnel.getClass().getSimpleName());
    assertEquals("bastion", tunnel.getClass().getField("host").get(tunnel));
    assertEquals("me", tunnel.getClass().getMethod("user").invoke(tunnel));
    Object tuning = get(config, "tuning");
    java.lang.reflect.Field threads = tuning.getClass().getDeclaredField("threads");
    java.lang.reflect.Field shards = tuning.getClass().getDeclaredField("shards");
    threads.setAccessible(true);
    shards.setAccessible(true);
    assertEquals(8, threads.get(tuning));
    assertEquals(List.of(List.of(1L, 2L), List.of(3L)), shards.get(tuning));
  }

  @Test
  void appliesDefaultsToAMinimalConfig() throws Exception {
    Object config = read("{\"host\": \"h\", \"tunnel_method\": {\"tunnel_method\": \"NO_TUNNEL\"}}", new SecretMasker());
    assertEquals(5432, get(config, "port"));
    assertEquals(null, get(config, "password"));
    assertEquals("main", get(config, "schema"));
    assertEquals(10000L, get(config, "batchSize"));
    assertEquals(0.5, get(config, "sampleRate"));
    assertEquals(false, get(config, "verbose"));
    assertEquals(null, get(config, "retries"));
    assertEquals("REQUIRE", get(config, "sslMode").toString());
    assertEquals(List.of(), get(config, "tags"));
    assertEquals("NoTunnel", get(config, "tunnel").getClass().getSimpleName());
    assertEquals(null, get(config, "tuning"));
  }

  @Test
  void reportsEveryProblemWithItsPath() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> read("""
        {"host": 7, "port": 0, "password": 5, "schema": "Bad Schema", "batch_size": 1.5, "sampleRate": "x",
         "ssl_mode": "sometimes", "tags": ["ok", 3], "replicas": [{"port": 1}],
         "tunnel_method": {"tunnel_method": "TELEPATHY"}, "tuning": {"threads": 99, "shards": [[1], "x"]}}
        """, new SecretMasker()));
    assertEquals(List.of(
        new ConfigProblem("$.host", "must be a string, not a number"),
        new ConfigProblem("$.port", "must be from 1 to 65535"),
        new ConfigProblem("$.password", "must be a string, not a number"),
        new ConfigProblem("$.schema", "must match a lower-case identifier"),
        new ConfigProblem("$.batch_size", "must be a whole number"),
        new ConfigProblem("$.sampleRate", "must be a number, not a string"),
        new ConfigProblem("$.ssl_mode", "must be one of DISABLE, require, verify-full"),
        new ConfigProblem("$.tags[1]", "must be a string, not a number"),
        new ConfigProblem("$.replicas[0].host", "is required"),
        new ConfigProblem("$.tunnel_method.tunnel_method", "must be one of NO_TUNNEL, SSH_KEY_AUTH, SSH_PASSWORD_AUTH"),
        new ConfigProblem("$.tuning.threads", "must be from 1 to 64"),
        new ConfigProblem("$.tuning.shards[1]", "must be an array, not a string")), e.problems());
  }

  @Test
  void reportsMissingRequiredPropertiesOfAnEmptyConfig() throws Exception {
    ConfigException e = assertThrows(ConfigException.class, () -> read("{}", new SecretMasker()));
    assertEquals(List.of(new ConfigProblem("$.host", "is required"), new ConfigProblem("$.tunnel_method", "is required")),
        e.problems());
  }

  @Test
  void registersSecretsAsTheyAreRead() throws Exception {
    SecretMasker masker = new SecretMasker();
    read("{\"host\": \"h\", \"password\": \"hunter22\", "
        + "\"tunnel_method\": {\"tunnel_method\": \"SSH_KEY_AUTH\", \"host\": \"b\", \"key\": \"PRIVATEKEY\"}}", masker);
    assertEquals("pw=****, key=****", masker.mask("pw=hunter22, key=PRIVATEKEY"));
  }

  @Test
  void checkIsCalledThroughTheGeneratedMain() throws Exception {
    Object main = generated.loadClass("test.everything.EverythingDestinationMain").getConstructor().newInstance();
    Object config = read("{\"host\": \"unreachable\", \"tunnel_method\": {\"tunnel_method\": \"NO_TUNNEL\"}}",
        new SecretMasker());
    Method check = main.getClass().getMethod("check", config.getClass());
    InvocationTargetException e = assertThrows(InvocationTargetException.class, () -> check.invoke(main, config));
    assertEquals("Cannot reach unreachable", e.getCause().getMessage());
    assertSame(java.io.IOException.class, e.getCause().getClass());
  }

  /** Runs the generated reader; a ConfigException is rethrown as is. */
  private static Object read(String json, SecretMasker masker) throws Exception {
    Class<?> reader = generated.loadClass("test.everything.EverythingConfigReader");
    JsonNode tree = JSON.readTree(json);
    try {
      return reader.getMethod("read", JsonNode.class, SecretMasker.class).invoke(null, tree, masker);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }

  private static Object get(Object record, String component) throws Exception {
    return record.getClass().getMethod(component).invoke(record);
  }
}
