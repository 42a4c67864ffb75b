/**
 * Runs a destination's commands as the platform does and captures what it prints:
 * {@link io.destkit.testkit.harness.DestinationRunner} (in process or as a child JVM, same
 * {@link io.destkit.testkit.harness.RunResult}), with an {@link io.destkit.testkit.harness.OutputListener} that hears
 * each message as it is printed.
 */
package io.destkit.testkit.harness;
