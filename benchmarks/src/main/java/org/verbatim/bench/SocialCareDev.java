package org.verbatim.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.verbatim.Polarity;
import org.verbatim.eval.LabelSets;

/**
 * The social-care development set ({@code bench/socialcare/dev.csv}: {@code id,text,labels,polarity,...}) as gold rows,
 * for the benchmark mains that score the zero-shot codebook on it; {@link #rows(String)} reads the other coded sets
 * of the same columns. Stateless.
 */
final class SocialCareDev {

  /** The class-path resource. */
  static final String RESOURCE = "/org/verbatim/bench/socialcare/dev.csv";

  /** The folder of the coded social-care sets on the class path. */
  static final String DIR = "/org/verbatim/bench/socialcare/";

  /**
   * The coded social-care sets under {@link #DIR}, in the order the bundled layer and model join them: dev, final,
   * then the check sets in the order they were made (each spent: scored once, then trained on).
   */
  static final List<String> CODED = List.of("dev.csv", "final.csv", "check/check.csv", "check2/check.csv",
      "check3/check.csv", "check4/check.csv", "check5/check.csv", "check6/check.csv", "check7/check.csv",
      "check8/check.csv", "check9/check.csv", "check10/check.csv", "check11/check.csv", "check12/check.csv",
      "check13/check.csv", "check14/check.csv", "check15/check.csv", "check16/check.csv", "check17/check.csv",
      "check18/check.csv");

  private SocialCareDev() {}

  /**
   * The rows of dev.csv, keyed by their ids.
   *
   * @throws IOException if the resource is missing or a polarity entry is malformed (with its line)
   */
  static List<ZeroShotGold.Row> rows() throws IOException {
    return rows(RESOURCE);
  }

  /**
   * Every set of {@link #CODED}, in its order, in a new map the caller may add to, by short name: {@code sc-dev},
   * {@code sc-final}, then the check sets' folder names ({@code check}, {@code check2}, ...).
   *
   * @throws IOException if a set is missing or malformed
   */
  static Map<String, List<ZeroShotGold.Row>> coded() throws IOException {
    Map<String, List<ZeroShotGold.Row>> sets = new LinkedHashMap<>();
    for (String set : CODED) {
      int slash = set.indexOf('/');
      String name = slash > 0 ? set.substring(0, slash) : "sc-" + set.substring(0, set.length() - ".csv".length());
      sets.put(name, rows(DIR + set));
    }
    return sets;
  }

  /**
   * The rows of another coded social-care set of the same columns ({@code final.csv}, {@code check/check.csv}, ...),
   * for the mains that are allowed to read it.
   *
   * @param resource the class-path resource
   * @throws IOException if the resource is missing or a polarity entry is malformed (with its line)
   */
  static List<ZeroShotGold.Row> rows(String resource) throws IOException {
    InputStream in = SocialCareDev.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IOException(resource + " is missing from the class path");
    }
    List<ZeroShotGold.Row> out = new ArrayList<>();
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8);
         CSVParser p = CSVParser.builder().setReader(r)
             .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
      for (CSVRecord rec : p) {
        Map<String, Polarity> pol = new LinkedHashMap<>();
        for (String pair : rec.get("polarity").split(";")) {
          if (pair.isBlank()) {
            continue;
          }
          int colon = pair.indexOf(':');
          try {
            pol.put(pair.substring(0, Math.max(colon, 0)).strip(), Polarity.parse(pair.substring(colon + 1)));
          } catch (IllegalArgumentException | StringIndexOutOfBoundsException e) {
            throw new IOException(resource + ": line " + p.getCurrentLineNumber() + ": bad polarity entry", e);
          }
        }
        out.add(new ZeroShotGold.Row(rec.get("id"), rec.get("text"), LabelSets.parse(rec.get("labels")), pol));
      }
    }
    return out;
  }
}
