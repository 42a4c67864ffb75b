package io.destkit.testkit.harness;

import io.destkit.runtime.DestinationDefinition;
import io.destkit.runtime.cli.Launcher;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a destination's commands in this JVM through the runtime's {@link Launcher}. */
final class InProcessRunner extends DestinationRunner {
  private final DestinationDefinition<?> destination;

  InProcessRunner(DestinationDefinition<?> destination) {
    this.destination = destination;
  }

  @Override
  public RunResult run(List<String> args, byte[] stdin, OutputListener listener, Map<String, String> environment) {
    ListenerCalls calls = new ListenerCalls(listener);
    LineCapture stdout = new LineCapture(calls);
    ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    int exitCode;
    try (PrintStream stderr = new PrintStream(errBytes, true, StandardCharsets.UTF_8)) {
      exitCode = Launcher.run(destination, args.toArray(new String[0]), new ByteArrayInputStream(stdin), stdout,
          stderr, environment.isEmpty() ? System.getenv() : merged(environment));
    }
    RunResult result = new RunResult(args.get(0) + " (" + describe() + ")", exitCode, stdout.lines(),
        errBytes.toString(StandardCharsets.UTF_8));
    calls.rethrow(result);
    return result;
  }

  /** This process's environment with {@code added}, as a child process would see it. */
  private static Map<String, String> merged(Map<String, String> added) {
    Map<String, String> all = new HashMap<>(System.getenv());
    all.putAll(added);
    return all;
  }

  @Override
  public String describe() {
    return "in process: " + destination.getClass().getName();
  }

  /** Standard output, split into lines as they are written; each whole line goes to the listener at once. */
  private static final class LineCapture extends OutputStream {
    private final ListenerCalls calls;
    private final List<String> lines = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    LineCapture(ListenerCalls calls) {
      this.calls = calls;
    }

    @Override
    public synchronized void write(int b) {
      if (b == '\n') {
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        lines.add(text);
        calls.line(text);
      } else {
        line.write(b);
      }
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
      int start = offset;
      for (int i = offset; i < offset + length; i++) {
        if (bytes[i] == '\n') {
          line.write(bytes, start, i - start);
          write('\n');
          start = i + 1;
        }
      }
      line.write(bytes, start, offset + length - start);
    }

    synchronized List<String> lines() {
      List<String> all = new ArrayList<>(lines);
      if (line.size() > 0) {
        all.add(line.toString(StandardCharsets.UTF_8));
      }
      return all;
    }
  }
}
