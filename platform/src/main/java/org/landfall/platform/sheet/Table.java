package org.landfall.platform.sheet;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.streaming.SXSSFCell;
import org.apache.poi.xssf.streaming.SXSSFRow;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table downloaded as a spreadsheet: CSV or an .xlsx workbook of one sheet, a header row then one row per
 * {@link #add}. Rows go to a temporary file as they are added (an .xlsx keeps only the last 100 in memory), so a
 * large table costs disk rather than heap; the download streams the file and deletes it.
 *
 * <p>CSV is RFC 4180 in UTF-8 and starts with a byte order mark: without it Excel on a Chinese Windows reads the
 * file as GB18030 and garbles every Chinese name. Text that a spreadsheet would run as a formula is defused. In
 * an .xlsx, amounts and counts are number cells and dates date cells. A number cell holds a binary double, which
 * keeps 15 significant digits exactly: an amount of more digits (beyond 10^13 yuan with its fen) is written as
 * text instead, so that no yuan is lost.
 */
public abstract class Table implements Closeable {

    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** The largest number of significant digits a double carries through a spreadsheet unchanged. */
    static final int EXACT_DIGITS = 15;

    public enum Format {
        CSV("text/csv; charset=UTF-8", "csv"), XLSX(Table.XLSX, "xlsx");

        public final String mediaType;
        public final String extension;

        Format(String mediaType, String extension) {
            this.mediaType = mediaType;
            this.extension = extension;
        }
    }

    /** How a column's values are written; each takes the Java type named. */
    public enum Kind {
        /** Any object, written as its text. */
        TEXT,
        /** A Number without decimals. */
        INTEGER,
        /** A BigDecimal of yuan, shown with two decimals and thousands separators. */
        AMOUNT,
        /** A BigDecimal shown with the decimals it has. */
        NUMBER,
        /** A BigDecimal fraction, such as a rate: a percentage in a workbook, the fraction as given in CSV. */
        FRACTION,
        /** A LocalDate. */
        DATE,
        /** An Instant, written as ISO-8601 UTC text (a spreadsheet's date-time has no zone). */
        INSTANT
    }

    public record Column(String title, Kind kind) {
    }

    protected final List<Column> columns;

    protected Table(List<Column> columns) {
        this.columns = List.copyOf(columns);
    }

    /** Adds a row: one value per column, in their order; null is an empty cell. */
    public abstract void add(List<?> values);

    protected abstract void writeTo(OutputStream out) throws IOException;

    /** Deletes the temporary files. */
    @Override
    public abstract void close();

    /**
     * The download of a table that {@code rows} fills, named {@code name} (the extension is added; {@code asciiName}
     * for clients that cannot read a UTF-8 file name). The rows are written before the answer starts, so that
     * whatever refuses the request still answers a problem.
     */
    public static Response download(Format format, String sheet, List<Column> columns, String name, String asciiName,
                                    Consumer<Table> rows) {
        Table table = format == Format.CSV ? new Csv(columns) : new Xlsx(sheet, columns);
        try {
            rows.accept(table);
        } catch (RuntimeException e) {
            table.close();
            throw e;
        }
        StreamingOutput body = out -> {
            try (table) {
                table.writeTo(out);
            }
        };
        return Response.ok(body, format.mediaType)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition(name + "." + format.extension,
                        asciiName + "." + format.extension))
                .build();
    }

    /** {@code attachment} with the ASCII name, and the UTF-8 one as {@code filename*} (RFC 6266) when it differs. */
    static String disposition(String name, String asciiName) {
        String header = "attachment; filename=\"" + asciiName.replaceAll("[^\\x20-\\x7E]|[\"\\\\]", "_") + "\"";
        if (name.equals(asciiName)) {
            return header;
        }
        StringBuilder encoded = new StringBuilder();
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if (c < 0x80 && (Character.isLetterOrDigit(c) || "!#$&+-.^_`|~".indexOf(c) >= 0)) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xFF));
            }
        }
        return header + "; filename*=UTF-8''" + encoded;
    }

    /** A cell of CSV: quoted when it must be, and text that a spreadsheet would run as a formula defused. */
    public static String csvText(String value) {
        if (value == null) {
            return "";
        }
        String v = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")
                ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    /** A number as plain digits, without trailing zeros. */
    static String plain(BigDecimal v) {
        return v.signum() == 0 ? "0" : v.stripTrailingZeros().toPlainString();
    }

    private static final class Csv extends Table {

        private final Path file;
        private final Writer writer;

        Csv(List<Column> columns) {
            super(columns);
            try {
                file = Files.createTempFile("landfall-", ".csv");
                writer = new BufferedWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8));
                writer.write('\uFEFF');
                line(columns.stream().map(c -> csvText(c.title())).toList());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void add(List<?> values) {
            String[] cells = new String[columns.size()];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = cell(columns.get(i).kind(), values.get(i));
            }
            line(List.of(cells));
        }

        private static String cell(Kind kind, Object value) {
            if (value == null) {
                return "";
            }
            return switch (kind) {
                case AMOUNT, NUMBER -> plain((BigDecimal) value);
                case FRACTION -> ((BigDecimal) value).toPlainString();
                case INTEGER, DATE, INSTANT -> value.toString();
                case TEXT -> csvText(value.toString());
            };
        }

        private void line(List<String> cells) {
            try {
                writer.write(String.join(",", cells));
                writer.write("\r\n");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        protected void writeTo(OutputStream out) throws IOException {
            writer.close();
            Files.copy(file, out);
        }

        @Override
        public void close() {
            try {
                writer.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final class Xlsx extends Table {

        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final SXSSFSheet sheet;
        private final CellStyle[] styles;
        private int rows;

        Xlsx(String sheetName, List<Column> columns) {
            super(columns);
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet(sheetName);
            styles = columns.stream().map(c -> style(c.kind())).toArray(CellStyle[]::new);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            SXSSFRow header = sheet.createRow(rows++);
            for (int i = 0; i < columns.size(); i++) {
                SXSSFCell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).title());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, Math.max(12, Math.min(60, width(columns.get(i).title()) + 2)) * 256);
                if (styles[i] != null) {
                    // what is typed into the column later takes its format: a date stays a date, 1E+10 shows its digits
                    sheet.setDefaultColumnStyle(i, styles[i]);
                }
            }
            sheet.createFreezePane(0, 1);
        }

        /** The width of a header in the units of a column width: a Chinese character takes about two Latin letters. */
        private static int width(String title) {
            return title.codePoints().map(c -> c >= 0x2E80 ? 2 : 1).sum();
        }

        private CellStyle style(Kind kind) {
            String format = switch (kind) {
                case AMOUNT -> "#,##0.00";
                case INTEGER -> "#,##0";
                case FRACTION -> "0.00%";
                case DATE -> "yyyy-mm-dd";
                case NUMBER, TEXT, INSTANT -> null;
            };
            if (format == null) {
                return null;
            }
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
            return style;
        }

        @Override
        public void add(List<?> values) {
            SXSSFRow row = sheet.createRow(rows++);
            for (int i = 0; i < columns.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                SXSSFCell cell = row.createCell(i);
                switch (columns.get(i).kind()) {
                    case AMOUNT, NUMBER, FRACTION -> {
                        BigDecimal v = (BigDecimal) value;
                        if (v.stripTrailingZeros().precision() <= EXACT_DIGITS) {
                            cell.setCellValue(v.doubleValue());
                        } else {
                            cell.setCellValue(plain(v));
                        }
                    }
                    case INTEGER -> cell.setCellValue(((Number) value).doubleValue());
                    case DATE -> cell.setCellValue((LocalDate) value);
                    case INSTANT -> cell.setCellValue(((Instant) value).toString());
                    case TEXT -> cell.setCellValue(value.toString());
                }
                if (styles[i] != null) {
                    cell.setCellStyle(styles[i]);
                }
            }
        }

        @Override
        protected void writeTo(OutputStream out) throws IOException {
            if (rows > 1) {
                sheet.setAutoFilter(new CellRangeAddress(0, rows - 1, 0, columns.size() - 1));
            }
            workbook.write(out);
        }

        @Override
        public void close() {
            try {
                workbook.close(); // deletes the temporary files
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
