package io.destkit.runtime.engine;

/**
 * Bytes of heap that records may hold between being read and being written. The reader takes, the writer gives
 * back; one record is always let in when nothing is held, so that no record is too large to pass.
 */
final class MemoryBudget {
  private final long limit;
  private long used;
  private boolean aborted;

  MemoryBudget(long limit) {
    this.limit = limit;
  }

  /** Takes {@code bytes} if they fit; false when they do not (flush something, or wait). */
  synchronized boolean tryAcquire(long bytes) {
    if (used > 0 && used + bytes > limit) {
      return false;
    }
    used += bytes;
    return true;
  }

  /** Takes {@code bytes}, waiting for the writer to give enough back; returns at once when the write failed. */
  synchronized void acquire(long bytes) throws InterruptedException {
    while (used > 0 && used + bytes > limit && !aborted) {
      wait();
    }
    used += bytes;
  }

  synchronized void release(long bytes) {
    used -= bytes;
    notifyAll();
  }

  /** Wakes a waiting reader for good: the writer failed. */
  synchronized void abort() {
    aborted = true;
    notifyAll();
  }

  synchronized long used() {
    return used;
  }
}
