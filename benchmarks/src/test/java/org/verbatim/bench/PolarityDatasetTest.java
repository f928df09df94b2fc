package org.verbatim.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verbatim.Polarity;
import org.verbatim.io.CodedDataException;

class PolarityDatasetTest {

  private static final String TRAIN =
      "id,text,labels\na1,The food was great.,food\na2,Rude staff but nice food.,staff;food\n";
  private static final String TEST = "id,text,labels\nb1,Slow service.,service\n";

  private static Path folder(Path root, String name, String... files) throws IOException {
    Path d = Files.createDirectories(root.resolve(name));
    for (int i = 0; i < files.length; i += 2) {
      Files.writeString(d.resolve(files[i]), files[i + 1]);
    }
    return d;
  }

  @Test
  void detectsBothLayoutsAndSkipsFoldersWithoutCodes(@TempDir Path tmp) throws Exception {
    folder(tmp, "perSplit", "train.csv", TRAIN, "test.csv", TEST,
        "train_polarity.csv", "id,theme,polarity\na1,food,positive\na2,staff,negative\na2,food,positive\n",
        "test_polarity.csv", "id,theme,polarity\nb1,service,negative\n");
    folder(tmp, "single", "train.csv", TRAIN, "test.csv", TEST,
        "polarity.csv", "id,theme,polarity\na1,food,3\na2,staff,-2\na2,food,\nb1,service,0\nzz,service,1\n");
    folder(tmp, "noCodes", "train.csv", TRAIN, "test.csv", TEST);
    folder(tmp, "noTest", "train.csv", TRAIN, "polarity.csv", "id,theme,polarity\na1,food,1\n");
    folder(tmp, "onlyTrainCodes", "train.csv", TRAIN, "test.csv", TEST, "train_polarity.csv", "id,theme,polarity\n");

    List<PolarityDataset> found = PolarityDataset.discover(tmp);
    assertEquals(List.of("perSplit", "single"), found.stream().map(PolarityDataset::name).toList());
    assertEquals(PolarityDataset.Layout.PER_SPLIT, found.get(0).layout());
    assertEquals(PolarityDataset.Layout.SINGLE_FILE, found.get(1).layout());
    assertEquals("mams", found.get(0).layout().peerKind());
    assertEquals("nhs", found.get(1).layout().peerKind());
    assertEquals(Optional.empty(), PolarityDataset.detect(tmp.resolve("noCodes")));
  }

  @Test
  void perSplitFilesWinOverASingleFile(@TempDir Path tmp) throws Exception {
    Path d = folder(tmp, "both", "train.csv", TRAIN, "test.csv", TEST, "polarity.csv", "id,theme,polarity\n",
        "train_polarity.csv", "id,theme,polarity\n", "test_polarity.csv", "id,theme,polarity\n");
    assertEquals(Optional.of(PolarityDataset.Layout.PER_SPLIT), PolarityDataset.detect(d));
  }

  @Test
  void singleFileSplitsByIdAndMapsTheSign(@TempDir Path tmp) throws Exception {
    Path d = folder(tmp, "single", "train.csv", TRAIN, "test.csv", TEST,
        "polarity.csv", "id,theme,polarity\na1,food,3\na2,staff,-2\na2,food,\nb1,service,0\nzz,service,1\n");
    PolarityDataset ds = new PolarityDataset("single", d, PolarityDataset.Layout.SINGLE_FILE);
    List<LabelledPair> train = ds.pairs("train");
    List<LabelledPair> test = ds.pairs("test");
    assertEquals(List.of("a1", "a2"), train.stream().map(LabelledPair::id).toList(), "empty value skipped");
    assertEquals(Polarity.POSITIVE, train.get(0).example().polarity());
    assertEquals(Polarity.NEGATIVE, train.get(1).example().polarity());
    assertEquals(1, test.size(), "the id in neither split is dropped");
    assertEquals(Polarity.NEUTRAL, test.get(0).example().polarity());
    assertEquals("Slow service.", test.get(0).example().text());
    assertThrows(IllegalArgumentException.class, () -> ds.pairs("val"));
  }

  @Test
  void perSplitReadsNamedPolaritiesAndNamesABadLine(@TempDir Path tmp) throws Exception {
    Path d = folder(tmp, "mams", "train.csv", TRAIN, "test.csv", TEST,
        "train_polarity.csv", "id,theme,polarity\na1,food,positive\na2,staff,negative\n",
        "test_polarity.csv", "id,theme,polarity\nb1,service,awful\n");
    PolarityDataset ds = new PolarityDataset("mams", d, PolarityDataset.Layout.PER_SPLIT);
    assertEquals(2, ds.pairs("train").size());
    CodedDataException e = assertThrows(CodedDataException.class, () -> ds.pairs("test"));
    assertTrue(e.getMessage().contains("test_polarity.csv") && e.getMessage().contains("2"), e.getMessage());
  }

  @Test
  void aMissingDataFolderIsAClearError(@TempDir Path tmp) {
    IOException e = assertThrows(IOException.class, () -> PolarityDataset.discover(tmp.resolve("absent")));
    assertTrue(e.getMessage().contains("absent"), e.getMessage());
  }
}
