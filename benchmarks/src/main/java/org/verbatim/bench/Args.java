package org.verbatim.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Minimal {@code --name value} / {@code --flag} command-line parsing for the benchmark mains.
 *
 * <pre>{@code
 * Args a = Args.parse(args, List.of("data", "out"), List.of("quick"));
 * Path data = a.path("data").orElseThrow();
 * boolean quick = a.flag("quick");
 * }</pre>
 *
 * <p>Immutable and thread-safe. Unknown options are refused with the list of known ones.
 */
public final class Args {

  private final Map<String, String> values;
  private final Set<String> flags;

  private Args(Map<String, String> values, Set<String> flags) {
    this.values = Map.copyOf(values);
    this.flags = Set.copyOf(flags);
  }

  /**
   * Parses {@code args}.
   *
   * @param valued names of the options that take a value
   * @param flagNames names of the options without a value
   * @throws IllegalArgumentException on an unknown option, a missing value or a stray argument
   */
  public static Args parse(String[] args, List<String> valued, List<String> flagNames) {
    Objects.requireNonNull(args, "args");
    Map<String, String> values = new HashMap<>();
    Set<String> flags = new HashSet<>();
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (!a.startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument at position " + (i + 1) + ": '" + a + "'");
      }
      String name = a.substring(2);
      String inline = null;
      int eq = name.indexOf('=');
      if (eq >= 0) {
        inline = name.substring(eq + 1);
        name = name.substring(0, eq);
      }
      if (valued.contains(name)) {
        if (inline == null) {
          if (i + 1 >= args.length) {
            throw new IllegalArgumentException("option --" + name + " needs a value");
          }
          inline = args[++i];
        }
        values.put(name, inline);
      } else if (flagNames.contains(name) && inline == null) {
        flags.add(name);
      } else {
        throw new IllegalArgumentException("unknown option --" + name + "; known: "
            + valued.stream().map(v -> "--" + v + " VALUE").toList() + " "
            + flagNames.stream().map(v -> "--" + v).toList());
      }
    }
    return new Args(values, flags);
  }

  /** The option's value, if given. */
  public Optional<String> value(String name) {
    return Optional.ofNullable(values.get(name));
  }

  /** The option's value, or {@code fallback}. */
  public String value(String name, String fallback) {
    return values.getOrDefault(name, fallback);
  }

  /** The option as a path, if given. */
  public Optional<Path> path(String name) {
    return value(name).map(Path::of);
  }

  /**
   * The option as a long, or {@code fallback}.
   *
   * @throws IllegalArgumentException if the value is not an integer
   */
  public long longValue(String name, long fallback) {
    String v = values.get(name);
    if (v == null) {
      return fallback;
    }
    try {
      return Long.parseLong(v.strip().replace("_", ""));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + name + " must be an integer: '" + v + "'", e);
    }
  }

  /** The option as an int, or {@code fallback}; see {@link #longValue}. */
  public int intValue(String name, int fallback) {
    long v = longValue(name, fallback);
    if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("--" + name + " is out of range: " + v);
    }
    return (int) v;
  }

  /** True when the flag was given. */
  public boolean flag(String name) {
    return flags.contains(name);
  }
}
