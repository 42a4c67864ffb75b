/**
 * The write engine: what runs a {@code write} between standard input and the connector's handlers. Not API: a
 * connector and its generated code use {@link io.destkit.runtime.write}; the classes public here are public for the
 * launcher, tests and benchmarks, and may change in any release.
 *
 * <p>The path of a record: {@link io.destkit.runtime.engine.MessageReader} frames input lines in large blocks and
 * hands each message to {@link io.destkit.runtime.engine.MessageDecoder}, which decodes a record's data straight into
 * its stream's column values ({@code StreamPlan}) or typed record (the generated codec) and a STATE into a
 * {@link io.destkit.runtime.engine.StateMessage}; {@link io.destkit.runtime.engine.WriteEngine} buffers records per
 * stream under a memory budget and hands batches to a writer thread; {@code Checkpoints} decides which states may
 * leave and echoes them once the connector has committed their records.
 */
package io.destkit.runtime.engine;
