package org.verbatim.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.text.Profile;
import org.verbatim.train.LabelledComment;

/**
 * The zero-shot classifier of the default social-care codebook on a pipeline profile. It applies only to data
 * whose labels are theme ids of the codebook (the public datasets use other label sets).
 *
 * <pre>{@code
 * Configuration c = new ZeroShotConfiguration(Profile.FAST);   // name "verbatim-zero-shot-fast"
 * }</pre>
 *
 * <p>Thread-safe: the classifier is built once, on first use, and shared.
 */
public final class ZeroShotConfiguration implements Configuration {

  private final Profile profile;
  private volatile Configuration.Fitted fitted;

  /** The zero-shot configuration on a profile. */
  public ZeroShotConfiguration(Profile profile) {
    this.profile = Objects.requireNonNull(profile, "profile");
  }

  @Override
  public String name() {
    return "verbatim-zero-shot-" + profile.name().toLowerCase(Locale.ROOT);
  }

  @Override
  public boolean trains() {
    return false;
  }

  @Override
  public Optional<String> skipReason(Dataset dataset) {
    Set<String> themes = Set.copyOf(Classifiers.socialCare().themeIds());
    Set<String> foreign = new TreeSet<>(dataset.allLabels());
    foreign.removeAll(themes);
    if (foreign.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(foreign.size() + " of the dataset's " + dataset.allLabels().size()
        + " labels are not theme ids of the default codebook");
  }

  @Override
  public Configuration.Fitted fit(List<LabelledComment> train, long seed) {
    Configuration.Fitted f = fitted;
    if (f == null) {
      synchronized (this) {
        f = fitted;
        if (f == null) {
          long t0 = System.nanoTime();
          CodebookClassifier c = Classifiers.codebook(profile);
          f = new Configuration.Fitted(c, 0, 0, (System.nanoTime() - t0) / 1e9,
              Map.of("codebook", c.codebook().id() + " " + c.codebook().version(), "profile", profile.name()));
          fitted = f;
        }
      }
    }
    return f;
  }
}
