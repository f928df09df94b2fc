package org.verbatim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * A uniform random sample of at most {@code capacity} items from a stream of unknown length (Vitter's
 * algorithm R): after {@code n} offers, every offered item is in the sample with probability
 * {@code min(1, capacity / n)}. The item is only built when it is kept, so offering is cheap.
 *
 * <pre>{@code
 * Reservoir<String> sample = new Reservoir<>(3, new SplittableRandom(42));
 * for (String s : stream) sample.offer(() -> s);
 * sample.items();   // at most 3 items
 * }</pre>
 *
 * <p>Not thread-safe. The same seed and the same stream give the same sample.
 *
 * @param <T> the item type
 */
final class Reservoir<T> {

  private final int capacity;
  private final SplittableRandom random;
  private final List<T> items;
  private long seen;

  /**
   * @throws IllegalArgumentException if {@code capacity < 1}
   * @throws NullPointerException if {@code random} is null
   */
  Reservoir(int capacity, SplittableRandom random) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be >= 1: " + capacity);
    }
    this.capacity = capacity;
    this.random = Objects.requireNonNull(random, "random");
    this.items = new ArrayList<>(Math.min(capacity, 16));
  }

  /** Offers the next item of the stream; {@code item} is called only if the item is kept. */
  void offer(Supplier<? extends T> item) {
    seen++;
    if (items.size() < capacity) {
      items.add(item.get());
      return;
    }
    long slot = random.nextLong(seen);
    if (slot < capacity) {
      items.set((int) slot, item.get());
    }
  }

  /** How many items were offered. */
  long seen() {
    return seen;
  }

  /** The sample, in slot order (an unmodifiable copy). */
  List<T> items() {
    return List.copyOf(items);
  }
}
