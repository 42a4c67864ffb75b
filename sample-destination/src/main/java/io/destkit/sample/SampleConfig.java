package io.destkit.sample;

import io.destkit.annotations.Choice;
import io.destkit.annotations.ConnectorConfig;
import io.destkit.annotations.OneOf;
import io.destkit.annotations.Property;
import io.destkit.annotations.Range;
import io.destkit.annotations.Secret;
import io.destkit.runtime.rejected.RejectedRecordsFiles;

/** Configuration of the sample SQL destination: which database engine, and where it is. */
@ConnectorConfig(title = "SQL warehouse (destkit sample)",
    description = "Loads every stream into a table of a SQLite file, a PostgreSQL database or a DuckDB file.")
public record SampleConfig(
    @Property(title = "Database", description = "The database the data lands in.", order = 0)
    Database database,
    @Property(name = "rejected_records", title = "Rejected records", description = "Keep records that cannot be"
        + " loaded (data that is not an object, a primary key or cursor value of the wrong type) in JSON Lines files"
        + " instead of failing the sync.", required = false, order = 1)
    RejectedRecordsFiles rejectedRecords) {

  /** The database engines, one per choice of {@link Database}. */
  public enum Engine {
    SQLITE, POSTGRES, DUCKDB
  }

  /** The database engine and its connection settings. */
  @OneOf(discriminator = "engine")
  public sealed interface Database permits Sqlite, Postgres, Duckdb {
    /** The engine of this choice: what {@link Engines} switches over, the one place that tells them apart. */
    Engine engine();
  }

  /** A SQLite database file on the local disk; created when it does not exist. */
  @Choice(value = "sqlite", title = "SQLite", description = "A single database file; no server needed.")
  public record Sqlite(
      @Property(title = "Database file", description = "Path of the SQLite file; created when missing.",
          examples = "/local/warehouse.sqlite", order = 1)
      String path) implements Database {

    @Override
    public Engine engine() {
      return Engine.SQLITE;
    }
  }

  /** A PostgreSQL server. */
  @Choice(value = "postgres", title = "PostgreSQL", description = "A PostgreSQL server, loaded with COPY.")
  public record Postgres(
      @Property(title = "Host", description = "Host name or IP address of the server.", examples = "localhost",
          order = 1)
      String host,
      @Property(title = "Port", description = "Port of the server.", defaultValue = "5432", examples = "5432",
          order = 2)
      @Range(min = 1, max = 65535)
      int port,
      @Property(title = "Database", description = "Name of the database.", order = 3)
      String database,
      @Property(title = "Default schema", description = "Schema of the tables of streams that have no namespace.",
          defaultValue = "public", order = 4)
      String schema,
      @Property(title = "User", description = "User name to connect as.", order = 5)
      String username,
      @Property(title = "Password", description = "Password of the user.", required = false, order = 6)
      @Secret
      String password,
      @Property(title = "SSL", description = "Connect with SSL (the server's certificate is required).",
          defaultValue = "false", order = 7)
      boolean ssl) implements Database {

    @Override
    public Engine engine() {
      return Engine.POSTGRES;
    }

    @Override
    public String toString() {
      return "Postgres[host=" + host + ", port=" + port + ", database=" + database + ", schema=" + schema
          + ", username=" + username + ", password=****, ssl=" + ssl + "]";
    }
  }

  /** A DuckDB database file on the local disk; created when it does not exist. */
  @Choice(value = "duckdb", title = "DuckDB", description = "A single DuckDB file, loaded with DuckDB's appender; no"
      + " server needed. One program at a time may write to it.")
  public record Duckdb(
      @Property(title = "Database file", description = "Path of the DuckDB file; created when missing. Streams"
          + " without namespace go to its schema main.", examples = "/local/warehouse.duckdb", order = 1)
      String path,
      @Property(name = "memory_limit_mb", title = "Memory limit (MB)", description = "The most memory DuckDB may"
          + " use for its buffers during a sync, however large the tables grow. A dedup merge spills to a folder"
          + " beside the file; one that still needs more fails the sync naming this limit: raise it then.",
          defaultValue = "256", examples = "256", order = 2)
      @Range(min = 16)
      int memoryLimitMb) implements Database {

    @Override
    public Engine engine() {
      return Engine.DUCKDB;
    }
  }
}
