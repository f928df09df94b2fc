package org.verbatim.codebook;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.composer.Composer;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.parser.ParserImpl;
import org.yaml.snakeyaml.reader.ReaderException;
import org.yaml.snakeyaml.reader.StreamReader;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * Reads a {@link Codebook} from a YAML file in the {@value #FORMAT} format (described in
 * {@code docs/codebook-format.md}).
 *
 * <pre>{@code
 * Codebook cb = CodebookLoader.load(Path.of("my-codebook.yaml"));
 * Codebook bundled = CodebookLoader.loadResource(MyApp.class, "/my/app/codebook.yaml");
 * }</pre>
 *
 * <p>The file is composed into YAML nodes only (no Java object is ever constructed from it), then checked
 * field by field. Every problem is collected, and one {@link CodebookException} lists them all, each with
 * the file, the 1-based line, the field path (e.g. {@code themes[3].cues[7].pattern}, indices counted from 0)
 * and what was expected. Files larger than {@value #MAX_CHARS} characters, YAML alias bombs and duplicate keys
 * are refused.
 *
 * <p>Stateless and thread-safe. Arguments must not be null ({@link NullPointerException}).
 */
public final class CodebookLoader {

  /** The only value accepted for the top-level {@code format} key. */
  public static final String FORMAT = "verbatim-codebook/1";

  /** Largest accepted file, in bytes for {@link #load(Path)} and in characters otherwise (5 MiB). */
  public static final int MAX_CHARS = 5 * 1024 * 1024;

  /** Largest number of aliases to lists or mappings accepted in one file (guards against alias bombs). */
  static final int MAX_COLLECTION_ALIASES = 20;

  /** Deepest nesting of lists and mappings accepted (a codebook needs 4). */
  static final int MAX_NESTING = 20;

  private CodebookLoader() {}

  /**
   * Loads a UTF-8 codebook file.
   *
   * @throws CodebookException if the file is too large, not UTF-8, not valid YAML or not a valid codebook
   * @throws IOException if the file cannot be read (a missing file gives {@link NoSuchFileException})
   */
  public static Codebook load(Path file) throws CodebookException, IOException {
    Objects.requireNonNull(file, "file");
    String name = file.toString();
    long size = Files.size(file);
    if (size > MAX_CHARS) {
      throw tooLarge(name, size + " bytes");
    }
    try (InputStream in = Files.newInputStream(file);
        Reader reader =
            new InputStreamReader(
                in,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      return load(reader, name);
    }
  }

  /**
   * Loads a codebook from a reader, which the caller closes.
   *
   * @param sourceName how problems name the source, e.g. the file name
   * @throws CodebookException if the text is too large, not valid YAML or not a valid codebook
   * @throws IOException if the reader fails
   */
  public static Codebook load(Reader reader, String sourceName) throws CodebookException, IOException {
    Objects.requireNonNull(reader, "reader");
    Objects.requireNonNull(sourceName, "sourceName");
    String text = readCapped(reader, sourceName);
    if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
      text = text.substring(1);
    }
    Node root = compose(text, sourceName);
    return new CodebookParser(sourceName).parse(root);
  }

  /**
   * Loads a UTF-8 codebook bundled as a class-path resource.
   *
   * @param anchor the class whose {@link Class#getResourceAsStream(String)} finds the resource
   * @param resourcePath the resource path, absolute ({@code /org/x/cb.yaml}) or relative to {@code anchor}'s
   *     package
   * @throws CodebookException if the resource is not a valid codebook
   * @throws IOException if there is no such resource or it cannot be read
   */
  public static Codebook loadResource(Class<?> anchor, String resourcePath) throws CodebookException, IOException {
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(resourcePath, "resourcePath");
    InputStream in = anchor.getResourceAsStream(resourcePath);
    if (in == null) {
      throw new NoSuchFileException(resourcePath, null, "no such class-path resource relative to " + anchor.getName());
    }
    try (Reader reader =
        new InputStreamReader(
            in,
            StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
      return load(reader, resourcePath);
    }
  }

  private static String readCapped(Reader reader, String sourceName) throws IOException, CodebookException {
    StringBuilder sb = new StringBuilder();
    char[] buf = new char[8192];
    try {
      int n;
      while ((n = reader.read(buf)) != -1) {
        sb.append(buf, 0, n);
        if (sb.length() > MAX_CHARS) {
          throw tooLarge(sourceName, "more than " + MAX_CHARS + " characters");
        }
      }
    } catch (CharacterCodingException e) {
      int line = 1;
      for (int i = 0; i < sb.length(); i++) {
        if (sb.charAt(i) == '\n') {
          line++;
        }
      }
      throw new CodebookException(
          List.of(
              new CodebookException.Problem(
                  sourceName, line, "", "the file is not valid UTF-8 text (bad byte sequence at or after this line)")));
    }
    return sb.toString();
  }

  /** The 1-based line of the code point at {@code position}. */
  private static int lineAt(String text, int position) {
    int line = 1;
    int cp = 0;
    for (int i = 0; i < text.length() && cp < position; i += Character.charCount(text.codePointAt(i)), cp++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }

  private static CodebookException tooLarge(String sourceName, String size) {
    return new CodebookException(
        List.of(
            new CodebookException.Problem(
                sourceName, 0, "", "the file is too large (" + size + "); a codebook may have at most " + MAX_CHARS + " characters")));
  }

  private static Node compose(String text, String sourceName) throws CodebookException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(MAX_COLLECTION_ALIASES);
    options.setAllowRecursiveKeys(false);
    options.setNestingDepthLimit(MAX_NESTING);
    options.setCodePointLimit(MAX_CHARS + 1);
    options.setMergeOnCompose(false);
    options.setProcessComments(false);
    try {
      // Compose only: nodes with their marks; no constructor ever turns the file into Java objects.
      Composer composer = new Composer(new ParserImpl(new StreamReader(text), options), new Resolver(), options);
      return composer.getSingleNode();
    } catch (MarkedYAMLException e) {
      Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
      String what = e.getProblem() != null ? e.getProblem() : "malformed YAML";
      String context = e.getContext() != null ? " (" + e.getContext() + ")" : "";
      throw new CodebookException(
          List.of(
              new CodebookException.Problem(
                  sourceName, mark == null ? 0 : mark.getLine() + 1, "", "YAML syntax error: " + what + context)));
    } catch (ReaderException e) {
      throw new CodebookException(
          List.of(
              new CodebookException.Problem(
                  sourceName,
                  lineAt(text, e.getPosition()),
                  "",
                  String.format(
                      Locale.ROOT, "YAML does not allow the character U+%04X in a file; remove it", e.getCodePoint()))));
    } catch (YAMLException e) {
      throw new CodebookException(
          List.of(new CodebookException.Problem(sourceName, 0, "", "YAML error: " + e.getMessage())));
    }
  }
}
