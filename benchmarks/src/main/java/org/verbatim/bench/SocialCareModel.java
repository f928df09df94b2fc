package org.verbatim.bench;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.verbatim.cli.Main;
import org.verbatim.codebooks.DefaultCodebooks;
import org.verbatim.codebooks.DefaultModels;

/**
 * The recipe of the bundled social-care model ({@link DefaultModels#SOCIAL_CARE}): {@code verbatim train} with the
 * default codebook's cue features, seed 42, on the project's twenty coded social-care sets, which are all spent as
 * unseen sets (dev, final and check to check18: 4,800 comments).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.verbatim.bench.SocialCareModel \
 *     --out codebooks/src/main/resources/org/verbatim/codebooks/social-care-model.zip
 * </pre>
 *
 * <p>Training is deterministic (same data, options and seed, same weights); {@code SocialCareModelTest} rebuilds
 * the model and compares it with the bundled file, so a changed codebook or set fails the build until the model
 * is rebuilt with this class.
 */
public final class SocialCareModel {

  /** The coded sets, in the order they are joined. */
  static final List<String> SETS = SocialCareDev.CODED;

  private static final String DIR = SocialCareDev.DIR;

  private SocialCareModel() {}

  public static void main(String[] args) throws IOException {
    Args a = Args.parse(args, List.of("out", "threads"), List.of());
    Path out = Path.of(a.value("out", "codebooks/src/main/resources/org/verbatim/codebooks/social-care-model.zip"));
    int exit = build(out, a.intValue("threads", 2));
    if (exit != 0) {
      System.exit(exit);
    }
    System.out.println("wrote " + out);
  }

  /** Trains the model into {@code out}; returns {@code verbatim train}'s exit code. */
  static int build(Path out, int threads) throws IOException {
    Path work = Files.createTempDirectory("verbatim-sc-model");
    try {
      Path data = Files.write(work.resolve("social-care-coded.csv"), joined());
      Path codebook = work.resolve("social-care.yaml");
      try (InputStream in = resource(DefaultCodebooks.SOCIAL_CARE_RESOURCE)) {
        Files.copy(in, codebook);
      }
      return Main.commandLine().execute("train", "--input", data.toString(), "--output", out.toString(),
          "--codebook", codebook.toString(), "--seed", "42", "--threads", Integer.toString(threads));
    } finally {
      try (var files = Files.list(work)) {
        for (Path p : (Iterable<Path>) files::iterator) {
          Files.deleteIfExists(p);
        }
      }
      Files.deleteIfExists(work);
    }
  }

  /** The sets as one CSV: the first set's header, then every set's records (they share one header). */
  static byte[] joined() throws IOException {
    ByteArrayOutputStream all = new ByteArrayOutputStream(1 << 20);
    String header = null;
    for (String set : SETS) {
      String text;
      try (InputStream in = resource(DIR + set)) {
        text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      int eol = text.indexOf('\n');
      String first = text.substring(0, eol).strip();
      if (header == null) {
        header = first;
        all.writeBytes((header + "\n").getBytes(StandardCharsets.UTF_8));
      } else if (!header.equals(first)) {
        throw new IllegalStateException(set + ": header '" + first + "', expected '" + header + "'");
      }
      String body = text.substring(eol + 1);
      all.writeBytes(body.getBytes(StandardCharsets.UTF_8));
      if (!body.isEmpty() && !body.endsWith("\n")) {
        all.write('\n');
      }
    }
    return all.toByteArray();
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = SocialCareModel.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException("missing from the class path: " + name);
    }
    return in;
  }
}
