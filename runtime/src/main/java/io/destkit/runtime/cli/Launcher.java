package io.destkit.runtime.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.destkit.runtime.DestinationDefinition;
import io.destkit.runtime.config.ConfigException;
import io.destkit.runtime.config.JsonFiles;
import io.destkit.runtime.discover.DestinationCatalog;
import io.destkit.runtime.engine.CatalogReader;
import io.destkit.runtime.engine.DataChannel;
import io.destkit.runtime.engine.NamespaceMapping;
import io.destkit.runtime.engine.WriteEngine;
import io.destkit.runtime.engine.WriteOptions;
import io.destkit.runtime.error.DestinationException;
import io.destkit.runtime.error.FailureType;
import io.destkit.runtime.protocol.ProtocolOutput;
import io.destkit.runtime.rejected.RejectedRecordsSettings;
import io.destkit.runtime.rejected.RejectedRecordsSink;
import io.destkit.runtime.secret.MaskingOutputStream;
import io.destkit.runtime.secret.SecretMasker;
import io.destkit.runtime.types.JsonTrees;
import io.destkit.runtime.write.Catalog;
import io.destkit.runtime.write.WriteHandlers;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Runs a destination's command as the platform invokes it. Standard output carries protocol messages only; anything
 * else anyone prints goes to standard error, with secrets masked. Exit codes follow the protocol: 0 on success
 * (including a check that reports FAILED), 1 after one TRACE ERROR.
 */
public final class Launcher {
  private Launcher() {}

  /**
   * The entry point of a generated {@code main}: runs the command and exits the JVM with its code. Before anything
   * runs, {@code System.out} is pointed at standard error so that no stray print can corrupt the protocol stream.
   */
  public static void main(DestinationDefinition<?> destination, String[] args) {
    SecretMasker masker = new SecretMasker();
    OutputStream protocol = new FileOutputStream(FileDescriptor.out);
    MaskingOutputStream maskedErr = new MaskingOutputStream(new FileOutputStream(FileDescriptor.err), masker);
    PrintStream err = new PrintStream(maskedErr, false, StandardCharsets.UTF_8);
    System.setOut(err);
    System.setErr(err);
    int code = run(destination, args, System.in, protocol, err, masker, System.getenv());
    err.close();
    System.exit(code);
  }

  /**
   * Runs one command with the given streams and returns the exit code; the in-process form of {@link #main} for
   * tests and harnesses.
   */
  public static int run(DestinationDefinition<?> destination, String[] args, InputStream stdin, OutputStream stdout,
      PrintStream stderr) {
    return run(destination, args, stdin, stdout, stderr, new SecretMasker(), System.getenv());
  }

  /**
   * {@link #run(DestinationDefinition, String[], InputStream, OutputStream, PrintStream)} with the environment the
   * platform would set (e.g. speed mode's {@code DATA_CHANNEL_*}), for tests that run a connector in process.
   */
  public static int run(DestinationDefinition<?> destination, String[] args, InputStream stdin, OutputStream stdout,
      PrintStream stderr, Map<String, String> environment) {
    return run(destination, args, stdin, stdout, stderr, new SecretMasker(), environment);
  }

  private static int run(DestinationDefinition<?> destination, String[] args, InputStream stdin, OutputStream stdout,
      PrintStream stderr, SecretMasker masker, Map<String, String> environment) {
    ProtocolOutput out = new ProtocolOutput(stdout, masker);
    Command command;
    try {
      command = Command.parse(args);
    } catch (IllegalArgumentException e) {
      stderr.print(Command.usage(destination.name()));
      out.traceError(FailureType.CONFIG, e.getMessage(), null, null);
      return 1;
    }
    try {
      // Java 17 has no pattern switch; the five kinds are all of Command's permitted records.
      if (command instanceof Command.Check check) {
        return check(destination, check, out, stderr, masker);
      } else if (command instanceof Command.Write write) {
        return write(destination, write, stdin, out, stderr, masker, environment);
      } else if (command instanceof Command.Spec) {
        return spec(destination, out);
      } else if (command instanceof Command.Discover discover) {
        return discover(destination, discover, out, masker);
      } else {
        stderr.print(Command.usage(destination.name()));
        return 0;
      }
    } catch (DestinationException e) {
      reportFailure(e, e.failureType(), describe(e), out, stderr, masker);
      return 1;
    } catch (Exception | Error e) {
      // Nothing the runtime expected: say so, so that nobody takes it for a problem of the input or the config.
      reportFailure(e, FailureType.SYSTEM, "The destination failed: " + describe(e), out, stderr, masker);
      return 1;
    }
  }

  private static int spec(DestinationDefinition<?> destination, ProtocolOutput out) throws IOException {
    try (InputStream in = destination.getClass().getResourceAsStream(DestinationDefinition.SPEC_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("The connector's jar has no " + DestinationDefinition.SPEC_RESOURCE
            + "; was it built with the destkit processor on the annotationProcessorPaths?");
      }
      out.spec(JsonTrees.parse(in.readAllBytes()));
    }
    return 0;
  }

  private static <C> int check(DestinationDefinition<C> destination, Command.Check command, ProtocolOutput out,
      PrintStream stderr, SecretMasker masker) {
    C config;
    try {
      JsonNode json = JsonFiles.readObject(command.config(), "config");
      config = destination.readConfig(json, masker);
    } catch (ConfigException e) {
      out.connectionStatus(false, e.getMessage());
      return 0;
    }
    try {
      destination.check(config);
      RejectedRecordsSettings rejected = destination.rejectedRecords(config);
      if (rejected != null) {
        rejected.check();
      }
    } catch (Exception e) {
      stderr.println(masker.mask("Check failed: " + stackTrace(e)));
      out.connectionStatus(false, describe(e));
      return 0;
    }
    out.connectionStatus(true, null);
    return 0;
  }

  private static <C> int discover(DestinationDefinition<C> destination, Command.Discover command, ProtocolOutput out,
      SecretMasker masker) throws Exception {
    C config = destination.readConfig(JsonFiles.readObject(command.config(), "config"), masker);
    DestinationCatalog catalog = destination.discover(config);
    if (catalog == null) {
      throw new ConfigException(destination.name() + " has no discover: it declares no destination objects (it is"
          + " not a data activation destination). Its sync modes are in its spec.");
    }
    out.destinationCatalog(catalog);
    return 0;
  }

  private static <C> int write(DestinationDefinition<C> destination, Command.Write command, InputStream stdin,
      ProtocolOutput out, PrintStream stderr, SecretMasker masker, Map<String, String> environment)
      throws Exception {
    C config = destination.readConfig(JsonFiles.readObject(command.config(), "config"), masker);
    DataChannel channel = DataChannel.fromEnvironment(environment, System.getProperties());
    NamespaceMapping mapping = NamespaceMapping.of(channel);
    Catalog catalog = mapping.apply(CatalogReader.read(JsonFiles.readObject(command.catalog(), "catalog")));
    if (catalog.streams().stream().anyMatch(DestinationCatalog::writesToObject)) {
      DestinationCatalog declared = destination.discover(config);
      (declared == null ? new DestinationCatalog(List.of()) : declared).refuseUndeclared(catalog);
    }
    WriteOptions options = WriteOptions.fromProperties(System.getProperties());
    RejectedRecordsSettings rejected = destination.rejectedRecords(config);
    RejectedRecordsSink sink = rejected == null ? null : rejected.open(destination.name());
    WriteHandlers handlers;
    try {
      handlers = destination.writer(config);
    } catch (Exception | Error e) {
      if (sink != null) {
        sink.close();
      }
      throw e;
    }
    new WriteEngine(catalog, handlers, options, out, stderr, sink).run(channel, mapping, stdin);
    return 0;
  }

  private static void reportFailure(Throwable e, FailureType type, String message, ProtocolOutput out,
      PrintStream stderr, SecretMasker masker) {
    String trace = stackTrace(e);
    stderr.println(masker.mask(trace));
    out.traceError(type, message, e.toString(), trace);
  }

  /** The exception's message for people; its class name when it has none. */
  private static String describe(Throwable e) {
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getName() : message;
  }

  private static String stackTrace(Throwable e) {
    StringWriter text = new StringWriter();
    try (PrintWriter writer = new PrintWriter(text)) {
      e.printStackTrace(writer);
    } catch (UncheckedIOException ignored) {
      // StringWriter does not fail.
    }
    return text.toString();
  }
}
