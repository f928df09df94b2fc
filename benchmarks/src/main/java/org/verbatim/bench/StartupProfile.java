package org.verbatim.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.verbatim.ThemeClassifier;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.codebook.Codebook;
import org.verbatim.codebook.CodebookLoader;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.Profile;
import org.verbatim.text.TextPipeline;
import org.verbatim.text.TextPipelines;

/**
 * Where the start-up of a zero-shot run goes: times, in fresh JVMs, the steps a 1-row {@code classify} takes
 * before and after its first comment (loading the default codebook, the text pipeline, building the
 * {@link CodebookClassifier}, the first and second {@code classify} calls), as process CPU milliseconds (all
 * threads, JIT included; the OS counts in 10 ms ticks, hence the median over runs), wall milliseconds and classes
 * loaded, and prints the median of each step over the runs.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.StartupProfile --runs 11 --codebook compiled
 * java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.StartupProfile --runs 11 --codebook yaml --jvm "-XX:TieredStopAtLevel=1"
 * </pre>
 *
 * <p>{@code --codebook compiled} loads it as the CLI does ({@link DefaultCodebooks#socialCare()}, the precompiled
 * form); {@code yaml} parses and validates the bundled YAML with {@link CodebookLoader}. {@code --jvm} holds the
 * child JVMs' flags (default none). Comment text is never printed: the two comments are our own.
 */
public final class StartupProfile {

  private static final List<String> STEPS =
      List.of("jvm to main", "default codebook", "text pipeline", "classifier build", "first classify", "second classify");

  private StartupProfile() {}

  public static void main(String[] args) throws Exception {
    Args a = Args.parse(args, List.of("runs", "codebook", "jvm"), List.of("child"));
    String codebook = a.value("codebook", "compiled");
    if (!codebook.equals("compiled") && !codebook.equals("yaml")) {
      throw new IllegalArgumentException("--codebook compiled|yaml: " + codebook);
    }
    if (a.flag("child")) {
      child(codebook);
      return;
    }
    int runs = (int) a.longValue("runs", 11L);
    String jvm = a.value("jvm", "");
    Map<String, List<double[]>> byStep = new LinkedHashMap<>();
    STEPS.forEach(s -> byStep.put(s, new ArrayList<>()));
    for (int r = 0; r < runs; r++) {
      List<String> cmd = new ArrayList<>();
      cmd.add(Machine.javaExecutable());
      if (!jvm.isBlank()) {
        cmd.addAll(Arrays.asList(jvm.trim().split("\\s+")));
      }
      cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupProfile.class.getName(), "--child",
          "--codebook", codebook));
      Process p = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
      try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = in.readLine()) != null) {
          String[] f = line.split("\t");
          byStep.get(f[0]).add(new double[] {Double.parseDouble(f[1]), Double.parseDouble(f[2]), Double.parseDouble(f[3])});
        }
      }
      if (p.waitFor() != 0) {
        throw new IOException("child run failed: " + cmd);
      }
    }
    System.out.printf(Locale.ROOT, "# %d fresh JVMs, codebook %s, flags '%s', %s, load1 %s%n", runs, codebook, jvm,
        Machine.describe(), Machine.loadAverage());
    System.out.printf(Locale.ROOT, "%-18s %10s %10s %8s%n", "step", "cpu_ms", "wall_ms", "classes");
    for (Map.Entry<String, List<double[]>> e : byStep.entrySet()) {
      System.out.printf(Locale.ROOT, "%-18s %10.0f %10.1f %8.0f%n", e.getKey(), median(e.getValue(), 0),
          median(e.getValue(), 1), median(e.getValue(), 2));
    }
  }

  private static double median(List<double[]> rows, int column) {
    double[] v = rows.stream().mapToDouble(r -> r[column]).sorted().toArray();
    return v.length == 0 ? Double.NaN : v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
  }

  /** One fresh JVM: prints "step\tcpu_ms\twall_ms\tclasses" per step. */
  private static void child(String codebook) throws Exception {
    OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    ClassLoadingMXBean classes = ManagementFactory.getClassLoadingMXBean();
    Step step = new Step(os, classes);
    // up to main: the JVM's own CPU and uptime, and the classes loaded by then (the management beans' own
    // classes included, a few dozen)
    System.out.printf(Locale.ROOT, "%s\t%.1f\t%d\t%d%n", STEPS.get(0), os.getProcessCpuTime() / 1e6,
        ManagementFactory.getRuntimeMXBean().getUptime(), classes.getLoadedClassCount());
    step.start();
    Codebook cb = codebook.equals("yaml")
        ? CodebookLoader.loadResource(DefaultCodebooks.class, DefaultCodebooks.SOCIAL_CARE_RESOURCE)
        : DefaultCodebooks.socialCare();
    step.end(STEPS.get(1));
    TextPipeline pipeline = TextPipelines.of(Profile.FAST);
    step.end(STEPS.get(2));
    ThemeClassifier classifier = CodebookClassifier.create(cb, pipeline);
    step.end(STEPS.get(3));
    int tags = classifier.classify("The staff were kind but never listened to us.").tags().size();
    step.end(STEPS.get(4));
    tags += classifier.classify("Rude, late and never called back.").tags().size();
    step.end(STEPS.get(5));
    if (tags == 0) {
      throw new IllegalStateException("no tags: the codebook did not load as expected");
    }
  }

  /** Process CPU, wall time and class count since the last mark. */
  private static final class Step {
    private final OperatingSystemMXBean os;
    private final ClassLoadingMXBean classes;
    private long cpu;
    private long wall;
    private long loaded;

    Step(OperatingSystemMXBean os, ClassLoadingMXBean classes) {
      this.os = os;
      this.classes = classes;
    }

    void start() {
      cpu = os.getProcessCpuTime();
      wall = System.nanoTime();
      loaded = classes.getTotalLoadedClassCount();
    }

    void end(String name) {
      System.out.printf(Locale.ROOT, "%s\t%.1f\t%.2f\t%d%n", name, (os.getProcessCpuTime() - cpu) / 1e6,
          (System.nanoTime() - wall) / 1e6, classes.getTotalLoadedClassCount() - loaded);
      start();
    }
  }
}
