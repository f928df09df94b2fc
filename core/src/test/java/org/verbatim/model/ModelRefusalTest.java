package org.verbatim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.classify.HybridThemeClassifier;
import org.verbatim.classify.LinearThemeClassifier;

class ModelRefusalTest {

  @TempDir
  Path dir;

  private Path good;
  private Map<String, byte[]> entries;

  @BeforeEach
  void writeGoodModel() throws IOException {
    good = dir.resolve("good.zip");
    ModelWriter.write(Fixtures.trained(), good);
    entries = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(good.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        entries.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
    }
  }

  private Path zip(String name, Map<String, byte[]> content) throws IOException {
    Path p = dir.resolve(name);
    try (OutputStream o = Files.newOutputStream(p); ZipOutputStream z = new ZipOutputStream(o)) {
      for (Map.Entry<String, byte[]> e : content.entrySet()) {
        z.putNextEntry(new ZipEntry(e.getKey()));
        z.write(e.getValue());
        z.closeEntry();
      }
    }
    return p;
  }

  /** The model with its manifest edited and sealed again, as an attacker who knows the format would. */
  private Path withManifest(String name, UnaryOperator<String> edit) throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    String man = new String(m.get(ModelFormat.MANIFEST), StandardCharsets.UTF_8);
    String edited = edit.apply(man);
    assertTrue(!edited.equals(man), "the edit must change the manifest");
    m.put(ModelFormat.MANIFEST, reseal(edited).getBytes(StandardCharsets.UTF_8));
    return zip(name, m);
  }

  /** {@code manifest} with its seal recomputed (when it still parses and has one). */
  static String reseal(String manifest) {
    try {
      com.fasterxml.jackson.databind.JsonNode n = ModelLoader.parseManifest(manifest.getBytes(StandardCharsets.UTF_8));
      if (!(n instanceof com.fasterxml.jackson.databind.node.ObjectNode o) || !o.has(ManifestDigest.FIELD)) {
        return manifest;
      }
      return manifest.replace(o.get(ManifestDigest.FIELD).asText(), ManifestDigest.of(o));
    } catch (IOException e) {
      return manifest;
    }
  }

  private ModelFormatException refuse(Path p, String... parts) {
    ModelFormatException e = assertThrows(ModelFormatException.class, () -> ModelLoader.load(p));
    assertTrue(e.getMessage().startsWith(p.toString()), e.getMessage());
    assertEquals(p, e.path());
    for (String part : parts) {
      assertTrue(e.getMessage().contains(part), "'" + part + "' not in: " + e.getMessage());
    }
    return e;
  }

  @Test
  void theUnmodifiedCopyLoads() throws Exception {
    LinearThemeClassifier c = ModelLoader.load(zip("copy.zip", entries));
    assertEquals(Fixtures.trained().classifyAll(Fixtures.PROBES), c.classifyAll(Fixtures.PROBES));
  }

  @Test
  void truncatedFile() throws IOException {
    byte[] all = Files.readAllBytes(good);
    Path p = dir.resolve("truncated.zip");
    Files.write(p, Arrays.copyOf(all, all.length / 2));
    refuse(p, "zip");
  }

  @Test
  void notAZipAtAll() throws IOException {
    Path p = dir.resolve("notes.zip");
    Files.writeString(p, "just some text");
    refuse(p, "not a zip file");
  }

  @Test
  void foreignZipWithoutManifest() throws IOException {
    refuse(zip("foreign.zip", Map.of("hello.txt", "hi".getBytes(StandardCharsets.UTF_8))), "not a Verbatim model", "manifest.json");
  }

  @Test
  void foreignManifest() throws IOException {
    Path p = withManifest("other.zip", m -> m.replace("\"verbatim-model\"", "\"opennlp-model\""));
    ModelFormatException e = refuse(p, "not a Verbatim model", "opennlp-model");
    assertEquals(ModelFormat.MANIFEST, e.entry());
    refuse(zip("garbage.zip", Map.of(ModelFormat.MANIFEST, "{not json".getBytes(StandardCharsets.UTF_8))), "manifest.json", "not valid JSON");
  }

  @Test
  void newerFormatVersion() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    m.put("future-entry.bin", new byte[] {1, 2, 3});
    int next = ModelFormat.FORMAT_VERSION + 1;
    String man = new String(m.get(ModelFormat.MANIFEST), StandardCharsets.UTF_8)
        .replace("\"formatVersion\" : " + ModelFormat.FORMAT_VERSION, "\"formatVersion\" : " + next);
    m.put(ModelFormat.MANIFEST, man.getBytes(StandardCharsets.UTF_8));
    refuse(zip("future.zip", m), "format version " + next + " is newer", "upgrade");
  }

  @Test
  void aPolarityEntryIsRefusedInAVersion1Model() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    String v1 = new String(m.get(ModelFormat.MANIFEST), StandardCharsets.UTF_8)
        .replace("\"formatVersion\" : " + ModelFormat.FORMAT_VERSION, "\"formatVersion\" : 1");
    m.put(ModelFormat.MANIFEST, v1.getBytes(StandardCharsets.UTF_8));
    m.put(ModelFormat.POLARITY, "verbatim-polarity\t1\n".getBytes(StandardCharsets.UTF_8));
    refuse(zip("v1-with-polarity.zip", m), ModelFormat.POLARITY, "unexpected entry in a version-1 model");
  }

  /** The entries of a model written with a polarity model (format version 2). */
  private Map<String, byte[]> polarityEntries() throws IOException {
    Path p = dir.resolve("polarity-good.zip");
    ModelWriter.write(Fixtures.trainedWithPolarity(), p);
    Map<String, byte[]> m = new LinkedHashMap<>();
    try (ZipFile z = new ZipFile(p.toFile())) {
      Enumeration<? extends ZipEntry> en = z.entries();
      while (en.hasMoreElements()) {
        ZipEntry e = en.nextElement();
        m.put(e.getName(), z.getInputStream(e).readAllBytes());
      }
    }
    return m;
  }

  @Test
  void aDeclaredPolarityEntryMustBePresentAndIntact() throws Exception {
    Map<String, byte[]> m = polarityEntries();
    assertTrue(ModelLoader.load(zip("polarity-copy.zip", m)).polarityModel().isPresent());

    Map<String, byte[]> missing = new LinkedHashMap<>(m);
    missing.remove(ModelFormat.POLARITY);
    ModelFormatException e = refuse(zip("polarity-missing.zip", missing), ModelFormat.POLARITY, "missing entry");
    assertEquals(ModelFormat.POLARITY, e.entry());

    Map<String, byte[]> tampered = new LinkedHashMap<>(m);
    byte[] t = tampered.get(ModelFormat.POLARITY).clone();
    t[t.length / 2] ^= 1;
    tampered.put(ModelFormat.POLARITY, t);
    refuse(zip("polarity-tampered.zip", tampered), ModelFormat.POLARITY, "does not match the manifest");
  }

  @Test
  void aMalformedPolarityEntryIsRefusedWithItsLine() throws Exception {
    Map<String, byte[]> m = polarityEntries();
    String text = new String(m.get(ModelFormat.POLARITY), StandardCharsets.UTF_8);
    byte[] broken = text.replaceFirst("\nclasses\t", "\nclasses-broken\t").getBytes(StandardCharsets.UTF_8);
    m.put(ModelFormat.POLARITY, broken);
    String man = new String(m.get(ModelFormat.MANIFEST), StandardCharsets.UTF_8);
    man = man.replace(ModelWriter.sha256(text.getBytes(StandardCharsets.UTF_8)), ModelWriter.sha256(broken))
        .replace("\"" + ModelFormat.POLARITY + "\" : " + text.getBytes(StandardCharsets.UTF_8).length,
            "\"" + ModelFormat.POLARITY + "\" : " + broken.length);
    m.put(ModelFormat.MANIFEST, reseal(man).getBytes(StandardCharsets.UTF_8));
    refuse(zip("polarity-broken.zip", m), ModelFormat.POLARITY, "line 5", "'classes'");
  }

  @Test
  void missingEntry() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    m.remove(ModelFormat.WEIGHTS);
    ModelFormatException e = refuse(zip("missing.zip", m), "weights.bin", "missing entry");
    assertEquals(ModelFormat.WEIGHTS, e.entry());
  }

  @Test
  void unexpectedAndDuplicateEntries() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    m.put("Evil.class", new byte[] {(byte) 0xCA, (byte) 0xFE});
    refuse(zip("extra.zip", m), "Evil.class", "unexpected entry");
  }

  @Test
  void tamperedEntry() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    byte[] w = m.get(ModelFormat.WEIGHTS).clone();
    w[0] ^= 0x40;
    m.put(ModelFormat.WEIGHTS, w);
    refuse(zip("tampered-weights.zip", m), "weights.bin", "SHA-256", "does not match");
  }

  @Test
  void aManifestEditedByOneDigitIsRefused() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    String man = new String(m.get(ModelFormat.MANIFEST), StandardCharsets.UTF_8);
    java.util.regex.Matcher digit = java.util.regex.Pattern.compile("\"maxLabels\" : (\\d)").matcher(man);
    assertTrue(digit.find(), man);
    int d = digit.group(1).charAt(0) - '0';
    String edited = man.substring(0, digit.start(1)) + ((d + 1) % 10) + man.substring(digit.end(1));
    m.put(ModelFormat.MANIFEST, edited.getBytes(StandardCharsets.UTF_8));
    ModelFormatException e = refuse(zip("one-digit.zip", m), "manifest.json", "does not match its manifestSha256",
        "modified or is corrupt");
    assertEquals(ModelFormat.MANIFEST, e.entry());
    // what only reads the manifest refuses it too
    assertThrows(ModelFormatException.class, () -> ModelLoader.extraFeaturesId(dir.resolve("one-digit.zip")));
  }

  @Test
  void anEntryLongerOrShorterThanDeclaredIsRefused() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    byte[] w = m.get(ModelFormat.WEIGHTS);
    m.put(ModelFormat.WEIGHTS, Arrays.copyOf(w, w.length + 1 + (64 << 20)));
    refuse(zip("longer.zip", m), "weights.bin", "larger than the " + w.length + " bytes the manifest declares");
    m.put(ModelFormat.WEIGHTS, Arrays.copyOf(w, w.length - 4));
    refuse(zip("shorter.zip", m), "weights.bin", "has " + (w.length - 4) + " bytes, the manifest declares " + w.length);
  }

  @Test
  void tamperedManifest() throws IOException {
    refuse(withManifest("kind.zip", m -> m.replace("\"kind\" : \"nb-logistic\"", "\"kind\" : \"com.evil.Payload\"")),
        "unknown classifier kind", "com.evil.Payload");
    refuse(withManifest("themes.zip", m -> m.replace("\"staff\"", "\"people\"")), "labels differ");
    refuse(withManifest("vocab.zip", m -> m.replaceFirst("\"vocabularySize\" : (\\d+)", "\"vocabularySize\" : 7")), "vocabulary.txt");
    refuse(withManifest("tok.zip", m -> m.replace("\"simple-v1\"", "\"regex-v9\"")), "unknown tokenizer");
    refuse(withManifest("nofield.zip", m -> m.replace("\"language\"", "\"lang\"")), "missing field 'language'");
    refuse(withManifest("hash.zip", m -> m.replaceFirst("\"weights.bin\" : \"[0-9a-f]+\"", "\"weights.bin\" : \"00\"")), "SHA-256");
  }

  @Test
  void oversizedEntryIsCappedWhileReading() throws IOException {
    Map<String, byte[]> m = new LinkedHashMap<>(entries);
    byte[] big = new byte[(int) ModelFormat.MAX_MANIFEST + 10];
    Arrays.fill(big, (byte) ' ');
    m.put(ModelFormat.MANIFEST, big);
    refuse(zip("big.zip", m), "manifest.json", "limit");
  }

  @Test
  void missingFile() {
    assertThrows(NoSuchFileException.class, () -> ModelLoader.load(dir.resolve("nope.zip")));
  }

  @Test
  void hybridIsNotStorable() {
    LinearThemeClassifier t = Fixtures.trained();
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ModelWriter.write(HybridThemeClassifier.of(t, t), dir.resolve("h.zip")));
    assertTrue(e.getMessage().contains("HybridThemeClassifier"));
  }
}
