package org.verbatim.bench.xlsx;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.SAXParserFactory;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Writes or reads N rows of a classified-feedback-shaped sheet (id, date, comment, themes, scores, polarity,
 * evidence) with fastexcel or Apache POI, each the streaming way, in one run per step so that /usr/bin/time gives
 * each its own peak memory.
 *
 * <pre>
 * java -Xmx256m -cp target/classes:$(cat target/classpath.txt) org.verbatim.bench.xlsx.XlsxCompare \
 *     write-fastexcel|write-poi|read-fastexcel|read-poi COMMENTS.txt ROWS FILE.xlsx
 * </pre>
 *
 * COMMENTS.txt: one comment per line, cycled. Writing: fastexcel with inline strings, rows flushed every 1,000
 * (what Verbatim does); POI's SXSSFWorkbook (a window of 100 rows, temporary files compressed, shared strings off:
 * inline strings). Reading: fastexcel-reader's row stream; POI's event API (XSSFReader, ReadOnlySharedStringsTable,
 * XSSFSheetXMLHandler on SAX). Prints the rows and the sum of the cell lengths (to check both read the same).
 */
public final class XlsxCompare {

  private XlsxCompare() {}

  public static void main(String[] args) throws Exception {
    String step = args[0];
    List<String> comments;
    try (BufferedReader r = Files.newBufferedReader(Path.of(args[1]), StandardCharsets.UTF_8)) {
      comments = r.lines().filter(l -> !l.isBlank()).toList();
    }
    int rows = Integer.parseInt(args[2]);
    Path file = Path.of(args[3]);
    long t0 = System.nanoTime();
    long check;
    switch (step) {
      case "write-fastexcel" -> check = writeFastexcel(comments, rows, file);
      case "write-poi" -> check = writePoi(comments, rows, file);
      case "read-fastexcel" -> check = readFastexcel(file);
      case "read-poi" -> check = readPoi(file);
      default -> throw new IllegalArgumentException(step);
    }
    System.out.printf("%s rows %d, check %d, %.2f s%n", step, rows, check, (System.nanoTime() - t0) / 1e9);
  }

  private static String[] row(List<String> comments, int i) {
    String c = comments.get(i % comments.size());
    return new String[] {"r" + i, "2026-01-" + (i % 28 + 1), c, "listening;respect", "listening:0.835;respect:0.605",
        "listening:negative;respect:positive", "listening:4-18;respect:38-51"};
  }

  private static long writeFastexcel(List<String> comments, int rows, Path file) throws IOException {
    long check = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      Workbook wb = new Workbook(out, "Verbatim", "1.0");
      Worksheet ws = wb.newWorksheet("classified");
      for (int i = 0; i < rows; i++) {
        String[] r = row(comments, i);
        for (int c = 0; c < r.length; c++) {
          ws.inlineString(i, c, r[c]);
          check += r[c].length();
        }
        if (i % 1000 == 999) {
          ws.flush();
        }
      }
      ws.finish();
      wb.finish();
    }
    return check;
  }

  private static long writePoi(List<String> comments, int rows, Path file) throws IOException {
    long check = 0;
    try (SXSSFWorkbook wb = new SXSSFWorkbook(null, 100, true, false); OutputStream out = Files.newOutputStream(file)) {
      SXSSFSheet sheet = wb.createSheet("classified");
      for (int i = 0; i < rows; i++) {
        String[] r = row(comments, i);
        Row row = sheet.createRow(i);
        for (int c = 0; c < r.length; c++) {
          row.createCell(c).setCellValue(r[c]);
          check += r[c].length();
        }
      }
      wb.write(out);
      wb.dispose();
    }
    return check;
  }

  private static long readFastexcel(Path file) throws IOException {
    long check = 0;
    try (ReadableWorkbook wb = new ReadableWorkbook(file.toFile());
        Stream<org.dhatim.fastexcel.reader.Row> rows = wb.getFirstSheet().openStream()) {
      Iterator<org.dhatim.fastexcel.reader.Row> it = rows.iterator();
      while (it.hasNext()) {
        org.dhatim.fastexcel.reader.Row r = it.next();
        for (int c = 0; c < r.getCellCount(); c++) {
          org.dhatim.fastexcel.reader.Cell cell = r.getCell(c);
          if (cell != null && cell.getRawValue() != null) {
            check += cell.getRawValue().length();
          }
        }
      }
    }
    return check;
  }

  private static long readPoi(Path file) throws Exception {
    long[] check = {0};
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader reader = new XSSFReader(pkg);
      XSSFSheetXMLHandler.SheetContentsHandler handler = new XSSFSheetXMLHandler.SheetContentsHandler() {
        @Override
        public void startRow(int rowNum) {}

        @Override
        public void endRow(int rowNum) {}

        @Override
        public void cell(String ref, String value, XSSFComment comment) {
          if (value != null) {
            check[0] += value.length();
          }
        }
      };
      Iterator<InputStream> sheets = reader.getSheetsData();
      try (InputStream sheet = sheets.next()) {
        SAXParserFactory f = SAXParserFactory.newInstance();
        f.setNamespaceAware(true);
        XMLReader xml = f.newSAXParser().getXMLReader();
        xml.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings, handler,
            new org.apache.poi.ss.usermodel.DataFormatter(), false));
        xml.parse(new InputSource(sheet));
      }
    }
    return check[0];
  }

  /** Unused: keeps the imports of the usermodel types the event API mirrors. */
  static List<Cell> none() {
    return new ArrayList<>();
  }
}
