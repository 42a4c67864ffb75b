package io.destkit.testkit.harness;

import io.destkit.testkit.ConnectorProcess;
import java.util.List;
import java.util.Map;

/** Runs a destination's commands as a child JVM through {@link ConnectorProcess}. */
final class ChildProcessRunner extends DestinationRunner {
  private final ConnectorProcess process;

  ChildProcessRunner(ConnectorProcess process) {
    this.process = process;
  }

  @Override
  public RunResult run(List<String> args, byte[] stdin, OutputListener listener, Map<String, String> environment) {
    ListenerCalls calls = new ListenerCalls(listener);
    ConnectorProcess.Result run = process.withEnvironment(environment).run(out -> out.write(stdin), calls::line,
        args.toArray(new String[0]));
    RunResult result = new RunResult(args.get(0) + " (" + describe() + ")", run.exitCode(), run.stdoutLines(),
        run.stderr());
    calls.rethrow(result);
    return result;
  }

  @Override
  public String describe() {
    return "child process: " + process;
  }
}
