package io.destkit.runtime.engine;

import java.io.PrintStream;
import java.util.Collection;
import java.util.Locale;

/** Tells people on standard error how the write goes: records, bytes and rate, in all and per stream. */
final class Progress {
  private final PrintStream err;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private long lastReport = start;

  Progress(PrintStream err, java.time.Duration interval) {
    this.err = err;
    this.intervalNanos = interval.toNanos();
  }

  /** Prints a report when one is due. */
  void maybeReport(Collection<StreamBuffer> streams, long now) {
    if (intervalNanos > 0 && now - lastReport >= intervalNanos) {
      lastReport = now;
      report("progress", streams, now);
    }
  }

  /** Prints a report now, e.g. at the end. */
  void report(String what, Collection<StreamBuffer> streams, long now) {
    long records = 0;
    long bytes = 0;
    StringBuilder perStream = new StringBuilder();
    for (StreamBuffer stream : streams) {
      records += stream.received;
      bytes += stream.receivedBytes;
      if (stream.received > 0) {
        perStream.append(String.format(Locale.ROOT, "; %s: %,d", stream.stream.descriptor(), stream.received));
      }
    }
    double seconds = Math.max((now - start) / 1e9, 1e-3);
    err.println(String.format(Locale.ROOT, "destkit %s: %,d records, %.1f MB in %.1f s (%,.0f records/s, %.1f MB/s)%s",
        what, records, bytes / 1e6, seconds, records / seconds, bytes / 1e6 / seconds, perStream));
  }
}
