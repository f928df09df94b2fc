package org.verbatim.bench;

import java.io.OutputStream;

/** An output stream that only counts the bytes written to it, so a benchmark measures producing them. */
final class Counting extends OutputStream {
  long bytes;

  @Override
  public void write(int b) {
    bytes++;
  }

  @Override
  public void write(byte[] b, int off, int len) {
    bytes += len;
  }
}
