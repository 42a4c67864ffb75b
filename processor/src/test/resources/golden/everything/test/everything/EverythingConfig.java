package test.everything;

import io.destkit.annotations.Choice;
import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.EnumValue;
import io.destkit.annotations.Group;
import io.destkit.annotations.OneOf;
import io.destkit.annotations.Pattern;
import io.destkit.annotations.Property;
import io.destkit.annotations.Range;
import io.destkit.annotations.Secret;
import io.destkit.runtime.rejected.RejectedRecordsFiles;
import java.math.BigDecimal;
import java.util.List;

@ConnectorConfig(title = "Everything", description = "A config that uses every feature.",
    groups = {@Group(id = "connection", title = "Connection"), @Group(id = "advanced")})
public record EverythingConfig(
    @Property(title = "Host", description = "Server host.", order = 0, group = "connection",
        examples = {"db.example.com", "10.0.0.1"})
    String host,
    @Property(title = "Port", order = 1, group = "connection", defaultValue = "5432", examples = "5432")
    @Range(min = 1, max = 65535)
    int port,
    @Property(title = "Password", order = 2, group = "connection", required = false, alwaysShow = true)
    @Secret
    String password,
    @Property(order = 3, defaultValue = "main")
    @Pattern(value = "^[a-z_][a-z0-9_]*$", descriptor = "a lower-case identifier")
    String schema,
    @Property(order = 4, name = "batch_size", defaultValue = "10000")
    @Range(min = 1)
    long batchSize,
    @Property(order = 5, defaultValue = "0.5")
    @Range(min = 0, max = 1)
    double sampleRate,
    @Property(order = 6, required = false)
    BigDecimal maxCost,
    @Property(order = 7, defaultValue = "false")
    boolean verbose,
    @Property(order = 8, required = false)
    Integer retries,
    @Property(order = 9, name = "ssl_mode", defaultValue = "require")
    SslMode sslMode,
    @Property(order = 10, required = false)
    List<String> tags,
    @Property(order = 11, required = false)
    List<Endpoint> replicas,
    @Property(order = 12, required = false, multiline = true)
    String certificate,
    @Property(order = 13, name = "tunnel_method", group = "advanced")
    Tunnel tunnel,
    @Property(order = 14, required = false)
    Tuning tuning,
    @Property(order = 15, title = "Rejected records", group = "advanced", required = false,
        description = "Keep records that cannot be loaded instead of failing the sync.")
    RejectedRecordsFiles rejectedRecords) {

  @Override
  public String toString() {
    return "EverythingConfig[host=" + host + ", password=****]";
  }

  public enum SslMode {
    DISABLE,
    @EnumValue("require")
    REQUIRE,
    @EnumValue("verify-full")
    VERIFY_FULL
  }

  public record Endpoint(String host, @Property(defaultValue = "5432") int port) {}

  @OneOf(discriminator = "tunnel_method")
  public sealed interface Tunnel permits NoTunnel, SshKey, SshPassword {}

  @Choice(value = "NO_TUNNEL", title = "No tunnel")
  public record NoTunnel() implements Tunnel {}

  @Choice(value = "SSH_KEY_AUTH", title = "SSH key", description = "Authenticate with a private key.")
  public record SshKey(String host, @Property(multiline = true) @Secret String key) implements Tunnel {
    @Override
    public String toString() {
      return "SshKey[host=" + host + ", key=****]";
    }
  }

  @Choice("SSH_PASSWORD_AUTH")
  public static final class SshPassword implements Tunnel {
    public String host;
    private String user;
    @Secret
    String password;

    public void setUser(String user) {
      this.user = user;
    }

    public String user() {
      return user;
    }
  }

  public static class Tuning {
    @Property(defaultValue = "4")
    @Range(min = 1, max = 64)
    int threads;

    @Property(required = false)
    List<List<Long>> shards;
  }
}
