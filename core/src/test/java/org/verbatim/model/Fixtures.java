package org.verbatim.model;

import java.util.ArrayList;
import java.util.List;
import org.verbatim.Polarity;
import org.verbatim.classify.ClassifierKind;
import org.verbatim.classify.LinearThemeClassifier;
import org.verbatim.classify.PolarityModel;
import org.verbatim.features.FeatureOptions;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.PolarityExample;
import org.verbatim.train.PolarityOptions;
import org.verbatim.train.PolarityTrainer;
import org.verbatim.train.ThemeOptions;
import org.verbatim.train.ThemeTrainer;

/** A tiny inline training set and the model trained on it (also the source of the golden model file). */
final class Fixtures {

  static final String[][] ROWS = {
      {"t1", "The nurse was kind and listened to me", "staff"},
      {"t2", "Lovely friendly staff, very caring", "staff"},
      {"t3", "Receptionist was rude and did not listen", "staff"},
      {"t4", "Doctor explained everything clearly", "staff;information"},
      {"t5", "Nobody told us what was happening", "information"},
      {"t6", "Clear information about my treatment", "information"},
      {"t7", "The letter never arrived and nobody explained", "information"},
      {"t8", "Waited three hours to be seen", "waiting"},
      {"t9", "Long wait in A&E, no updates", "waiting;information"},
      {"t10", "Appointment was on time, no waiting", "waiting"},
      {"t11", "The wait was far too long", "waiting"},
      {"t12", "Kind nurses but a long wait", "staff;waiting"},
      {"t13", "Staff were helpful and polite", "staff"},
      {"t14", "I was kept informed at every step", "information"},
      {"t15", "Seen quickly, hardly any wait", "waiting"},
      {"t16", "The doctor didn't explain the results", "information;staff"},
      {"t17", "Friendly receptionist, short queue", "staff;waiting"},
      {"t18", "Delays again, two hours late", "waiting"},
  };

  static final List<String> PROBES = List.of(
      "The nurse was lovely",
      "Nobody explained anything",
      "We waited for hours",
      "",
      "kind staff but a very long wait",
      "\u00e9t\u00e9 \u2019 n\u2019t \uD83D\uDE00");

  /** Polarity codes of the rows above, by row id: theme:polarity pairs. */
  static final String[][] POLARITY = {
      {"t1", "staff:positive"}, {"t2", "staff:positive"}, {"t3", "staff:negative"},
      {"t4", "staff:positive;information:positive"}, {"t5", "information:negative"},
      {"t6", "information:positive"}, {"t7", "information:negative"}, {"t8", "waiting:negative"},
      {"t9", "waiting:negative;information:negative"}, {"t10", "waiting:positive"}, {"t11", "waiting:negative"},
      {"t12", "staff:positive;waiting:negative"}, {"t13", "staff:positive"}, {"t14", "information:positive"},
      {"t15", "waiting:positive"}, {"t16", "information:negative;staff:negative"},
      {"t17", "staff:positive;waiting:positive"}, {"t18", "waiting:negative"},
  };

  private Fixtures() {}

  static List<PolarityExample> polarityExamples() {
    List<PolarityExample> out = new ArrayList<>();
    for (int i = 0; i < ROWS.length; i++) {
      for (String pair : POLARITY[i][1].split(";")) {
        String[] tp = pair.split(":");
        out.add(new PolarityExample(ROWS[i][1], tp[0], Polarity.parse(tp[1])));
      }
    }
    return out;
  }

  /** The default trained model with a polarity model trained on {@link #POLARITY} (one lambda: no CV). */
  static LinearThemeClassifier trainedWithPolarity() {
    PolarityModel pm = PolarityTrainer.create(PolarityOptions.builder().lambdas(List.of(0.1)).build())
        .train(polarityExamples());
    return trained().withPolarity(pm);
  }

  static List<LabelledComment> data() {
    List<LabelledComment> out = new ArrayList<>();
    for (String[] r : ROWS) {
      out.add(new LabelledComment(r[0], r[1], List.of(r[2].split(";"))));
    }
    return out;
  }

  static ThemeOptions options(ClassifierKind kind, FeatureOptions features) {
    FeatureOptions f = new FeatureOptions(features.wordMinN(), features.wordMaxN(), features.charMinN(), features.charMaxN(), 1,
        features.weighting(), features.sublinearTf(), features.negation());
    ThemeOptions.Builder b = ThemeOptions.builder().folds(3).seed(3).kind(kind).features(f).costs(List.of(1.0, 8.0)).threads(1);
    if (f.negation() != FeatureOptions.Negation.OFF) {
      b.tokenizer(org.verbatim.features.PipelineTokenizer.fast()); // negation scope comes from the text pipeline
    }
    return b.build();
  }

  static LinearThemeClassifier trained(ClassifierKind kind, FeatureOptions features) {
    return ThemeTrainer.create(options(kind, features)).train(data());
  }

  static LinearThemeClassifier trained() {
    return trained(ClassifierKind.NB_LOGISTIC, FeatureOptions.wordsAndChars());
  }
}
