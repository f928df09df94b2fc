package org.verbatim.train;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.verbatim.Polarity;
import org.verbatim.classify.PolarityModel;

/**
 * One labelled (comment, theme) pair for training or scoring a {@link PolarityModel}.
 *
 * <pre>{@code
 * PolarityExample e = new PolarityExample("Food great but staff rude.", "staff", Polarity.NEGATIVE);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param text the whole comment
 * @param themeId the theme the polarity is about
 * @param polarity the gold polarity of the comment towards that theme
 */
public record PolarityExample(String text, String themeId, Polarity polarity) {

  /**
   * @throws NullPointerException if a component is null
   * @throws IllegalArgumentException if {@code themeId} is blank
   */
  public PolarityExample {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(themeId, "themeId");
    Objects.requireNonNull(polarity, "polarity");
    if (themeId.isBlank()) {
      throw new IllegalArgumentException("themeId must not be blank");
    }
  }

  /**
   * The (comment, theme, polarity) triples of coded comments: for each comment in order, its coded themes in
   * sorted order.
   *
   * @param comments the comments
   * @param polarities per comment, the coded polarity of some of its themes
   * @throws IllegalArgumentException if the lists differ in size
   */
  public static List<PolarityExample> of(List<LabelledComment> comments, List<Map<String, Polarity>> polarities) {
    if (comments.size() != polarities.size()) {
      throw new IllegalArgumentException("one polarity map per comment: " + polarities.size() + " != " + comments.size());
    }
    List<PolarityExample> out = new ArrayList<>();
    for (int i = 0; i < comments.size(); i++) {
      for (Map.Entry<String, Polarity> e : new TreeMap<>(polarities.get(i)).entrySet()) {
        out.add(new PolarityExample(comments.get(i).text(), e.getKey(), e.getValue()));
      }
    }
    return out;
  }
}
