package org.verbatim.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import org.verbatim.train.LabelledComment;

/**
 * Comments of a given length class for the throughput benchmarks: drawn from the {@code train.csv} files of
 * the datasets folder when it is found, otherwise built from our own sentences.
 *
 * <p>The datasets folder is the system property {@code verbatim.datasets}, else the environment variable
 * {@code VERBATIM_DATASETS}, else the first of {@code ../shared/datasets} and {@code ../../shared/datasets}
 * (relative to the working directory) that exists. The value {@code builtin} forces the built-in sentences.
 *
 * <pre>{@code
 * List<String> texts = SampleComments.of(SampleComments.Length.MEDIUM, 200, 42L);
 * }</pre>
 *
 * <p>Stateless and thread-safe; the same arguments and data give the same list.
 */
public final class SampleComments {

  /** Length classes, by number of white-space separated words. */
  public enum Length {
    /** 3 to 12 words: "Always on time and polite." */
    SHORT(3, 12),
    /** 25 to 60 words: a few sentences. */
    MEDIUM(25, 60),
    /** 120 to 400 words: a long story. */
    LONG(120, 400),
    /** Every comment, whatever its length: the datasets' own mix. */
    ANY(0, Integer.MAX_VALUE);

    private final int minWords;
    private final int maxWords;

    Length(int minWords, int maxWords) {
      this.minWords = minWords;
      this.maxWords = maxWords;
    }

    /** True when a text with this many words belongs to the class. */
    public boolean accepts(int words) {
      return words >= minWords && words <= maxWords;
    }

    /** Parses {@code short}, {@code medium}, {@code long} or {@code any}, ignoring case. */
    public static Length parse(String s) {
      Objects.requireNonNull(s, "s");
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("length must be short, medium, long or any: '" + s + "'", e);
      }
    }
  }

  /** Our own sentences (written for these benchmarks), used when no datasets folder is found. */
  static final List<String> BUILT_IN = List.of(
      "She always listened to what my mother wanted.",
      "Nobody explained why the visits were cut.",
      "The carers were kind but often late.",
      "We were never told who was coming or when.",
      "My social worker rang back the same day, every time.",
      "They treated my dad with dignity and patience.",
      "I felt judged and talked down to in the meeting.",
      "The plan was written without asking us anything.",
      "Staff were polite, professional and knew what they were doing.",
      "It took three months to get a reply to my complaint.",
      "He helped me fill in the forms and claim what I was owed.",
      "The letters were full of jargon I could not follow.",
      "Honest about what they could and could not do.",
      "Different rules for different families, it seemed to me.",
      "Caring, warm people who made a hard time easier.",
      "The new worker did not read the notes and asked the same questions again.");

  private SampleComments() {}

  /**
   * {@code n} comments of the length class (fewer only if the data holds fewer), in a seeded random order.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   * @throws UncheckedIOException if the datasets folder exists but a file in it cannot be read
   */
  public static List<String> of(Length length, int n, long seed) {
    Objects.requireNonNull(length, "length");
    if (n < 1) {
      throw new IllegalArgumentException("n must be >= 1: " + n);
    }
    Optional<Path> data = datasetsFolder();
    List<String> pool = new ArrayList<>();
    if (data.isPresent()) {
      try {
        for (Path dir : Dataset.discover(data.get())) {
          for (LabelledComment c : CommentCsv.read(dir.resolve(Dataset.TRAIN))) {
            if (length.accepts(words(c.text()))) {
              pool.add(c.text());
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    Random rng = new Random(seed);
    if (pool.isEmpty()) {
      return builtIn(length, n, rng);
    }
    Collections.shuffle(pool, rng);
    return List.copyOf(pool.subList(0, Math.min(n, pool.size())));
  }

  /** Where the datasets are, if anywhere (see the class comment); empty for {@code builtin}. */
  public static Optional<Path> datasetsFolder() {
    String v = System.getProperty("verbatim.datasets", System.getenv("VERBATIM_DATASETS"));
    if (v != null && !v.isBlank()) {
      return v.strip().equals("builtin") ? Optional.empty() : Optional.of(Path.of(v.strip()));
    }
    for (String candidate : List.of("../shared/datasets", "../../shared/datasets")) {
      Path p = Path.of(candidate);
      if (Files.isDirectory(p)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  static int words(String text) {
    int count = 0;
    boolean inWord = false;
    for (int i = 0; i < text.length(); i++) {
      boolean space = Character.isWhitespace(text.charAt(i));
      if (!space && !inWord) {
        count++;
      }
      inWord = !space;
    }
    return count;
  }

  /** Joins random built-in sentences until the word count falls in the class. */
  private static List<String> builtIn(Length length, int n, Random rng) {
    List<String> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      StringBuilder sb = new StringBuilder();
      int words = 0;
      while (words == 0 || !length.accepts(words)) {
        String s = BUILT_IN.get(rng.nextInt(BUILT_IN.size()));
        int w = words(s);
        if (words + w > length.maxWords) {
          // start again: a single sentence overshot a short class
          sb.setLength(0);
          words = 0;
          continue;
        }
        if (sb.length() > 0) {
          sb.append(' ');
        }
        sb.append(s);
        words += w;
      }
      out.add(sb.toString());
    }
    return out;
  }
}
