package org.verbatim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Objects;

/**
 * A one-line progress bar on a terminal: fraction of the file read, rows done, rate and ETA, redrawn at most
 * ten times a second.
 *
 * <pre>{@code
 * [#########...............]  38%  12,288 rows  2,311 rows/s  ETA 0:09
 * }</pre>
 *
 * <p>Not thread-safe: call from the thread that runs the job.
 */
final class ProgressBar implements ClassifyJob.Listener {

  private static final long REDRAW_NANOS = 100_000_000L;
  private static final int WIDTH = 24;

  private final PrintWriter out;
  private final long start;
  private long lastDraw;
  private int lastLength;

  ProgressBar(PrintWriter out, long startNanos) {
    this.out = Objects.requireNonNull(out, "out");
    this.start = startNanos;
    this.lastDraw = startNanos - REDRAW_NANOS;
  }

  @Override
  public void progress(long rows, long bytesRead, long size) {
    long now = System.nanoTime();
    if (now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    String line = render(rows, bytesRead, size, (now - start) / 1e9);
    StringBuilder sb = new StringBuilder("\r").append(line);
    for (int i = line.length(); i < lastLength; i++) {
      sb.append(' ');
    }
    lastLength = line.length();
    out.print(sb);
    out.flush();
  }

  /** Erases the bar. */
  void clear() {
    if (lastLength > 0) {
      out.print("\r" + " ".repeat(lastLength) + "\r");
      out.flush();
      lastLength = 0;
    }
  }

  static String render(long rows, long bytesRead, long size, double seconds) {
    double fraction = size <= 0 ? 1.0 : Math.min(1.0, (double) bytesRead / size);
    int filled = (int) Math.round(fraction * WIDTH);
    StringBuilder sb = new StringBuilder("[");
    sb.append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ");
    sb.append(String.format(Locale.ROOT, "%3d%%  %,d rows", Math.round(fraction * 100), rows));
    if (seconds > 0) {
      sb.append(String.format(Locale.ROOT, "  %,d rows/s", Math.round(rows / seconds)));
    }
    if (fraction > 0 && fraction < 1) {
      sb.append("  ETA ").append(duration(seconds * (1 - fraction) / fraction));
    }
    return sb.toString();
  }

  static String duration(double seconds) {
    long s = Math.round(seconds);
    long h = s / 3600;
    long m = (s % 3600) / 60;
    return h > 0
        ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s % 60)
        : String.format(Locale.ROOT, "%d:%02d", m, s % 60);
  }
}
