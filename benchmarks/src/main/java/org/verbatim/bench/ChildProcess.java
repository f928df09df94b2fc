package org.verbatim.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs a command as a child process, timing it and measuring its peak resident set size.
 *
 * <p>Peak RSS comes from {@code /usr/bin/time -v} ("Maximum resident set size") when that program exists,
 * otherwise from polling {@code VmHWM} in {@code /proc/<pid>/status} every 20 ms while the child runs (which
 * can miss growth in the last few milliseconds). Standard output goes to {@code stdout}, standard error
 * (including the report of {@code time}) to {@code stderr}.
 *
 * <pre>{@code
 * ChildProcess.Result r = ChildProcess.run(List.of("java", "-jar", "cli/target/verbatim.jar", "--version"),
 *     Path.of("out/v.stdout"), Path.of("out/v.stderr"));
 * r.seconds(); r.peakRssKb();
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class ChildProcess {

  private static final Path TIME = Path.of("/usr/bin/time");
  private static final Pattern MAX_RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");
  private static final Pattern USER = Pattern.compile("User time \\(seconds\\): ([0-9.]+)");
  private static final Pattern SYSTEM = Pattern.compile("System time \\(seconds\\): ([0-9.]+)");
  private static final Pattern VM_HWM = Pattern.compile("VmHWM:\\s+(\\d+) kB");

  /**
   * What a run gave.
   *
   * @param exitCode the child's exit code
   * @param seconds wall-clock time from start to exit
   * @param peakRssKb peak resident set size in KiB, if it could be measured
   * @param rssSource {@code time -v} or {@code VmHWM polling}
   * @param cpuSeconds user plus system CPU seconds of the child (from {@code time -v}), or NaN when unknown: unlike
   *     the wall time, it hardly depends on how busy the machine is
   */
  public record Result(int exitCode, double seconds, OptionalLong peakRssKb, String rssSource, double cpuSeconds) {

    public Result {
      Objects.requireNonNull(peakRssKb, "peakRssKb");
      Objects.requireNonNull(rssSource, "rssSource");
    }

    /** A result without a CPU time. */
    public Result(int exitCode, double seconds, OptionalLong peakRssKb, String rssSource) {
      this(exitCode, seconds, peakRssKb, rssSource, Double.NaN);
    }

    /** Peak RSS in MB, or NaN when unknown. */
    public double peakRssMb() {
      return peakRssKb.isPresent() ? peakRssKb.getAsLong() / 1024.0 : Double.NaN;
    }
  }

  private ChildProcess() {}

  /**
   * Runs {@code command} in the current directory and waits for it.
   *
   * @throws IOException if the process cannot be started or its output files cannot be written
   * @throws InterruptedException if interrupted while waiting (the child is then destroyed)
   */
  public static Result run(List<String> command, Path stdout, Path stderr) throws IOException, InterruptedException {
    Objects.requireNonNull(command, "command");
    boolean viaTime = Files.isExecutable(TIME);
    List<String> cmd = new ArrayList<>();
    if (viaTime) {
      cmd.add(TIME.toString());
      cmd.add("-v");
    }
    cmd.addAll(command);
    for (Path p : List.of(stdout, stderr)) {
      if (p.getParent() != null) {
        Files.createDirectories(p.getParent());
      }
    }
    ProcessBuilder pb = new ProcessBuilder(cmd)
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    long t0 = System.nanoTime();
    Process proc = pb.start();
    long hwm = -1;
    try {
      while (!proc.waitFor(20, java.util.concurrent.TimeUnit.MILLISECONDS)) {
        if (!viaTime) {
          hwm = Math.max(hwm, vmHwmKb(proc.pid()));
        }
      }
    } catch (InterruptedException e) {
      proc.destroyForcibly();
      throw e;
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    int exit = proc.exitValue();
    if (viaTime) {
      String report = Files.readString(stderr, StandardCharsets.UTF_8);
      Matcher m = MAX_RSS.matcher(report);
      OptionalLong rss = OptionalLong.empty();
      while (m.find()) {
        rss = OptionalLong.of(Long.parseLong(m.group(1)));
      }
      return new Result(exit, seconds, rss, "time -v", last(USER, report) + last(SYSTEM, report));
    }
    return new Result(exit, seconds, hwm > 0 ? OptionalLong.of(hwm) : OptionalLong.empty(), "VmHWM polling");
  }

  /** The number of the last match of {@code p} in {@code text}, or NaN. */
  private static double last(Pattern p, String text) {
    Matcher m = p.matcher(text);
    double v = Double.NaN;
    while (m.find()) {
      v = Double.parseDouble(m.group(1));
    }
    return v;
  }

  /** VmHWM of a live process in KiB, or -1 when it cannot be read (process gone, not Linux). */
  static long vmHwmKb(long pid) {
    try {
      Matcher m = VM_HWM.matcher(Files.readString(Path.of("/proc", Long.toString(pid), "status")));
      return m.find() ? Long.parseLong(m.group(1)) : -1;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
