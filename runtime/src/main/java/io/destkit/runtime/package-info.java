/**
 * The destkit runtime: what generated connectors run on. {@link io.destkit.runtime.DestinationDefinition} is what
 * the processor generates for a connector; {@link io.destkit.runtime.cli.Launcher} runs it as the platform does.
 */
package io.destkit.runtime;
