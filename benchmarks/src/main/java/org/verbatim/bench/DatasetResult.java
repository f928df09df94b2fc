package org.verbatim.bench;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything the accuracy suite measured on one dataset: our systems, the peers, and what was skipped.
 *
 * <p>Immutable and thread-safe.
 *
 * @param dataset the dataset folder name
 * @param nTrain rows of train.csv
 * @param nTest rows of test.csv
 * @param nTrainLabels distinct labels in train.csv
 * @param systems our configurations that ran
 * @param peers the peers that ran
 * @param skipped configurations and peers that did not run, with the reason
 */
public record DatasetResult(String dataset, int nTrain, int nTest, int nTrainLabels, List<SystemResult> systems,
    List<Peers.Run> peers, List<Skipped> skipped) {

  public DatasetResult {
    Objects.requireNonNull(dataset, "dataset");
    systems = List.copyOf(systems);
    peers = List.copyOf(peers);
    skipped = List.copyOf(skipped);
  }

  /**
   * A system that did not run.
   *
   * @param system its name
   * @param reason why
   */
  public record Skipped(String system, String reason) {}

  /**
   * The system compared with the peers: the best cross-validated micro F1 (train data only), else the first.
   */
  public Optional<SystemResult> primary() {
    return systems.stream()
        .max(Comparator.comparingDouble((SystemResult r) -> r.cv() == null ? -1 : r.cv().microF1())
            .thenComparing(r -> -systems.indexOf(r)));
  }
}
