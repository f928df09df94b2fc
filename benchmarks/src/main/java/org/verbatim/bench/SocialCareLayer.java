package org.verbatim.bench;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.verbatim.classify.CodebookClassifier;
import org.verbatim.classify.WordLayer;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.text.RulePipeline;
import org.verbatim.train.LabelledComment;
import org.verbatim.train.WordLayerTrainer;

/**
 * The recipe of the default codebook's learned layer ({@link DefaultCodebooks#socialCareLayer()}):
 * {@link WordLayerTrainer} with its default options over the default codebook's cues, on the project's twenty coded
 * social-care sets (dev, final and check to check18: 4,800 comments), which are all spent as unseen sets; with
 * the trainer's default learned polarity of the tags (lambda 0.1, gate 0.6: a version 2 layer file).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.SocialCareLayer \
 *     --out codebooks/src/main/resources/org/verbatim/codebooks/social-care-layer.tsv
 * </pre>
 *
 * <p>Training is deterministic; {@code SocialCareLayerTest} rebuilds the layer and compares it with the bundled
 * file byte for byte, so a changed codebook or set fails the build until the layer is rebuilt with this class.
 */
public final class SocialCareLayer {

  /** The coded sets, in the order they are joined. */
  static final List<String> SETS = SocialCareDev.CODED;

  private SocialCareLayer() {}

  public static void main(String[] args) throws IOException {
    Args a = Args.parse(args, List.of("out"), List.of());
    Path out = Path.of(a.value("out", "codebooks/src/main/resources/org/verbatim/codebooks/social-care-layer.tsv"));
    Files.writeString(out, build(), StandardCharsets.UTF_8);
    System.out.println("wrote " + out);
  }

  /** The layer's text. */
  static String build() throws IOException {
    List<LabelledComment> comments = new ArrayList<>();
    List<java.util.Map<String, org.verbatim.Polarity>> polarities = new ArrayList<>();
    for (String set : SETS) {
      for (ZeroShotGold.Row r : SocialCareDev.rows(SocialCareDev.DIR + set)) {
        comments.add(LabelledComment.of(r.key(), r.text(), r.labels().toArray(String[]::new)));
        polarities.add(r.polarity());
      }
    }
    CodebookClassifier codebook = CodebookClassifier.create(DefaultCodebooks.socialCare(), RulePipeline.create());
    WordLayer layer = WordLayerTrainer.create(WordLayerTrainer.Options.DEFAULTS).train(codebook, comments, polarities);
    StringWriter w = new StringWriter();
    layer.write(w);
    return w.toString();
  }
}
