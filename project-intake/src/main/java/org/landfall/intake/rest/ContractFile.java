package org.landfall.intake.rest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.Validator;
import org.landfall.intake.domain.IntakeText;
import org.landfall.intake.service.ImportService;
import org.landfall.intake.service.IntakeConfig;
import org.landfall.platform.problem.FieldError;
import org.landfall.platform.problem.ProblemException;
import org.landfall.platform.problem.ProblemMappers;
import org.landfall.platform.problem.ProblemText;
import org.landfall.platform.problem.Text;

/**
 * Reads a file of signed contracts: CSV (RFC 4180: a header line, one contract a line, quoted cells may hold
 * commas, quotes and line breaks) or the first sheet of an .xlsx workbook ({@link WorkbookLines}). Each row becomes
 * the very {@link NewProject} that {@code POST /api/projects} reads, through the same strict JSON reading and the
 * same Bean Validation constraints; the header names the columns ({@link ProjectColumn}), and {@code phases} is one
 * cell ({@code 5000000000 (20 GWh); 5000000000 (20 GWh)}), and so is {@code designations}
 * ({@code provincial-key; municipal-key}). A file that is not a readable table is a 400; a row that breaks a rule
 * is listed with its line (a sheet's row number) and field.
 *
 * <p>Every cell is measured before anything else reads it, and no cell is read by a regular expression: a long
 * cell costs one comparison and one error, whatever it holds.
 */
@ApplicationScoped
public class ContractFile {

    private static final List<DateTimeFormatter> SHEET_DATES = List.of("uuuu-M-d", "uuuu/M/d", "uuuu年M月d日").stream()
            .map(form -> DateTimeFormatter.ofPattern(form).withResolverStyle(ResolverStyle.STRICT)).toList();

    /** The longest cell read: longer than any field may be (a URL of 2000, phases of about 40 each). */
    static final int MAX_CELL = 5000;
    /** The widest header: the contract has 23 columns, a sheet may carry empty ones at its right. */
    static final int MAX_COLUMNS = 100;

    static final List<ProjectColumn> REQUIRED = List.of(ProjectColumn.NAME, ProjectColumn.INVESTOR,
            ProjectColumn.PROVINCE, ProjectColumn.CITY, ProjectColumn.SECTOR, ProjectColumn.SIGNED_ON,
            ProjectColumn.CONTRACT_VALUE);

    private static final CsvMapper CSV = new CsvMapper();

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    IntakeConfig config;

    /** A line of a file as read: its number (a sheet's row number) and its cells as text. */
    record Line(int number, String[] cells) {
    }

    /** The lines of a file, read on demand, so that a file of too many rows is refused before it is all read. */
    interface Lines extends AutoCloseable {

        /** The next line, or null at the end. */
        Line next();

        @Override
        void close();
    }

    @PostConstruct
    void limits() {
        WorkbookLines.limit(config.imports().maxUnpackedBytes());
    }

    /**
     * The rows of a CSV file: in {@code charset} when the Content-Type names one; else UTF-8 after a byte order
     * mark, UTF-8 when the bytes are UTF-8, and GB18030 (what Excel's "CSV" writes on a Chinese Windows) otherwise.
     */
    public List<ImportService.Row> readCsv(byte[] file, Charset charset) {
        String text = decode(file, charset);
        MappingIterator<String[]> records;
        try {
            records = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY).readValues(text);
        } catch (IOException e) {
            throw notCsv(e);
        }
        return read(new Lines() {
            @Override
            public Line next() {
                try {
                    int line = records.getParser().currentLocation().getLineNr();
                    return records.hasNextValue() ? new Line(line, records.nextValue()) : null;
                } catch (IOException | RuntimeException e) {
                    throw notCsv(e);
                }
            }

            @Override
            public void close() {
                try {
                    records.close();
                } catch (IOException e) {
                    // a reader of a string: nothing to release
                }
            }
        });
    }

    /** The rows of the first sheet of an .xlsx workbook. */
    public List<ImportService.Row> readWorkbook(byte[] file) {
        return read(WorkbookLines.open(file, config.imports().maxUnpackedBytes()));
    }

    private List<ImportService.Row> read(Lines lines) {
        List<ImportService.Row> rows = new ArrayList<>();
        List<ProjectColumn> header = null;
        try (lines) {
            for (Line line = lines.next(); line != null; line = lines.next()) {
                if (Arrays.stream(line.cells()).allMatch(String::isBlank)) {
                    continue;
                }
                if (header == null) {
                    header = header(line);
                } else if (rows.size() == config.imports().maxRows()) {
                    throw ProblemException.of(413, IntakeText.TOO_MANY_ROWS.with(config.imports().maxRows()));
                } else {
                    rows.add(row(header, line));
                }
            }
        }
        if (header == null) {
            throw ProblemException.badRequest(IntakeText.FILE_EMPTY.with(), List.of());
        }
        if (rows.isEmpty()) {
            throw ProblemException.unprocessable("file", IntakeText.FILE_WITHOUT_CONTRACT.with());
        }
        return rows;
    }

    private static ProblemException notCsv(Exception e) {
        if (e instanceof JacksonException j) {
            JsonLocation at = j.getLocation();
            // The CSV parser's complaint is English only: it quotes what it met.
            Text message = j.getOriginalMessage() == null ? ProblemText.UNREADABLE_BODY.with()
                    : Text.said(Text.excerpt(j.getOriginalMessage().lines().findFirst().orElse("")));
            return ProblemException.badRequest(at == null || at.getLineNr() < 1 ? IntakeText.NOT_CSV_FILE.with(message)
                    : IntakeText.NOT_CSV_FILE_AT.with(at.getLineNr(), message), List.of());
        }
        return ProblemException.badRequest(IntakeText.NOT_CSV_FILE.with(ProblemText.UNREADABLE_BODY.with()), List.of());
    }

    private static String decode(byte[] file, Charset charset) {
        if (file == null || file.length == 0) {
            throw ProblemException.badRequest(IntakeText.FILE_EMPTY.with(), List.of());
        }
        if (charset != null) {
            return withoutBom(strictly(file, charset).orElseThrow(() ->
                    ProblemException.badRequest(IntakeText.NOT_IN_CHARSET.with(charset.name()), List.of())));
        }
        Optional<String> utf8 = strictly(file, StandardCharsets.UTF_8);
        boolean bom = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF;
        if (utf8.isPresent() || bom) {
            return withoutBom(utf8.orElseThrow(() -> ProblemException.badRequest(IntakeText.BOM_BUT_NOT_UTF8.with(), List.of())));
        }
        return strictly(file, Charset.forName("GB18030")).orElseThrow(() ->
                ProblemException.badRequest(IntakeText.NEITHER_UTF8_NOR_GB18030.with(), List.of()));
    }

    private static Optional<String> strictly(byte[] file, Charset charset) {
        try {
            return Optional.of(charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** Spreadsheets write a byte order mark at the start of a UTF-8 CSV. */
    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private List<ProjectColumn> header(Line line) {
        String[] cells = line.cells();
        int width = cells.length;
        while (width > 0 && cells[width - 1].isBlank()) {
            width--; // empty columns at the right of a sheet
        }
        if (width > MAX_COLUMNS) {
            throw ProblemException.badRequest(IntakeText.HEADER_TOO_WIDE.with(line.number(), width, ProjectColumn.CONTRACT.size()),
                    List.of());
        }
        List<ProjectColumn> header = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<ProjectColumn> seen = new HashSet<>();
        for (int i = 0; i < width; i++) {
            String name = cells[i].strip();
            Optional<ProjectColumn> column = ProjectColumn.named(name);
            if (name.isEmpty()) {
                errors.add(new FieldError(line.number(), null, IntakeText.COLUMN_WITHOUT_NAME.with(i + 1)));
            } else if (column.isEmpty()) {
                errors.add(new FieldError(line.number(), Text.excerpt(name), IntakeText.UNKNOWN_COLUMN.with(
                        String.join(", ", ProjectColumn.CONTRACT.stream().map(c -> c.key).toList()),
                        String.join("、", ProjectColumn.CONTRACT.stream().map(c -> c.zh).toList()))));
            } else if (!column.get().imported) {
                errors.add(new FieldError(line.number(), column.get().key, IntakeText.LEDGER_COLUMN.with()));
            } else if (!seen.add(column.get())) {
                errors.add(new FieldError(line.number(), column.get().key, IntakeText.COLUMN_TWICE.with()));
            }
            header.add(column.orElse(null));
        }
        // A file that gives the places by their code need not name them.
        REQUIRED.stream().filter(r -> !seen.contains(r))
                .filter(r -> !seen.contains(ProjectColumn.REGION_CODE) || r != ProjectColumn.PROVINCE && r != ProjectColumn.CITY)
                .forEach(r -> errors.add(new FieldError(line.number(), r.key, IntakeText.COLUMN_MISSING.with())));
        if (!errors.isEmpty()) {
            throw ImportService.refusal(400, IntakeText.HEADER_WRONG.with(line.number()), errors, config.imports().maxErrors());
        }
        return header;
    }

    private ImportService.Row row(List<ProjectColumn> header, Line line) {
        int number = line.number();
        String[] cells = line.cells();
        List<FieldError> errors = new ArrayList<>();
        if (Arrays.stream(cells).skip(header.size()).anyMatch(c -> !c.isBlank())) {
            errors.add(new FieldError(number, null, IntakeText.TOO_MANY_CELLS.with(cells.length, header.size())));
            return new ImportService.Row(number, null, errors);
        }
        ObjectNode json = mapper.createObjectNode();
        for (int i = 0; i < header.size() && i < cells.length; i++) {
            ProjectColumn column = header.get(i);
            if (cells[i].length() > MAX_CELL) {
                errors.add(new FieldError(number, column.key, IntakeText.CELL_TOO_LONG.with(cells[i].length(), MAX_CELL)));
            } else if (!cells[i].isEmpty()) {
                JsonNode value = value(column, cells[i], number, errors);
                if (value != null) {
                    put(json, column.key, value);
                }
            }
        }
        if (!errors.isEmpty()) {
            return new ImportService.Row(number, null, errors);
        }
        NewProject contract;
        try {
            contract = mapper.treeToValue(json, NewProject.class);
        } catch (JacksonException e) {
            String field = e instanceof JsonMappingException m ? ProblemMappers.pathOf(m) : null;
            errors.add(new FieldError(number, field, ProblemMappers.unreadable(e)));
            return new ImportService.Row(number, null, errors);
        }
        validator.validate(contract).stream()
                .map(v -> new FieldError(number, ProblemMappers.fieldOf(v), Text.said(v.getMessage())))
                .sorted(FieldError.BY_FIELD)
                .forEach(errors::add);
        return errors.isEmpty() ? new ImportService.Row(number, contract.toContract(), List.of())
                : new ImportService.Row(number, null, errors);
    }

    private static JsonNode value(ProjectColumn column, String cell, int line, List<FieldError> errors) {
        String s = cell.strip();
        return switch (column.cell) {
            case TEXT, INSTANT -> TextNode.valueOf(cell);
            case AMOUNT, NUMBER -> number(s, line, column.key, errors);
            case INTEGER -> {
                try {
                    yield s.isEmpty() ? null : IntNode.valueOf(Integer.parseInt(s));
                } catch (NumberFormatException e) {
                    errors.add(new FieldError(line, column.key, ProblemText.CANNOT_READ_AS.with(Text.excerpt(s), ProblemText.AN_INTEGER.with())));
                    yield null;
                }
            }
            case DATE -> {
                try {
                    yield s.isEmpty() ? null : TextNode.valueOf(date(s).toString());
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(line, column.key, ProblemText.CANNOT_READ_AS.with(Text.excerpt(s), IntakeText.A_SHEET_DATE.with())));
                    yield null;
                }
            }
            case PHASES -> phases(s, line, errors);
            case CODES -> codes(s);
        };
    }

    /**
     * A date as officers' spreadsheets write it: ISO 8601, or the short date of a spreadsheet program in Chinese
     * (2023/3/15, which Excel writes into a CSV whatever the cell showed), or 2023年3月15日. Day-first and month-first
     * forms (15/03/2023, 03/15/2023) stay refused: which is which cannot be told.
     */
    static LocalDate date(String s) {
        DateTimeParseException first = null;
        for (DateTimeFormatter form : SHEET_DATES) {
            try {
                return LocalDate.parse(s, form);
            } catch (DateTimeParseException e) {
                first = first == null ? e : first;
            }
        }
        throw first;
    }

    private static JsonNode number(String s, int line, String field, List<FieldError> errors) {
        if (s.isEmpty()) {
            return null;
        }
        try {
            // As long as the JSON reader allows: a 1,000-digit number is refused before any arithmetic on it.
            if (s.length() <= 64) {
                return DecimalNode.valueOf(new BigDecimal(s));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        errors.add(new FieldError(line, field, ProblemText.CANNOT_READ_AS.with(Text.excerpt(s), IntakeText.A_PLAIN_NUMBER.with())));
        return null;
    }

    /**
     * {@code 5000000000 (20 GWh); (20 GWh); 3000000000}: phases 1..n in order, each an investment and/or a capacity
     * in brackets. Read by hand, each character looked at a bounded number of times.
     */
    private static JsonNode phases(String cell, int line, List<FieldError> errors) {
        ArrayNode phases = JsonNodeFactory.instance.arrayNode();
        int n = 0;
        for (String part : cell.split(";", -1)) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            String field = "phases[" + n + "]";
            ObjectNode phase = phases.addObject().put("number", ++n);
            int open = p.indexOf('(');
            boolean bracketed = open >= 0 && p.endsWith(")") && p.indexOf(')') == p.length() - 1
                    && p.indexOf('(', open + 1) < 0;
            if (open < 0 ? p.indexOf(')') >= 0 : !bracketed) {
                errors.add(new FieldError(line, field, IntakeText.PHASE_UNREADABLE.with(Text.excerpt(p))));
                continue;
            }
            String investment = (open < 0 ? p : p.substring(0, open)).strip();
            if (!investment.isEmpty()) {
                JsonNode value = number(investment, line, field + ".investment", errors);
                if (value != null) {
                    phase.set("investment", value);
                }
            }
            if (open >= 0) {
                capacity(p.substring(open + 1, p.length() - 1), line, field, errors)
                        .ifPresent(capacity -> phase.set("capacity", capacity));
            }
        }
        return phases.isEmpty() ? null : phases;
    }

    /** {@code 20 GWh}: a value, spaces, a unit (which may hold spaces itself). */
    private static Optional<ObjectNode> capacity(String text, int line, String field, List<FieldError> errors) {
        String c = text.strip();
        int space = 0;
        while (space < c.length() && !Character.isWhitespace(c.charAt(space))) {
            space++;
        }
        String unit = c.substring(space).strip();
        if (space == 0 || unit.isEmpty()) {
            errors.add(new FieldError(line, field + ".capacity", IntakeText.CAPACITY_UNREADABLE.with()));
            return Optional.empty();
        }
        JsonNode value = number(c.substring(0, space), line, field + ".capacity.value", errors);
        if (value == null) {
            return Optional.empty();
        }
        ObjectNode capacity = JsonNodeFactory.instance.objectNode().put("unit", unit);
        capacity.set("value", value);
        return Optional.of(capacity);
    }

    /** {@code provincial-key; municipal-key} (or with {@code |}): a comma would need the cell quoted. */
    private static JsonNode codes(String cell) {
        ArrayNode codes = JsonNodeFactory.instance.arrayNode();
        Arrays.stream(cell.replace('|', ';').split(";")).map(String::strip).filter(c -> !c.isEmpty()).forEach(codes::add);
        return codes.isEmpty() ? null : codes;
    }

    private static void put(ObjectNode json, String column, JsonNode value) {
        int dot = column.indexOf('.');
        if (dot < 0) {
            json.set(column, value);
        } else {
            String parent = column.substring(0, dot);
            ObjectNode nested = json.get(parent) instanceof ObjectNode o ? o : json.putObject(parent);
            nested.set(column.substring(dot + 1), value);
        }
    }
}
