package org.tongban.facility.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Reads and writes tables row by row, so that 200,000 rows never sit in memory: Excel through POI's event API
 * (SAX over the sheet XML) and SXSSF (a window of 200 rows), CSV through Commons CSV.
 */
public final class TableRows {

  /** A file that is not the table it claims to be. */
  public static final class Unreadable extends Exception {
    Unreadable(Throwable cause) {
      super(cause);
    }
  }

  private TableRows() {}

  /** More columns than any table of ours has (the export has about 60): refused, not padded cell by cell. */
  static final int MAX_COLUMNS = 256;
  /** A part may unpack to at most this many times the file's size (real sheets: 5–15×), and never beyond 512 MiB. */
  static final long MAX_INFLATION = 40;
  static final long MAX_UNPACKED = 512L * 1024 * 1024;
  /** Shared strings are held in memory whole: at most this much text. */
  static final long MAX_SHARED_STRINGS = 48L * 1024 * 1024;

  /**
   * Calls {@code row} with each row's cells (index 0 = the header row), from the first sheet of an .xlsx file. A file
   * whose parts unpack out of proportion to its size, whose shared strings would not fit, or with a cell beyond column
   * {@value #MAX_COLUMNS} is refused before (or as soon as) it costs anything: a 28 KB file cost 5 s of CPU, a 4 MB one
   * 140 MB of heap before.
   */
  public static void readXlsx(Path file, Consumer<List<String>> row) throws Unreadable {
    try (var pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      long size = Math.max(Files.size(file), 64 * 1024);
      long unpacked = 0;
      for (var part : pkg.getParts()) {
        long partSize = part.getSize();
        if (partSize < 0) continue;
        unpacked += partSize;
        if (part.getPartName().getName().endsWith("sharedStrings.xml") && partSize > MAX_SHARED_STRINGS) {
          throw new Unreadable(new IllegalArgumentException("shared strings too large"));
        }
      }
      if (unpacked > size * MAX_INFLATION || unpacked > MAX_UNPACKED) {
        throw new Unreadable(new IllegalArgumentException("unpacks out of proportion"));
      }
      var reader = new XSSFReader(pkg);
      var strings = new ReadOnlySharedStringsTable(pkg, false);
      var sheets = reader.getSheetsData();
      if (!sheets.hasNext()) throw new Unreadable(new IllegalArgumentException("no sheet"));
      try (InputStream sheet = sheets.next()) {
        var cells = new ArrayList<String>();
        var handler = new XSSFSheetXMLHandler(reader.getStylesTable(), null, strings,
            new XSSFSheetXMLHandler.SheetContentsHandler() {
              @Override
              public void startRow(int rowNum) {
                cells.clear();
              }

              @Override
              public void endRow(int rowNum) {
                row.accept(List.copyOf(cells));
              }

              @Override
              public void cell(String ref, String value, XSSFComment comment) {
                int col = ref == null ? cells.size() : new CellReference(ref).getCol();
                if (col >= MAX_COLUMNS) throw new IllegalArgumentException("cell beyond column " + MAX_COLUMNS);
                while (cells.size() < col) cells.add("");
                cells.add(value == null ? "" : value);
              }
            }, new DataFormatter(java.util.Locale.ROOT), false);
        var parser = XMLHelper.newXMLReader();
        parser.setContentHandler(handler);
        parser.parse(new InputSource(sheet));
      }
    } catch (IOException | OpenXML4JException | SAXException | ParserConfigurationException
             | org.apache.poi.ooxml.POIXMLException | IllegalArgumentException e) {
      throw new Unreadable(e);
    }
  }

  /** The same for a UTF-8 CSV file (a byte-order mark is skipped). */
  public static void readCsv(Path file, Consumer<List<String>> row) throws Unreadable {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      in.mark(1);
      if (in.read() != '\uFEFF') in.reset();
      for (CSVRecord r : CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get().parse(in)) {
        row.accept(r.toList());
      }
    } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
      throw new Unreadable(e);
    }
  }

  /** Writes rows to an .xlsx stream, holding at most 200 rows in memory. */
  public static Sink xlsx(OutputStream out, String sheetName) {
    var workbook = new SXSSFWorkbook(200);
    var sheet = workbook.createSheet(sheetName);
    return new Sink() {
      int next = 0;

      @Override
      public void row(List<?> values) {
        var r = sheet.createRow(next++);
        for (int i = 0; i < values.size(); i++) {
          Object v = values.get(i);
          if (v == null) continue;
          var cell = r.createCell(i);
          if (v instanceof Number n) cell.setCellValue(n.doubleValue());
          else cell.setCellValue(v.toString());
        }
      }

      @Override
      public void close() throws IOException {
        try {
          workbook.write(out);
        } finally {
          workbook.close();
        }
      }
    };
  }

  /** Writes rows as UTF-8 CSV with a byte-order mark, which Excel needs to show Chinese. */
  public static Sink csv(OutputStream out) throws IOException {
    Writer writer = new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write('\uFEFF');
    var printer = new CSVPrinter(writer, CSVFormat.RFC4180);
    return new Sink() {
      @Override
      public void row(List<?> values) throws IOException {
        // A text starting with = + - @ would run as a formula when the file is opened in Excel (CSV injection).
        printer.printRecord(values.stream().map(v -> v == null ? ""
            : v instanceof String s && !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : v.toString())
            .toList());
      }

      @Override
      public void close() throws IOException {
        printer.flush();
        writer.flush();
      }
    };
  }

  /** Where exported rows go. */
  public interface Sink extends AutoCloseable {
    void row(List<?> values) throws IOException;

    @Override
    void close() throws IOException;
  }
}
