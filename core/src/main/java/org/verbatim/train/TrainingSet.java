package org.verbatim.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.verbatim.features.ExtraFeatures;
import org.verbatim.features.FeatureExtractor;

/**
 * The training data of a theme model checked and turned into what every kind's training shares: the labels,
 * the label matrix, the resolved decision rules and each comment's features. Immutable after construction.
 */
final class TrainingSet {

  final List<LabelledComment> docs;
  final int n;
  final String sha;
  final List<String> labels;
  final int nLabels;
  /** {@code y[label][comment]}. */
  final boolean[][] y;
  final int[] positives;
  final boolean atLeastOne;
  final int maxLabels;
  /** Labels with at least {@code minExamples} positives, which get a model. */
  final boolean[] active;
  /** Labels by descending positives: the longest fits start first, so threads finish a fold together. */
  final int[] schedule;
  final DocFeatures[] feats;
  final int nExtras;
  final ExtraFeatures extras;

  /**
   * Checks the data and extracts its features.
   *
   * @throws IllegalArgumentException if there are fewer comments than folds, an id repeats, there is no label,
   *     or an extra feature is not finite
   */
  TrainingSet(List<LabelledComment> data, ThemeOptions options, FeatureExtractor extractor) {
    List<LabelledComment> docs = List.copyOf(data);
    int n = docs.size();
    if (n < options.folds()) {
      throw new IllegalArgumentException("need at least " + options.folds() + " comments (one per fold), got " + n);
    }
    HashSet<String> ids = new HashSet<>();
    TreeSet<String> labelSet = new TreeSet<>();
    for (LabelledComment c : docs) {
      if (!ids.add(c.id())) {
        throw new IllegalArgumentException("duplicate comment id: " + c.id());
      }
      labelSet.addAll(c.labels());
    }
    if (labelSet.isEmpty()) {
      throw new IllegalArgumentException("the training data has no label");
    }
    List<String> labels = List.copyOf(labelSet);
    int L = labels.size();
    boolean[][] y = new boolean[L][n];
    int[] positives = new int[L];
    int maxCard = 0;
    boolean allLabelled = true;
    for (int i = 0; i < n; i++) {
      List<String> ls = docs.get(i).labels();
      maxCard = Math.max(maxCard, ls.size());
      allLabelled &= !ls.isEmpty();
      for (String l : ls) {
        int j = Collections.binarySearch(labels, l);
        y[j][i] = true;
        positives[j]++;
      }
    }
    boolean atLeastOne = switch (options.atLeastOne()) {
      case AUTO -> allLabelled;
      case ON -> true;
      case OFF -> false;
    };
    int maxLabels = options.maxLabels() < 0 ? maxCard : options.maxLabels();
    if (maxLabels >= L) {
      maxLabels = 0;
    }
    boolean[] active = new boolean[L];
    for (int l = 0; l < L; l++) {
      active[l] = positives[l] >= options.minExamples();
    }

    DocFeatures[] feats = new DocFeatures[n];
    FeatureExtractor.Buffer buf = new FeatureExtractor.Buffer();
    ExtraFeatures extras = options.extraFeatures();
    int nExtras = extras == null ? 0 : extras.names().size();
    for (int i = 0; i < n; i++) {
      extractor.extract(docs.get(i).text(), buf);
      double[] ev = null;
      if (extras != null) {
        ev = new double[nExtras];
        extras.compute(docs.get(i).text(), ev);
        for (int e = 0; e < nExtras; e++) {
          if (!Double.isFinite(ev[e])) {
            throw new IllegalArgumentException("extra feature " + extras.names().get(e) + " is not finite for comment "
                + docs.get(i).id());
          }
        }
      }
      feats[i] = DocFeatures.of(buf, ev);
    }
    this.docs = docs;
    this.n = n;
    this.sha = sha256(docs);
    this.labels = labels;
    this.nLabels = L;
    this.y = y;
    this.positives = positives;
    this.atLeastOne = atLeastOne;
    this.maxLabels = maxLabels;
    this.active = active;
    this.schedule = IntStream.range(0, L).boxed()
        .sorted((a, b) -> positives[a] != positives[b] ? Integer.compare(positives[b], positives[a]) : Integer.compare(a, b))
        .mapToInt(Integer::intValue).toArray();
    this.feats = feats;
    this.nExtras = nExtras;
    this.extras = extras;
  }

  /** Every comment's index, 0..n-1. */
  int[] all() {
    int[] all = new int[n];
    for (int i = 0; i < n; i++) {
      all[i] = i;
    }
    return all;
  }

  /** See {@link ThemeTrainer#dataSha256}. */
  static String sha256(List<LabelledComment> data) {
    Objects.requireNonNull(data, "data");
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      for (LabelledComment c : data) {
        md.update(c.id().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(c.text().getBytes(StandardCharsets.UTF_8));
        md.update((byte) 0);
        md.update(String.join(";", c.labels()).getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
