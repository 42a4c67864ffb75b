package io.destkit.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs a connector's jar as the platform does: a child JVM with the command's arguments, standard input piped in,
 * standard output and error captured whole. For tests that must see exactly what the platform would. When the
 * protocol's schema can be found (see {@link ProtocolSchema}), every line the connector prints on standard output is
 * validated against it, and a run that printed anything else fails.
 */
public final class ConnectorProcess {
  private static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

  /** What follows the JVM options: {@code -jar JAR}, or {@code -cp CLASSPATH MAIN}. */
  private final List<String> program;
  private final List<String> jvmOptions;
  private final Duration timeout;
  private final Map<String, String> environment;

  private ConnectorProcess(List<String> program, List<String> jvmOptions, Duration timeout,
      Map<String, String> environment) {
    this.program = List.copyOf(program);
    this.jvmOptions = List.copyOf(jvmOptions);
    this.timeout = timeout;
    this.environment = Map.copyOf(environment);
  }

  /** A runner of {@code jar} with the current JVM's {@code java}. */
  public static ConnectorProcess of(Path jar) {
    return new ConnectorProcess(List.of("-jar", jar.toString()), List.of(), DEFAULT_TIMEOUT, Map.of());
  }

  /** A runner of the connector whose generated main class is {@code mainClass}, on {@code classPath}. */
  public static ConnectorProcess ofMainClass(Path classPath, String mainClass) {
    return new ConnectorProcess(List.of("-cp", classPath.toString(), mainClass), List.of(), DEFAULT_TIMEOUT,
        Map.of());
  }

  /** The same runner with extra JVM options, e.g. {@code -Xmx128m}. */
  public ConnectorProcess withJvmOptions(String... options) {
    List<String> all = new ArrayList<>(jvmOptions);
    all.addAll(List.of(options));
    return new ConnectorProcess(program, all, timeout, environment);
  }

  /**
   * The same runner with these variables added to the connector's environment, e.g. speed mode's
   * {@code DATA_CHANNEL_*} ({@link io.destkit.testkit.speed.SpeedModeSource#environment()}).
   */
  public ConnectorProcess withEnvironment(Map<String, String> variables) {
    Map<String, String> all = new java.util.HashMap<>(environment);
    all.putAll(variables);
    return new ConnectorProcess(program, jvmOptions, timeout, all);
  }

  /** The same runner with another limit on how long one run may take before it is killed and reported. */
  public ConnectorProcess withTimeout(Duration limit) {
    return new ConnectorProcess(program, jvmOptions, limit, environment);
  }

  /** {@code java [options] -jar <jar>} (or {@code -cp ... Main}), for messages. */
  @Override
  public String toString() {
    return "java " + (jvmOptions.isEmpty() ? "" : String.join(" ", jvmOptions) + " ") + String.join(" ", program);
  }

  /** Runs the connector with {@code args} and nothing on standard input. */
  public Result run(String... args) {
    return run(new byte[0], args);
  }

  /** Writes a connector's standard input, e.g. generated messages that would not fit in memory at once. */
  @FunctionalInterface
  public interface Input {
    void writeTo(OutputStream stdin) throws IOException;
  }

  /** Runs the connector with {@code args}, writing {@code stdin} to its standard input and then closing it. */
  public Result run(byte[] stdin, String... args) {
    return run(out -> out.write(stdin), args);
  }

  /** Runs the connector with {@code args}, its standard input written by {@code input} as it reads. */
  public Result run(Input input, String... args) {
    return run(input, line -> { }, args);
  }

  /** Hears each line of the connector's standard output as soon as the connector has written it whole. */
  @FunctionalInterface
  public interface LineListener {
    void onLine(String line);
  }

  /**
   * Runs the connector with {@code args}, its standard input written by {@code input}, and tells {@code stdoutLines}
   * each line of standard output as it arrives (on another thread, in order), while the connector goes on.
   */
  public Result run(Input input, LineListener stdoutLines, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.addAll(program);
    command.addAll(List.of(args));
    Process process;
    try {
      ProcessBuilder builder = new ProcessBuilder(command);
      builder.environment().putAll(environment);
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start " + command, e);
    }
    CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(
        () -> readLines(process.getInputStream(), stdoutLines));
    CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
    try (OutputStream in = new java.io.BufferedOutputStream(process.getOutputStream(), 1 << 16)) {
      input.writeTo(in);
    } catch (IOException e) {
      // The connector may exit before reading all of its input; what it printed tells why.
    }
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("The connector did not finish within " + timeout + ": " + command
            + "\nstderr so far:\n" + new String(err.getNow(new byte[0]), StandardCharsets.UTF_8));
      }
      Result result = new Result(process.exitValue(), new String(out.join(), StandardCharsets.UTF_8),
          new String(err.join(), StandardCharsets.UTF_8));
      ProtocolSchema.locate().ifPresentOrElse(schema -> requireProtocol(schema, result), ConnectorProcess::noSchema);
      return result;
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted while running " + command, e);
    }
  }

  /** Reads everything, telling {@code listener} each complete line (without its line break) as it comes. */
  private static byte[] readLines(InputStream in, LineListener listener) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    byte[] block = new byte[1 << 16];
    try (in) {
      int read;
      while ((read = in.read(block)) >= 0) {
        bytes.write(block, 0, read);
        for (int i = 0; i < read; i++) {
          if (block[i] == '\n') {
            listener.onLine(line.toString(StandardCharsets.UTF_8));
            line.reset();
          } else {
            line.write(block[i]);
          }
        }
      }
      if (line.size() > 0) {
        listener.onLine(line.toString(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  private static byte[] readAll(InputStream in) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (in) {
      in.transferTo(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Fails, naming each line and what is wrong with it, unless every whole line the connector printed on standard
   * output is a valid AirbyteMessage of the protocol schema (its payload valid too). A last line without its newline
   * (the connector was killed while writing it) is not a message yet, and is left out.
   */
  private void requireProtocol(ProtocolSchema schema, Result result) {
    List<String> lines = result.stdoutLines();
    int whole = result.stdout().endsWith("\n") || lines.isEmpty() ? lines.size() : lines.size() - 1;
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < whole; i++) {
      List<String> wrong = schema.messageLineProblems(lines.get(i));
      if (!wrong.isEmpty()) {
        problems.add("stdout line " + (i + 1) + ": " + String.join("; ", wrong));
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionError("The connector printed what the Airbyte protocol does not allow (" + this + "):\n  "
          + String.join("\n  ", problems) + "\n" + result);
    }
  }

  /** Said once per JVM: without the protocol's schema, child processes' output is not validated. */
  private static void noSchema() {
    if (!schemaMissingSaid) {
      schemaMissingSaid = true;
      System.err.println("destkit testkit: the standard output of child processes is not validated against the"
          + " protocol schema: " + SchemaFileSetting.fromEnvironment().map(SchemaFileSetting::missingReason)
              .orElseGet(SchemaFileSetting::unsetReason));
    }
  }

  private static volatile boolean schemaMissingSaid;

  /** What one run printed, and how it ended. */
  public record Result(int exitCode, String stdout, String stderr) {
    /** Standard output split into lines, without the final empty one. */
    public List<String> stdoutLines() {
      List<String> lines = new ArrayList<>(List.of(stdout.split("\n", -1)));
      if (lines.get(lines.size() - 1).isEmpty()) {
        lines.remove(lines.size() - 1);
      }
      return lines;
    }

    /** Everything the run printed, for assertions that something never appears. */
    public String allOutput() {
      return stdout + stderr;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout ---\n" + stdout + "--- stderr ---\n" + stderr;
    }
  }
}
