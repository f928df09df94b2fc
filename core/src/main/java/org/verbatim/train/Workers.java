package org.verbatim.train;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The training threads: runs independent tasks (one per label, or per kind and label) in a given order on a
 * fixed pool of daemon threads, or on the calling thread when there is one thread. Close it when training ends.
 */
final class Workers implements AutoCloseable {

  /** One unit of work, identified by an index (a label, or kind and label). */
  @FunctionalInterface
  interface Task {
    void run(int index);
  }

  private final ExecutorService pool;

  /** Workers with {@code threads} threads (the caller's own thread when 1). */
  Workers(int threads) {
    pool = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "verbatim-train");
      t.setDaemon(true);
      return t;
    }) : null;
  }

  /** Runs {@code task} for each entry of {@code schedule}, in that order, and waits for all of them. */
  void runAll(int[] schedule, Task task) {
    if (pool == null) {
      for (int l : schedule) {
        task.run(l);
      }
      return;
    }
    List<Future<?>> fs = new ArrayList<>(schedule.length);
    for (int l : schedule) {
      fs.add(pool.submit(() -> task.run(l)));
    }
    try {
      for (Future<?> f : fs) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      if (c instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(c);
    }
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}
