package org.landfall.intake.rest;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationshipTypes;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.SharedStrings;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFRelation;
import org.landfall.intake.domain.IntakeText;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.Text;

/**
 * The rows of the first sheet of an .xlsx workbook, each as the text of its cells, read as a stream: a sheet is
 * never held whole, and reading stops as soon as the import has seen too many rows.
 *
 * <p>Before POI sees the file, the zip is unpacked once into nothing, counting: more than
 * {@code landfall.import.max-unpacked-bytes} unpacked, or more than 1000 parts, is a 413 (a zip bomb unpacks to
 * gigabytes from a few kilobytes). Macros (a VBA project, Excel 4 macro sheets, ActiveX controls, or a
 * macro-enabled workbook's type) are refused as another type of file (415); a workbook linking to other files
 * (external links) is refused as a rule (422): its figures may come from a file the officer does not send.
 *
 * <p>Cells become the text the CSV import would read: a number as its decimal digits, rounded to the 15
 * significant digits that a spreadsheet shows and keeps (so 1.1, stored as 1.1000000000000001, is 1.1, and
 * 10000000000 stays 10000000000); a number in a date format as its date ({@code YYYY-MM-DD}); text as it is.
 * A formula's cached value is read, never the formula.
 */
final class WorkbookLines implements ContractFile.Lines {

    private static final int MAX_PARTS = 1000;
    private static final int EXCEL_COLUMNS = 16_384;
    private static final int EXCEL_ROWS = 1_048_576;
    /** The serial number of 9999-12-31, the last date a spreadsheet holds. */
    private static final double LAST_DATE = 2_958_465;
    private static final MathContext SHOWN_DIGITS = new MathContext(15, RoundingMode.HALF_EVEN);

    private static final Set<String> ACCEPTED = Set.of(XSSFRelation.WORKBOOK.getContentType(),
            XSSFRelation.TEMPLATE_WORKBOOK.getContentType());
    private static final Set<String> MACRO_WORKBOOKS = Set.of(XSSFRelation.MACROS_WORKBOOK.getContentType(),
            XSSFRelation.MACRO_TEMPLATE_WORKBOOK.getContentType(), XSSFRelation.MACRO_ADDIN_WORKBOOK.getContentType(),
            XSSFRelation.XLSB_BINARY_WORKBOOK.getContentType());
    private static final Set<String> MACROS = Set.of(XSSFRelation.VBA_MACROS.getContentType(),
            XSSFRelation.ACTIVEX_CONTROLS.getContentType(), XSSFRelation.ACTIVEX_BINS.getContentType(),
            XSSFRelation.MACRO_SHEET_BIN.getContentType(), XSSFRelation.MACRO_SHEET_XML.getContentType(),
            XSSFRelation.INTL_MACRO_SHEET_BIN.getContentType(), XSSFRelation.INTL_MACRO_SHEET_XML.getContentType());

    private final OPCPackage workbook;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final SharedStrings strings;
    private final StylesTable styles;
    private final boolean date1904;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private int lastRow;

    private WorkbookLines(OPCPackage workbook, InputStream sheet, XMLStreamReader xml, SharedStrings strings,
                          StylesTable styles, boolean date1904) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.xml = xml;
        this.strings = strings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    /** POI's own zip limits, behind the count of {@link #open}: no part may unpack to more than the whole may. */
    static void limit(long maxUnpackedBytes) {
        ZipSecureFile.setMaxEntrySize(maxUnpackedBytes);
        ZipSecureFile.setMaxFileCount(MAX_PARTS);
    }

    static WorkbookLines open(byte[] file, long maxUnpackedBytes) {
        signature(file);
        unpacked(file, maxUnpackedBytes);
        OPCPackage workbook;
        try {
            workbook = OPCPackage.open(new ByteArrayInputStream(file));
        } catch (Exception e) {
            throw unreadable(e);
        }
        try {
            refuseActiveContent(workbook);
            XSSFReader reader = new XSSFReader(workbook);
            SharedStrings strings = new ReadOnlySharedStringsTable(workbook, false);
            StylesTable styles = reader.getStylesTable();
            boolean date1904;
            try (InputStream data = reader.getWorkbookData()) {
                date1904 = date1904(data);
            }
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw ProblemException.badRequest(IntakeText.WORKBOOK_NO_SHEET.with(), List.of());
            }
            InputStream sheet = sheets.next();
            return new WorkbookLines(workbook, sheet, XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet),
                    strings, styles, date1904);
        } catch (ProblemException e) {
            workbook.revert();
            throw e;
        } catch (Exception e) {
            workbook.revert();
            throw unreadable(e);
        }
    }

    @Override
    public ContractFile.Line next() {
        try {
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    return row();
                }
                if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                    return null;
                }
            }
            return null;
        } catch (ProblemException e) {
            throw e;
        } catch (XMLStreamException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void close() {
        try {
            xml.close();
            sheet.close();
        } catch (XMLStreamException | IOException e) {
            // read from memory: nothing to release
        }
        workbook.revert(); // closes without writing anything back
    }

    /** The file starts as a zip does; an .xls (or a password-protected workbook, an OLE2 file too) is another type. */
    private static void signature(byte[] file) {
        if (file == null || file.length == 0) {
            throw ProblemException.badRequest(IntakeText.WORKBOOK_EMPTY.with(), List.of());
        }
        if (startsWith(file, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw ProblemException.of(415, IntakeText.WORKBOOK_XLS.with());
        }
        if (!startsWith(file, 'P', 'K', 3, 4)) {
            throw ProblemException.badRequest(IntakeText.NOT_XLSX_ZIP.with(), List.of());
        }
    }

    private static boolean startsWith(byte[] file, int... bytes) {
        if (file.length < bytes.length) {
            return false;
        }
        for (int i = 0; i < bytes.length; i++) {
            if ((file[i] & 0xFF) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    /** Unpacks the zip into nothing, counting what comes out: the zip bomb's defence, whatever its headers claim. */
    private static void unpacked(byte[] file, long maxUnpackedBytes) {
        long total = 0;
        int parts = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    throw ProblemException.of(413, IntakeText.WORKBOOK_TOO_MANY_PARTS.with(MAX_PARTS));
                }
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > maxUnpackedBytes) {
                        throw ProblemException.of(413, IntakeText.WORKBOOK_UNPACKS_TOO_LARGE.with(maxUnpackedBytes));
                    }
                }
            }
        } catch (IOException | IllegalArgumentException e) {
            throw unreadable(e);
        }
        if (parts == 0) {
            throw ProblemException.badRequest(IntakeText.NOT_XLSX_EMPTY_ZIP.with(), List.of());
        }
    }

    private static void refuseActiveContent(OPCPackage workbook) throws Exception {
        List<PackagePart> main = workbook.getPartsByRelationshipType(PackageRelationshipTypes.CORE_DOCUMENT);
        if (main.isEmpty()) {
            main = workbook.getPartsByRelationshipType(PackageRelationshipTypes.STRICT_CORE_DOCUMENT);
        }
        if (main.isEmpty()) {
            throw ProblemException.badRequest(IntakeText.NOT_XLSX_NO_MAIN_DOCUMENT.with(), List.of());
        }
        String type = main.get(0).getContentType();
        if (MACRO_WORKBOOKS.contains(type)) {
            throw macros();
        }
        if (!ACCEPTED.contains(type)) {
            throw ProblemException.of(415, IntakeText.NOT_AN_EXCEL_WORKBOOK.with(abbreviated(type)));
        }
        for (PackagePart part : workbook.getParts()) {
            String name = part.getPartName().getName().toLowerCase(Locale.ROOT);
            if (MACROS.contains(part.getContentType()) || name.endsWith("/vbaproject.bin") || name.startsWith("/xl/activex/")
                    || name.startsWith("/xl/macrosheets/")) {
                throw macros();
            }
            if (XSSFRelation.EXTERNAL_LINKS.getContentType().equals(part.getContentType())
                    || name.startsWith("/xl/externallinks/")) {
                throw ProblemException.unprocessable(IntakeText.WORKBOOK_EXTERNAL_LINKS.with(), List.of());
            }
        }
    }

    /** Whether the workbook counts its dates from 1904 (Excel for Mac once did) rather than 1900. */
    private static boolean date1904(InputStream workbook) throws XMLStreamException {
        XMLStreamReader xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(workbook);
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT) {
                    if ("workbookPr".equals(xml.getLocalName())) {
                        String value = xml.getAttributeValue(null, "date1904");
                        return "1".equals(value) || "true".equals(value);
                    }
                    if ("sheets".equals(xml.getLocalName())) {
                        return false; // workbookPr comes before the sheets, if at all
                    }
                }
            }
            return false;
        } finally {
            xml.close();
        }
    }

    private ContractFile.Line row() throws XMLStreamException {
        String r = xml.getAttributeValue(null, "r");
        int number = r == null ? lastRow + 1 : integer(r, "row number");
        if (number < 1 || number > EXCEL_ROWS) {
            throw malformed("a row number outside 1.." + EXCEL_ROWS);
        }
        lastRow = number;
        List<String> cells = new ArrayList<>();
        int next = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String ref = xml.getAttributeValue(null, "r");
                int column = ref == null ? next : column(ref);
                String text = cell(xml.getAttributeValue(null, "t"), xml.getAttributeValue(null, "s"));
                next = column + 1;
                if (!text.isEmpty()) {
                    while (cells.size() <= column) {
                        cells.add("");
                    }
                    cells.set(column, text);
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                return new ContractFile.Line(number, cells.toArray(String[]::new));
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw malformed("a row without its end");
            }
        }
    }

    /** The column of a reference such as {@code C5}, from 0. */
    private static int column(String ref) {
        int column = 0;
        int i = 0;
        while (i < ref.length() && i < 4 && Character.isLetter(ref.charAt(i)) && ref.charAt(i) < 0x80) {
            column = column * 26 + Character.toUpperCase(ref.charAt(i)) - 'A' + 1;
            i++;
        }
        if (i == 0 || column > EXCEL_COLUMNS) {
            throw malformed("a cell reference that names no column: " + abbreviated(ref));
        }
        return column - 1;
    }

    /** The text of the cell the reader is at, of type {@code t} and style {@code s}; reads to the cell's end. */
    private String cell(String type, String style) throws XMLStreamException {
        String value = null;
        String inline = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("v".equals(xml.getLocalName())) {
                    value = xml.getElementText();
                } else if ("is".equals(xml.getLocalName())) {
                    inline = inlineText();
                }
            } else if (event == XMLStreamConstants.END_ELEMENT && "c".equals(xml.getLocalName())) {
                break;
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw malformed("a cell without its end");
            }
        }
        if (type == null || type.equals("n")) {
            return value == null || value.isBlank() ? "" : number(value.strip(), style);
        }
        return switch (type) {
            case "s" -> value == null ? "" : shared(value);
            case "inlineStr" -> inline == null ? "" : inline;
            case "b" -> "1".equals(value == null ? null : value.strip()) ? "TRUE" : "FALSE";
            case "d" -> value == null ? "" : isoDate(value.strip());
            default -> value == null ? "" : value; // str (a formula's text), e (an error such as #N/A)
        };
    }

    /** An inline string: its text runs, without phonetic guides. */
    private String inlineText() throws XMLStreamException {
        StringBuilder text = new StringBuilder();
        int phonetic = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic++;
                } else if ("t".equals(xml.getLocalName())) {
                    String t = xml.getElementText();
                    if (phonetic == 0) {
                        text.append(t);
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                if ("rPh".equals(xml.getLocalName())) {
                    phonetic--;
                } else if ("is".equals(xml.getLocalName())) {
                    return text.toString();
                }
            } else if (event == XMLStreamConstants.END_DOCUMENT) {
                throw malformed("an inline string without its end");
            }
        }
    }

    private String shared(String index) {
        int i = integer(index, "shared string index");
        if (i < 0 || i >= strings.getCount()) {
            throw malformed("a cell names shared string " + i + " of " + strings.getCount());
        }
        return strings.getItemAt(i).getString();
    }

    /** A number cell: its date if its format is a date's, else its digits as a spreadsheet shows them. */
    private String number(String value, String style) {
        if (value.length() > 64) {
            return value; // no number: the import says so
        }
        if (style != null && dateStyle(integer(style, "style index"))) {
            try {
                double serial = Double.parseDouble(value);
                if (serial >= 0 && serial <= LAST_DATE) {
                    return DateUtil.getLocalDateTime(serial, date1904).toLocalDate().toString();
                }
            } catch (NumberFormatException e) {
                return value;
            }
        }
        try {
            BigDecimal number = new BigDecimal(value).round(SHOWN_DIGITS).stripTrailingZeros();
            // No string of a billion zeros for 1E+999999999: the import refuses it as it is written.
            return Math.abs(number.scale()) > 64 ? number.toString() : number.toPlainString();
        } catch (NumberFormatException e) {
            return value;
        }
    }

    private boolean dateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i < 0 || i >= styles.getNumCellStyles()) {
                return false;
            }
            XSSFCellStyle style = styles.getStyleAt(i);
            return style != null && DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        });
    }

    /** A cell of type {@code d}: an ISO 8601 date, or a date and time at midnight; anything else stays as written. */
    private static String isoDate(String value) {
        try {
            return LocalDate.parse(value).toString();
        } catch (DateTimeParseException notADate) {
            try {
                LocalDateTime at = LocalDateTime.parse(value);
                return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : value;
            } catch (DateTimeParseException notADateTime) {
                return value;
            }
        }
    }

    private static int integer(String value, String what) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw malformed("a " + what + " that is no number: " + abbreviated(value));
        }
    }

    private static ProblemException macros() {
        return ProblemException.of(415, IntakeText.WORKBOOK_MACROS.with());
    }

    /** What the structure lacks, in English: a fault of the program that wrote the file, for its maker to read. */
    private static ProblemException malformed(String what) {
        return ProblemException.badRequest(IntakeText.WORKBOOK_UNREADABLE.with(Text.said(what)), List.of());
    }

    private static ProblemException unreadable(Exception e) {
        if (e instanceof ProblemException p) {
            return p;
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return malformed(abbreviated(message));
    }

    private static String abbreviated(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
