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

  /** Calls {@code row} with each row's cells (index 0 = the header row), from the first sheet of an .xlsx file. */
  public static void readXlsx(Path file, Consumer<List<String>> row) throws Unreadable {
    try (var pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
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
                int col = new CellReference(ref).getCol();
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
