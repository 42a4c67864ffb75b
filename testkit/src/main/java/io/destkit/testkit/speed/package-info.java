/**
 * Speed mode from the source's side: {@link io.destkit.testkit.speed.ProtobufMessages} builds the protobuf frames a
 * source sends a destination over a Unix socket (records with their values by position, STATE and TRACE messages as
 * JSON, probes) and frames them with their length, so that a test can drive a destination's speed-mode reader
 * exactly as the platform would.
 */
package io.destkit.testkit.speed;
