package org.verbatim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.verbatim.Classification;
import org.verbatim.classify.LinearThemeClassifier;

/**
 * Random damage to a model file never loads silently different weights: a flipped bit anywhere in the file, or in
 * the manifest of a zip packed again with valid CRC-32s, is refused with a {@link ModelFormatException} (or an
 * {@link IOException}), or loads a model that classifies exactly as the original.
 */
class ModelBitFlipPropertyTest {

  private static final Path DIR;
  private static final byte[] FILE;
  private static final Map<String, byte[]> ENTRIES = new LinkedHashMap<>();
  private static final List<Classification> EXPECTED;

  static {
    try {
      DIR = Files.createTempDirectory("verbatim-bitflip");
      DIR.toFile().deleteOnExit();
      LinearThemeClassifier model = Fixtures.trainedWithPolarity();
      Path p = DIR.resolve("model.zip");
      ModelWriter.write(model, p);
      FILE = Files.readAllBytes(p);
      try (ZipFile z = new ZipFile(p.toFile())) {
        Enumeration<? extends ZipEntry> en = z.entries();
        while (en.hasMoreElements()) {
          ZipEntry e = en.nextElement();
          ENTRIES.put(e.getName(), z.getInputStream(e).readAllBytes());
        }
      }
      EXPECTED = ModelLoader.load(p).classifyAll(Fixtures.PROBES);
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ModelFormatException e) {
      throw new IllegalStateException(e);
    }
  }

  @Property(tries = 400, seed = "20261205")
  void aBitFlippedAnywhereIsRefusedOrChangesNothing(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position, @ForAll @IntRange(min = 0, max = 7) int bit)
      throws IOException {
    byte[] b = FILE.clone();
    int at = position % b.length;
    b[at] ^= (byte) (1 << bit);
    check(b, "flip-" + at + "-" + bit + ".zip");
  }

  @Property(tries = 400, seed = "20261205")
  void aManifestBitFlippedAndRepackedIsRefusedOrChangesNothing(
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int position, @ForAll @IntRange(min = 0, max = 7) int bit)
      throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(ENTRIES);
    byte[] man = m.get(ModelFormat.MANIFEST).clone();
    int at = position % man.length;
    man[at] ^= (byte) (1 << bit);
    m.put(ModelFormat.MANIFEST, man);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : m.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    check(out.toByteArray(), "manifest-" + at + "-" + bit + ".zip");
  }

  @Property(tries = 200, seed = "20261205")
  void aDigitChangedInTheManifestIsRefused(@ForAll @IntRange(min = 0, max = Integer.MAX_VALUE - 1) int which) {
    String man = new String(ENTRIES.get(ModelFormat.MANIFEST), StandardCharsets.UTF_8);
    // the digits of values, not of the seal itself
    int sealAt = man.indexOf("\"" + ManifestDigest.FIELD + "\"");
    int[] digits = java.util.stream.IntStream.range(0, man.length())
        .filter(i -> Character.isDigit(man.charAt(i)) && (i < sealAt || i > sealAt + 90)).toArray();
    int at = digits[which % digits.length];
    char d = man.charAt(at);
    String edited = man.substring(0, at) + (char) ('0' + (d - '0' + 1) % 10) + man.substring(at + 1);
    Map<String, byte[]> m = new LinkedHashMap<>(ENTRIES);
    m.put(ModelFormat.MANIFEST, edited.getBytes(StandardCharsets.UTF_8));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream z = new ZipOutputStream(out)) {
      for (Map.Entry<String, byte[]> e : m.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path p = DIR.resolve("digit-" + at + ".zip");
    try {
      Files.write(p, out.toByteArray());
      org.junit.jupiter.api.Assertions.assertThrows(ModelFormatException.class, () -> ModelLoader.load(p),
          "a digit changed at " + at + " in: " + man.substring(Math.max(0, at - 30), Math.min(man.length(), at + 10)));
      Files.delete(p);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void check(byte[] bytes, String name) throws IOException {
    Path p = DIR.resolve(name);
    Files.write(p, bytes);
    try {
      LinearThemeClassifier loaded = ModelLoader.load(p);
      assertEquals(EXPECTED, loaded.classifyAll(Fixtures.PROBES), "a damaged file loaded with other predictions: " + name);
    } catch (ModelFormatException | IOException refused) {
      // refused: what damage must give unless it touched nothing the loader reads
    } finally {
      Files.deleteIfExists(p);
    }
  }
}
