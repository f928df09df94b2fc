package org.verbatim.examples;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verbatim.Polarity;
import org.verbatim.ThemeTag;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.model.ModelLoader;
import org.verbatim.model.ModelWriter;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.PolarityExample;
import org.verbatim.train.PolarityOptions;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;

/**
 * Trains a theme model and a polarity model on a few coded comments, saves both in one model file, loads it
 * and classifies: the library calls behind {@code verbatim train --polarity} and {@code classify --model}.
 *
 * <p>Run: {@code mvn -q -pl examples -am package -DskipTests && java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" org.verbatim.examples.TrainExample}
 */
public final class TrainExample {

  /** Coded comments: text, then theme:polarity pairs. Real projects code hundreds or thousands. */
  static final String[][] CODED = {
      {"She never listened to a word we said", "listening:negative"},
      {"He listened carefully and took notes", "listening:positive"},
      {"Nobody listens to what mum wants", "listening:negative"},
      {"They really heard us at the review", "listening:positive"},
      {"Ignored every email I sent", "listening:negative"},
      {"She took time to listen to my worries", "listening:positive"},
      {"The carer was late again and did not ring", "reliability:negative"},
      {"Always on time, never missed a visit", "reliability:positive"},
      {"Visits cancelled at the last minute", "reliability:negative"},
      {"They turn up when they say they will", "reliability:positive"},
      {"Waited three weeks for a call back", "reliability:negative"},
      {"Rang back the same day as promised", "reliability:positive"},
      {"So kind and gentle with my dad", "empathy:positive"},
      {"Cold and uncaring, treated us like a number", "empathy:negative"},
      {"A warm, caring worker who understood", "empathy:positive"},
      {"No compassion at all when my wife died", "empathy:negative"},
      {"Kind staff but the visits were always late", "empathy:positive;reliability:negative"},
      {"Listened well but never turned up on time", "listening:positive;reliability:negative"},
      {"Caring people who listened to us", "empathy:positive;listening:positive"},
      {"Did not listen and showed no kindness", "listening:negative;empathy:negative"},
      {"Punctual and kind every single time", "reliability:positive;empathy:positive"},
      {"They ignored us and missed appointments", "listening:negative;reliability:negative"},
  };

  private TrainExample() {}

  /** The coded comments as training data for the theme model. */
  static List<LabelledComment> comments() {
    List<LabelledComment> out = new ArrayList<>();
    for (int i = 0; i < CODED.length; i++) {
      List<String> themes = new ArrayList<>();
      for (String pair : CODED[i][1].split(";")) {
        themes.add(pair.substring(0, pair.indexOf(':')));
      }
      out.add(new LabelledComment("c" + i, CODED[i][0], themes));
    }
    return out;
  }

  /** The coded (comment, theme, polarity) triples, for the polarity model. */
  static List<PolarityExample> polarityExamples() {
    List<PolarityExample> out = new ArrayList<>();
    for (String[] row : CODED) {
      for (String pair : row[1].split(";")) {
        int colon = pair.indexOf(':');
        out.add(new PolarityExample(row[0], pair.substring(0, colon), Polarity.parse(pair.substring(colon + 1))));
      }
    }
    return out;
  }

  /** Trains both models, writes them to {@code file} and returns the model loaded back from it. */
  static LinearThemeClassifier trainSaveAndLoad(Path file) throws IOException {
    ThemeOptions options = ThemeOptions.builder().folds(3).seed(42).build();   // settings chosen by 3-fold CV
    LinearThemeClassifier themes = ThemeTrainer.create(options).train(comments());
    PolarityModel polarity = PolarityTrainer.create(PolarityOptions.defaults()).train(polarityExamples());
    ModelWriter.write(themes.withPolarity(polarity), file);   // one zip: themes, thresholds, polarity, provenance
    try {
      return ModelLoader.load(file);
    } catch (org.verbatim.model.ModelFormatException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  public static void main(String[] args) throws IOException {
    Path file = args.length > 0 ? Path.of(args[0]) : Files.createTempFile("verbatim-example", ".zip");
    LinearThemeClassifier model = trainSaveAndLoad(file);
    System.out.printf("model %s: themes %s, cross-validated micro-F1 %.2f%n", file, model.labels(),
        model.report().cvMicroF1());
    for (String text : List.of("She never rang back and did not listen", "Such a kind carer, always on time")) {
      System.out.println(text);
      for (ThemeTag tag : model.classify(text).tags()) {
        System.out.printf("  %-12s %-8s %.2f%n", tag.themeId(), tag.polarity().id(), tag.score());
      }
    }
  }
}
