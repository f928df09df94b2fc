package org.verbatim.service;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.verbatim.Classification;
import org.verbatim.ModelInfo;
import org.verbatim.ThemeClassifier;

/**
 * The real bundled-codebook classifier behind a gate: a comment containing {@link #HOLD} waits until the gate opens
 * (at most 30 s), so a test can keep workers busy for as long as it needs; every other comment goes straight
 * through. The answer is the real classifier's.
 */
final class GatedClassifier implements ThemeClassifier {

  static final String HOLD = "[hold]";

  final CountDownLatch gate = new CountDownLatch(1);
  /** Released once per held comment when it reaches the gate. */
  final Semaphore arrived = new Semaphore(0);

  @Override
  public Classification classify(String text) {
    if (text.contains(HOLD)) {
      arrived.release();
      try {
        if (!gate.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("gate never opened");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted at the gate");
      }
    }
    return ServiceFixture.SOCIAL_CARE.classify(text);
  }

  @Override
  public ModelInfo info() {
    return ServiceFixture.SOCIAL_CARE.info();
  }
}
