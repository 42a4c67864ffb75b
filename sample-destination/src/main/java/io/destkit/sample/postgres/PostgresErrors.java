package io.destkit.sample.postgres;

import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.TransientException;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.sample.SampleConfig;
import io.destkit.sample.jdbc.JdbcConnections;
import io.destkit.sql.postgres.PostgresWarehouse;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Turns what the PostgreSQL driver throws into messages for the person who set up the connection: what failed, on
 * which server, and what to check. No message built here holds the configured password.
 */
public final class PostgresErrors {
  private static final String INVALID_PASSWORD = "28P01";
  private static final String INVALID_AUTHORIZATION = "28000";
  private static final String UNKNOWN_DATABASE = "3D000";
  private static final String CONNECTION_REJECTED = "08004";

  private PostgresErrors() {}

  /** Why {@link JdbcConnections#open} failed for this server, as a config error or, for an outage, a transient one. */
  public static DestinationException connectFailure(SampleConfig.Postgres postgres, SQLException e) {
    String server = "PostgreSQL at " + JdbcConnections.serverAddress(postgres);
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    String reason = reason(postgres, e);
    if (hasCause(e, UnknownHostException.class)) {
      return new ConfigException("Cannot connect to " + server + ": unknown host '" + postgres.host()
          + "'. Check the host name.", e);
    }
    if (hasCause(e, ConnectException.class) || hasCause(e, NoRouteToHostException.class)) {
      return new TransientException("Cannot connect to " + server + ": the connection was refused. Check the host "
          + "and the port, and that the server accepts TCP/IP connections from here.", e);
    }
    if (hasCause(e, SocketTimeoutException.class)) {
      return new TransientException("Cannot connect to " + server + ": no answer within "
          + JdbcConnections.CONNECT_TIMEOUT.toSeconds() + " seconds. Check the host and the port, and that no "
          + "firewall drops the connection.", e);
    }
    if (state.equals(INVALID_PASSWORD) || state.equals(INVALID_AUTHORIZATION)) {
      return new ConfigException("Cannot log in to " + server + " as user '" + postgres.username() + "': " + reason
          + ". Check the user name and the password.", e);
    }
    if (state.equals(CONNECTION_REJECTED) && postgres.password() == null) {
      return new ConfigException("Cannot log in to " + server + " as user '" + postgres.username() + "': " + reason
          + ". Set the password.", e);
    }
    if (state.equals(UNKNOWN_DATABASE)) {
      return new ConfigException("Cannot open database '" + postgres.database() + "' on " + server + ": " + reason
          + ". Check the database name.", e);
    }
    String message = "Cannot connect to " + server + ": " + reason + ".";
    return isOutage(state) ? new TransientException(message, e) : new ConfigException(message, e);
  }

  /**
   * The gist of the failure, without a final period: the server's own message without the severity, position or
   * detail lines the driver adds, or the driver's message when the server said nothing; with the configured password
   * masked all the same.
   */
  public static String reason(SampleConfig.Postgres postgres, SQLException e) {
    String text = null;
    if (e instanceof PSQLException) {
      ServerErrorMessage server = ((PSQLException) e).getServerErrorMessage();
      if (server != null) {
        text = server.getMessage();
      }
    }
    if (text == null) {
      text = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
    int newline = text.indexOf('\n');
    if (newline >= 0) {
      text = text.substring(0, newline);
    }
    text = text.strip();
    if (text.endsWith(".")) {
      text = text.substring(0, text.length() - 1);
    }
    SecretMasker masker = new SecretMasker();
    masker.add(postgres.password());
    return masker.mask(text);
  }

  /** Whether the SQL state tells of an outage that may pass: see {@link PostgresWarehouse#isOutage}. */
  public static boolean isOutage(String sqlState) {
    return PostgresWarehouse.isOutage(sqlState);
  }


  private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
    }
    return false;
  }
}
