package org.verbatim.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.verbatim.Classification;
import org.verbatim.Polarity;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.eval.Folds;

/**
 * K-fold cross-validation of training on coded comments: each fold trains a theme model (with its own inner
 * cross-validation of settings) on the other folds and classifies its comments; with polarity codes, each fold
 * also trains a polarity model, which judges the tags and, as in aspect-based evaluation, each coded theme of its
 * comments. The folds come from {@link Folds#kFold}.
 *
 * <pre>{@code
 * CrossValidation.Result r = CrossValidation.run(data.comments(), data.polarities(), 5, 42L,
 *     ThemeOptions.builder().seed(42).build(), PolarityOptions.builder().seed(42).build());
 * Evaluator.evaluate(gold, themesOf(r.predictions()), EvaluationOptions.defaults());
 * }</pre>
 *
 * <p>Stateless and thread-safe.
 */
public final class CrossValidation {

  private CrossValidation() {}

  /**
   * Out-of-fold results, in the order of the comments.
   *
   * @param predictions each comment's classification by the model that did not see it
   * @param polarityGivenThemes each comment's coded themes judged by the polarity model that did not see it, or
   *     null when no polarity model was trained
   */
  public record Result(List<Classification> predictions, List<Map<String, Polarity>> polarityGivenThemes) {

    /** Copies the lists. */
    public Result {
      predictions = List.copyOf(predictions);
      polarityGivenThemes = polarityGivenThemes == null ? null : List.copyOf(polarityGivenThemes);
    }
  }

  /**
   * Runs the cross-validation.
   *
   * @param comments the coded comments
   * @param polarities per comment, its coded polarity per theme (empty maps for none)
   * @param folds number of folds, 2 to the number of comments
   * @param seed seed of the fold assignment
   * @param themeOptions options of each fold's theme training
   * @param polarityOptions options of each fold's polarity training, or null to train none
   * @throws IllegalArgumentException if {@code folds} is out of range, the lists differ in size, or a fold's
   *     training data cannot be trained on (the message says which fold)
   */
  public static Result run(List<LabelledComment> comments, List<Map<String, Polarity>> polarities, int folds, long seed,
      ThemeOptions themeOptions, PolarityOptions polarityOptions) {
    Objects.requireNonNull(comments, "comments");
    Objects.requireNonNull(polarities, "polarities");
    Objects.requireNonNull(themeOptions, "themeOptions");
    if (folds < 2 || folds > comments.size()) {
      throw new IllegalArgumentException("folds must be between 2 and the number of comments: " + folds);
    }
    if (polarities.size() != comments.size()) {
      throw new IllegalArgumentException("one polarity map per comment: " + polarities.size() + " != " + comments.size());
    }
    Folds f = Folds.kFold(comments.size(), folds, seed);
    Classification[] out = new Classification[comments.size()];
    List<Map<String, Polarity>> given = polarityOptions == null ? null
        : new ArrayList<>(Collections.nCopies(comments.size(), Map.of()));
    for (int k = 0; k < folds; k++) {
      List<LabelledComment> train = new ArrayList<>();
      List<Map<String, Polarity>> trainPolarities = new ArrayList<>();
      for (int i : f.trainRows(k)) {
        train.add(comments.get(i));
        trainPolarities.add(polarities.get(i));
      }
      int[] test = f.testRows(k);
      List<String> texts = new ArrayList<>(test.length);
      for (int i : test) {
        texts.add(comments.get(i).text());
      }
      LinearThemeClassifier trained = ThemeTrainer.create(themeOptions).train(train);
      if (polarityOptions != null) {
        List<PolarityExample> examples = PolarityExample.of(train, trainPolarities);
        PolarityModel pm;
        try {
          pm = PolarityTrainer.create(polarityOptions).train(examples);
        } catch (IllegalArgumentException e) {
          throw new IllegalArgumentException("cannot train the polarity model of fold " + (k + 1) + " on its "
              + examples.size() + " coded (comment, theme) pairs: " + e.getMessage(), e);
        }
        trained = trained.withPolarity(pm);
        for (int i : test) {
          given.set(i, judge(pm, comments.get(i).text(), polarities.get(i)));
        }
      }
      List<Classification> p = trained.classifyAll(texts);
      for (int j = 0; j < test.length; j++) {
        out[test[j]] = p.get(j);
      }
    }
    return new Result(List.of(out), given);
  }

  /**
   * The polarity model's judgement of each coded theme of a comment (aspect-based evaluation: the model is asked
   * about the coder's themes, whether or not a theme model found them).
   *
   * @param coded the coded themes (their coded polarity is not read)
   * @return theme to predicted polarity; empty when {@code coded} is
   */
  public static Map<String, Polarity> judge(PolarityModel model, String text, Map<String, Polarity> coded) {
    if (coded.isEmpty()) {
      return Map.of();
    }
    List<String> themes = new ArrayList<>(coded.keySet());
    List<Polarity> p = model.predictAll(text, themes);
    Map<String, Polarity> out = new HashMap<>();
    for (int i = 0; i < themes.size(); i++) {
      out.put(themes.get(i), p.get(i));
    }
    return out;
  }
}
