package org.verbatim.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The JSON Lines text field is the one most records have; a record without it is an error record. */
class JsonTextFieldTest {

  @TempDir Path dir;

  private static List<FeedbackRecord> records(Path f) throws IOException {
    List<FeedbackRecord> out = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.JSONL)) {
      for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
        out.add(x);
      }
    }
    return out;
  }

  private static List<String> keys(List<FeedbackRecord> sample) {
    LinkedHashSet<String> keys = new LinkedHashSet<>();
    sample.forEach(r -> keys.addAll(r.columns()));
    return List.copyOf(keys);
  }

  @Test
  void oneRecordWithTextAmongManyWithCommentChoosesComment() throws Exception {
    StringBuilder b = new StringBuilder("{\"id\":1,\"text\":\"the one odd record\"}\n");
    for (int i = 2; i <= 200; i++) {
      b.append("{\"id\":").append(i).append(",\"comment\":\"staff were kind and listened\"}\n");
    }
    Path f = dir.resolve("f.jsonl");
    Files.writeString(f, b);
    List<FeedbackRecord> sample = records(f);
    assertEquals("comment", ColumnSelector.textColumn(keys(sample), sample, null));
    try (FeedbackReader r = FeedbackReader.open(f, FeedbackFormat.JSONL)) {
      RecordBatch batch = r.newBatch(1000, "comment");
      assertEquals(200, r.next(batch));
      assertTrue(batch.isRecordError(0));
      assertEquals("no field 'comment' (the text field); the record's fields are 'id', 'text'", batch.recordError(0));
      assertFalse(batch.isRecordError(1));
      // the error row keeps the record's own fields
      assertEquals("1", batch.record(0).get("id").orElseThrow());
    }
  }

  @Test
  void twoCommonFieldsAreRefusedWithTheirCounts() throws Exception {
    StringBuilder b = new StringBuilder();
    for (int i = 1; i <= 100; i++) {
      b.append("{\"id\":").append(i).append(i % 2 == 0 ? ",\"comment\"" : ",\"text\"")
          .append(":\"staff were kind and listened to us\"}\n");
    }
    Path f = dir.resolve("f.jsonl");
    Files.writeString(f, b);
    List<FeedbackRecord> sample = records(f);
    ColumnException e = assertThrows(ColumnException.class, () -> ColumnSelector.textColumn(keys(sample), sample, null));
    assertTrue(e.getMessage().contains("of 100 sampled records, 'text' in 50, 'comment' in 50 have it"), e.getMessage());
  }

  @Test
  void csvColumnsAreAllPresent() throws Exception {
    Path f = dir.resolve("f.csv");
    Files.writeString(f, "id,comment\n1,kind\n2,rude\n");
    List<FeedbackRecord> sample = new ArrayList<>();
    try (FeedbackReader r = FeedbackReader.open(f)) {
      for (FeedbackRecord x = r.next(); x != null; x = r.next()) {
        sample.add(x);
      }
      assertEquals("comment", ColumnSelector.textColumn(r.header(), sample, null));
    }
  }
}
