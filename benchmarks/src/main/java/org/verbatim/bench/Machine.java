package org.verbatim.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A one-line description of the machine and JVM for result files: cores, memory, OS, Java version.
 *
 * <pre>{@code
 * Machine.describe();   // "2 cores, 23.5 GiB RAM, Linux 6.1 amd64, Java 17.0.15 (Debian)"
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class Machine {

  private static final Pattern MEM_TOTAL = Pattern.compile("MemTotal:\\s+(\\d+) kB");

  private Machine() {}

  /** Cores, total memory (from {@code /proc/meminfo} when readable), OS and Java version. */
  public static String describe() {
    String mem = "? GiB";
    try {
      Matcher m = MEM_TOTAL.matcher(Files.readString(Path.of("/proc/meminfo")));
      if (m.find()) {
        mem = String.format(Locale.ROOT, "%.1f GiB", Long.parseLong(m.group(1)) / 1048576.0);
      }
    } catch (IOException | RuntimeException e) {
      // not Linux: leave unknown
    }
    return Runtime.getRuntime().availableProcessors() + " cores, " + mem + " RAM, "
        + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch")
        + ", Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")";
  }

  /**
   * Selects SLF4J's no-op provider (OpenNLP logs through SLF4J and the jar bundles no binding, which makes SLF4J
   * print a warning), unless a provider was chosen with {@code -Dslf4j.provider}.
   */
  public static void quietLogging() {
    if (System.getProperty("slf4j.provider") == null) {
      System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
      if (System.getProperty("slf4j.internal.verbosity") == null) {
        System.setProperty("slf4j.internal.verbosity", "WARN");
      }
    }
  }

  /**
   * The 1-minute load average (runnable plus waiting tasks, averaged) from {@code /proc/loadavg}, or NaN where
   * it cannot be read. On a shared machine, a value near or above the core count means a timed run competes for
   * the cores.
   */
  public static double loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return Double.parseDouble(f[0]);
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }

  /** The {@code java} executable of the running JVM. */
  public static String javaExecutable() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
