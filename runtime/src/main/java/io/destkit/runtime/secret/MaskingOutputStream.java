package io.destkit.runtime.secret;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Masks secrets in text that others write, e.g. a JDBC driver or a logging library printing to standard error. It
 * holds bytes until a line ends, so a secret written in pieces is still seen whole; {@link #flush()} therefore passes
 * on only complete lines, and {@link #close()} the rest.
 */
public final class MaskingOutputStream extends OutputStream {
  private static final int MAX_PENDING = 1 << 16;

  private final OutputStream target;
  private final SecretMasker masker;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

  public MaskingOutputStream(OutputStream target, SecretMasker masker) {
    this.target = target;
    this.masker = masker;
  }

  @Override
  public synchronized void write(int b) throws IOException {
    pending.write(b);
    if (b == '\n' || pending.size() >= MAX_PENDING) {
      drain();
    }
  }

  @Override
  public synchronized void write(byte[] bytes, int offset, int length) throws IOException {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] == '\n') {
        pending.write(bytes, start, i + 1 - start);
        drain();
        start = i + 1;
      }
    }
    pending.write(bytes, start, end - start);
    if (pending.size() >= MAX_PENDING) {
      drain();
    }
  }

  @Override
  public synchronized void flush() throws IOException {
    target.flush();
  }

  @Override
  public synchronized void close() throws IOException {
    drain();
    target.close();
  }

  private void drain() throws IOException {
    if (pending.size() == 0) {
      return;
    }
    String text = pending.toString(StandardCharsets.UTF_8);
    pending.reset();
    target.write(masker.mask(text).getBytes(StandardCharsets.UTF_8));
    target.flush();
  }
}
