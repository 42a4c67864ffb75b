/**
 * Files for destinations that write them: {@link io.destkit.runtime.files.RotatingJsonLinesWriter} writes a stream as
 * JSON Lines files, rotated by size and made visible atomically at each commit.
 */
package io.destkit.runtime.files;
