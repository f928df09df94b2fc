package org.verbatim.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The words an analysis knows by number: every token's normalised form is hashed once and looked up once here,
 * and everything the later stages need about the word (negation and contrast roles, request and barrier words,
 * lexicon sentiment, the codebook cues it can start) hangs off the entry id it resolves to.
 *
 * <p>Entries are of two kinds: <em>words</em>, matched by the whole normalised form, and <em>prefixes</em>
 * ({@code communicat*}), matched by its beginning. A token resolves to its word entry when there is one, otherwise
 * to the longest prefix entry it starts with, otherwise to {@link #NONE}. For every entry, {@link #prefixes(int)}
 * lists the prefix entries that the entry's string starts with (shortest first, the entry itself included when it
 * is a prefix), so a consumer can fold what all matching prefixes mean into one value per entry at build time and
 * pay one look-up per token at run time.
 *
 * <p>Every vocabulary starts with the {@link RuleWords rule words} at fixed ids, so the pipeline's rules compare ids
 * without a look-up; a classifier {@link #extend(Collection, Collection) extends} the base vocabulary with its own
 * words (a codebook's cue words) and keeps per-entry data in arrays indexed by id.
 *
 * <pre>{@code
 * Vocabulary v = Vocabulary.base().extend(List.of("listened"), List.of("communicat"));
 * int id = v.word("listened");
 * v.resolve(Vocabulary.hash("communication"), "communication");   // the id of the prefix entry "communicat"
 * }</pre>
 *
 * <p>Immutable and thread-safe. Hashes are 64-bit (FNV-1a over UTF-16 code units with a 64-bit finaliser); two
 * different strings with one hash would be confused, which at the sizes involved (thousands of entries, millions
 * of distinct tokens) has a probability below one in a billion.
 */
public final class Vocabulary {

  /** The id of "no entry": a token that is neither a known word nor starts with a known prefix. */
  public static final int NONE = -1;

  /** FNV-1a's start and prime, for callers that hash while they copy ({@link #finish} ends the hash). */
  static final long FNV_START = 0xcbf29ce484222325L;
  static final long FNV_PRIME = 0x100000001b3L;

  private static volatile Vocabulary base;

  private final String[] strings;
  private final boolean[] prefix;
  /** The rule flags by id (read by {@link Analysis} without a call). */
  final long[] flags;
  private final int[][] closure;
  /**
   * Open-addressing tables, capacity a power of two: slot {@code i} holds the key at {@code 2i} and the id at
   * {@code 2i + 1} ({@link #EMPTY} when free), so a probe reads one cache line.
   */
  final long[] wordTable;
  private final long[] prefixTable;

  static final long EMPTY = -1L;
  /** Bit {@code L} set when some prefix entry has length {@code L} (lengths 1-63). */
  private final long prefixLengths;
  private final int maxPrefix;

  private Vocabulary(List<String> strings, List<Boolean> prefix, List<Long> flags) {
    int n = strings.size();
    this.strings = strings.toArray(new String[0]);
    this.prefix = new boolean[n];
    this.flags = new long[n];
    int words = 0;
    long lengths = 0;
    int max = 0;
    for (int i = 0; i < n; i++) {
      this.prefix[i] = prefix.get(i);
      this.flags[i] = flags.get(i);
      if (this.prefix[i]) {
        int len = this.strings[i].length();
        if (len < 64) {
          lengths |= 1L << len;
          max = Math.max(max, len);
        }
      } else {
        words++;
      }
    }
    this.prefixLengths = lengths;
    this.maxPrefix = max;
    int wordCap = Integer.highestOneBit(Math.max(16, words * 3)) << 1;
    int prefixCap = Integer.highestOneBit(Math.max(16, (n - words) * 3)) << 1;
    wordTable = new long[2 * wordCap];
    prefixTable = new long[2 * prefixCap];
    Arrays.fill(wordTable, EMPTY);
    Arrays.fill(prefixTable, EMPTY);
    for (int i = 0; i < n; i++) {
      put(this.prefix[i] ? prefixTable : wordTable, hash(this.strings[i]), i);
    }
    closure = new int[n][];
    for (int i = 0; i < n; i++) {
      closure[i] = computeClosure(this.strings[i]);
    }
  }

  private static void put(long[] table, long key, int id) {
    int mask = table.length / 2 - 1;
    int i = (int) key & mask;
    while (table[2 * i + 1] != EMPTY) {
      if (table[2 * i] == key) {
        throw new IllegalStateException("two vocabulary entries share a hash: " + id + " and " + table[2 * i + 1]);
      }
      i = (i + 1) & mask;
    }
    table[2 * i] = key;
    table[2 * i + 1] = id;
  }

  private static int get(long[] table, long key) {
    int mask = table.length / 2 - 1;
    int i = (int) key & mask;
    while (true) {
      long id = table[2 * i + 1];
      if (id == EMPTY || table[2 * i] == key) {
        return (int) id;
      }
      i = (i + 1) & mask;
    }
  }

  private int[] computeClosure(String s) {
    if (maxPrefix == 0) {
      return new int[0];
    }
    int[] found = new int[Math.min(s.length(), maxPrefix)];
    int k = 0;
    long h = FNV_START;
    for (int len = 1; len <= Math.min(s.length(), maxPrefix); len++) {
      h = (h ^ s.charAt(len - 1)) * FNV_PRIME;
      if ((prefixLengths & (1L << len)) != 0) {
        int id = get(prefixTable, finish(h));
        if (id != NONE) {
          found[k++] = id;
        }
      }
    }
    return Arrays.copyOf(found, k);
  }

  /** The base vocabulary: the {@link RuleWords rule words} of the pipeline, at fixed ids. */
  public static Vocabulary base() {
    Vocabulary v = base;
    if (v == null) {
      synchronized (Vocabulary.class) {
        v = base;
        if (v == null) {
          v = new Builder().build();
          base = v;
        }
      }
    }
    return v;
  }

  /**
   * This vocabulary with more words and prefixes (already normalised: lower case, as {@link AnalyzedText} norms);
   * entries already present keep their ids, new ones are numbered after the existing ones in the order given.
   *
   * @throws NullPointerException if an argument or element is null
   * @throws IllegalArgumentException if a string is empty
   */
  public Vocabulary extend(Collection<String> words, Collection<String> prefixes) {
    Objects.requireNonNull(words, "words");
    Objects.requireNonNull(prefixes, "prefixes");
    Builder b = new Builder(this);
    words.forEach(w -> b.add(w, false, 0));
    prefixes.forEach(p -> b.add(p, true, 0));
    if (b.strings.size() == size()) {
      return this;
    }
    return b.build();
  }

  /** Number of entries; ids are {@code 0 .. size() - 1}. */
  public int size() {
    return strings.length;
  }

  /** The string of an entry (a whole normalised word, or a prefix without its {@code *}). */
  public String string(int id) {
    return strings[id];
  }

  /** True for a prefix entry. */
  public boolean isPrefix(int id) {
    return prefix[id];
  }

  /** The rule flags of an entry (see {@link RuleWords}); 0 for {@link #NONE}. */
  public long flags(int id) {
    return id < 0 ? 0 : flags[id];
  }

  /**
   * The prefix entries that the entry's string starts with, shortest first; for a prefix entry, itself last.
   * The returned array must not be modified.
   */
  public int[] prefixes(int id) {
    return closure[id];
  }

  /** The id of a word entry, or {@link #NONE}. */
  public int word(String norm) {
    return get(wordTable, hash(norm));
  }

  /** The id of a prefix entry, or {@link #NONE}. */
  public int prefix(String prefix) {
    return get(prefixTable, hash(prefix));
  }

  /** The id of the word whose {@link #hash} is {@code hash}, or {@link #NONE}. */
  public int wordByHash(long hash) {
    return get(wordTable, hash);
  }

  /** True when some prefix entry exists (tokens that are not words then need {@link #longestPrefix}). */
  public boolean hasPrefixes() {
    return maxPrefix > 0;
  }

  /**
   * The longest prefix entry that {@code chars[from, to)} starts with, or {@link #NONE}.
   */
  public int longestPrefix(char[] chars, int from, int to) {
    int top = Math.min(to - from, maxPrefix);
    long h = FNV_START;
    int best = NONE;
    for (int len = 1; len <= top; len++) {
      h = (h ^ chars[from + len - 1]) * FNV_PRIME;
      if ((prefixLengths & (1L << len)) != 0) {
        int id = get(prefixTable, finish(h));
        if (id != NONE) {
          best = id;
        }
      }
    }
    return best;
  }

  /**
   * The entry a token with this normalised form resolves to: its word entry, else its longest prefix entry, else
   * {@link #NONE}.
   */
  public int resolve(String norm) {
    int id = word(norm);
    if (id != NONE || !hasPrefixes()) {
      return id;
    }
    char[] c = norm.toCharArray();
    return longestPrefix(c, 0, c.length);
  }

  /** The hash of a string, as {@link #hash(char[], int, int)}. */
  public static long hash(CharSequence s) {
    long h = FNV_START;
    for (int i = 0, n = s.length(); i < n; i++) {
      h = (h ^ s.charAt(i)) * FNV_PRIME;
    }
    return finish(h);
  }

  /** The 64-bit hash of {@code chars[from, to)}: FNV-1a over the code units, then the MurmurHash3 finaliser. */
  public static long hash(char[] chars, int from, int to) {
    long h = FNV_START;
    for (int i = from; i < to; i++) {
      h = (h ^ chars[i]) * FNV_PRIME;
    }
    return finish(h);
  }

  /** The last step of {@link #hash(char[], int, int)}: the finaliser applied to the FNV-1a state. */
  static long finish(long state) {
    long h = state;
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h;
  }

  /** Collects entries; the base entries first, at the fixed ids of {@link RuleWords}. */
  private static final class Builder {
    final List<String> strings = new ArrayList<>();
    final List<Boolean> prefix = new ArrayList<>();
    final List<Long> flags = new ArrayList<>();
    final Map<String, Integer> words = new HashMap<>();
    final Map<String, Integer> prefixes = new HashMap<>();

    Builder() {
      RuleWords.register(this::add);
    }

    Builder(Vocabulary from) {
      for (int i = 0; i < from.size(); i++) {
        add(from.strings[i], from.prefix[i], from.flags[i]);
      }
    }

    int add(String s, boolean isPrefix, long flag) {
      Objects.requireNonNull(s, "word");
      if (s.isEmpty()) {
        throw new IllegalArgumentException("vocabulary entries must not be empty");
      }
      Map<String, Integer> index = isPrefix ? prefixes : words;
      Integer id = index.get(s);
      if (id != null) {
        flags.set(id, flags.get(id) | flag);
        return id;
      }
      int next = strings.size();
      strings.add(s);
      prefix.add(isPrefix);
      flags.add(flag);
      index.put(s, next);
      return next;
    }

    Vocabulary build() {
      return new Vocabulary(strings, prefix, flags);
    }
  }

  /** Receives base entries as they are registered. */
  @FunctionalInterface
  interface Registrar {
    int add(String s, boolean isPrefix, long flags);
  }
}
