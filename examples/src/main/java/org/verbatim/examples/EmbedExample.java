package org.verbatim.examples;

import org.verbatim.Classification;
import org.verbatim.ThemeClassifier;
import org.verbatim.ThemeTag;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;

/**
 * The smallest useful program: classify a few comments with the default social-care codebook and its learned layer.
 *
 * <p>Run: {@code mvn -q -pl examples -am package -DskipTests && java -cp "examples/target/classes:$(cat examples/target/classpath.txt)" org.verbatim.examples.EmbedExample}
 */
public final class EmbedExample {

  private EmbedExample() {}

  public static void main(String[] args) {
    // Build once (loads the codebook and its learned layer), then share between threads. For the cues alone:
    // CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create())
    ThemeClassifier classifier = DefaultCodebooks.socialCareClassifier(RulePipeline.create());
    String[] comments = args.length > 0 ? args : new String[] {
      "She never once listened to what we said.",
      "Kind but useless: nothing changed after the meeting.",
      "Our social worker explained everything and always rang back when she said she would.",
      "n/a",
    };
    for (String text : comments) {
      Classification c = classifier.classify(text);
      System.out.println(text);
      for (ThemeTag tag : c.tags()) {
        String words = tag.evidence().isEmpty() ? "" : tag.evidence().get(0).in(text);
        System.out.printf("  %-12s %-8s %.2f  \"%s\"%n", tag.themeId(), tag.polarity().id(), tag.score(), words);
      }
      if (c.isEmpty()) {
        System.out.println("  (no theme)");
      }
    }
  }
}
